namespace SupportBot.Storage.Tests;

/// <summary>The channel-state part of the storage contract: cursors and ticket links (see
/// <see cref="StoreContractTests"/>).</summary>
public abstract class ChannelStateContractTests : StoreContractBase
{
    [Fact]
    public async Task AnUnknownCursorIsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.ChannelState.GetCursorAsync("telegram.offset", Ct));
    }

    [Fact]
    public async Task ACursorIsReplacedByTheLatestValue()
    {
        var store = await CreateStoreAsync();

        await store.ChannelState.SetCursorAsync("telegram.offset", "41", Ct);
        await store.ChannelState.SetCursorAsync("telegram.offset", "42", Ct);
        await store.ChannelState.SetCursorAsync("discord.session", "abc", Ct);

        Assert.Equal("42", await store.ChannelState.GetCursorAsync("telegram.offset", Ct));
        Assert.Equal("abc", await store.ChannelState.GetCursorAsync("discord.session", Ct));
    }

    [Fact]
    public async Task ATicketLinkIsFoundBothWaysAndOnlyInItsChannel()
    {
        var store = await CreateStoreAsync();

        await store.ChannelState.SetTicketLinkAsync("telegram", 100001, "topic-7", Ct);

        Assert.Equal("topic-7", await store.ChannelState.GetTicketLinkAsync("telegram", 100001, Ct));
        Assert.Equal(100001, await store.ChannelState.FindTicketByLinkAsync("telegram", "topic-7", Ct));
        Assert.Null(await store.ChannelState.GetTicketLinkAsync("discord", 100001, Ct));
        Assert.Null(await store.ChannelState.FindTicketByLinkAsync("discord", "topic-7", Ct));
        Assert.Null(await store.ChannelState.GetTicketLinkAsync("telegram", 100002, Ct));
    }

    [Fact]
    public async Task RelinkingATicketReplacesItsEarlierLink()
    {
        var store = await CreateStoreAsync();
        await store.ChannelState.SetTicketLinkAsync("telegram", 100001, "topic-7", Ct);

        await store.ChannelState.SetTicketLinkAsync("telegram", 100001, "topic-9", Ct);

        Assert.Equal("topic-9", await store.ChannelState.GetTicketLinkAsync("telegram", 100001, Ct));
        Assert.Equal(100001, await store.ChannelState.FindTicketByLinkAsync("telegram", "topic-9", Ct));
        Assert.Null(await store.ChannelState.FindTicketByLinkAsync("telegram", "topic-7", Ct));
    }
}
