namespace Chat.Domain.Messages;

/// <summary>The picker's tabs, in the order Unicode lists them; the interface names each in the reader's language.</summary>
public enum EmojiCategory
{
    Smileys,
    People,
    Nature,
    Food,
    Activities,
    Travel,
    Objects,
    Symbols,
}
