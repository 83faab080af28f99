namespace SupportBot.Host.Api.Wire;

/// <summary>The canned replies in one language.</summary>
/// <param name="Locale">The language of the texts.</param>
/// <param name="Items">The replies, in file order.</param>
public sealed record CannedListDto(string Locale, IReadOnlyList<CannedReplyDto> Items);
