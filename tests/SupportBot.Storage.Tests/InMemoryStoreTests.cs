using SupportBot.Core.Safety;
using SupportBot.Storage.Memory;
using static SupportBot.Storage.Tests.TestTurns;

namespace SupportBot.Storage.Tests;

/// <summary>The storage contract against <see cref="InMemoryBotStore"/>, plus what only it has.</summary>
public sealed class InMemoryStoreTests : StoreContractTests
{
    [Fact]
    public async Task StateIsCopiedInAndOut()
    {
        var store = new InMemoryBotStore();
        var state = State("abc");
        await store.CommitTurnAsync(Turn(Chat, 0) with { State = state }, Ct);

        state[0] = (byte)'X';
        var loaded = await store.LoadAsync(Chat, Ct);
        loaded!.State[1] = (byte)'Y';

        Assert.Equal(State("abc"), (await store.LoadAsync(Chat, Ct))!.State);
    }

    [Fact]
    public async Task AnAddedAgentIsFoundByCodeIgnoringCase()
    {
        var store = new InMemoryBotStore();
        store.AddAgent(new AgentIdentity("AG-7Q2", "Lin", true));

        var found = await store.FindByCodeAsync("ag-7q2", Ct);

        Assert.Equal(new AgentIdentity("AG-7Q2", "Lin", true), found);
    }

    protected override Task<StoreUnderTest> CreateStoreAsync() =>
        Task.FromResult(StoreUnderTest.Of(new InMemoryBotStore()));
}
