namespace Chat.Domain.Channels;

public sealed record ChannelView(int Id, int CommunityId, string Name, string? Topic);
