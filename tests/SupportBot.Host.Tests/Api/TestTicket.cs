using SupportBot.Core.Activities;

namespace SupportBot.Host.Tests.Api;

/// <summary>A ticket a test created by chatting, with the chat it came from.</summary>
public sealed record TestTicket(long Number, ConversationKey Conversation, string UserId)
{
    public string Path => "api/tickets/" + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
