namespace Chat.Domain.Text;

/// <summary>What a refused text is, so the refusal can name it in the reader's language ("A display name").</summary>
public enum TextSubject
{
    DisplayName,
    ServerName,
    ChannelName,
    Topic,
    Bio,
    Description,
}
