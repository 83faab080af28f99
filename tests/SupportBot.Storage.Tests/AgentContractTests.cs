using SupportBot.Core.Agents;
using SupportBot.Core.Safety;
using static SupportBot.Storage.Tests.TestTurns;

namespace SupportBot.Storage.Tests;

/// <summary>The agent-account part of the storage contract (see <see cref="StoreContractTests"/>).</summary>
public abstract class AgentContractTests : ChannelStateContractTests
{
    private static NewAgent Lin => new("Lin", AgentRole.Admin, "SB-7K3M9Q", "hash-1", T0);

    [Fact]
    public async Task ACreatedAgentReadsBackByIdNameAndCode()
    {
        var store = await CreateStoreAsync();

        var created = await store.Agents.CreateAgentAsync(Lin, Ct);

        var byId = await store.Agents.GetAgentAsync(created.Id, Ct);
        Assert.NotNull(byId);
        Assert.Equal("Lin", byId.Name);
        Assert.Equal(AgentRole.Admin, byId.Role);
        Assert.Equal("SB-7K3M9Q", byId.Code);
        Assert.True(byId.Active);
        Assert.Equal(T0, byId.CreatedAt);
        Assert.Empty(byId.Links);
        Assert.Equal(created.Id, (await store.Agents.FindAgentByNameAsync("LIN", Ct))?.Id);
        Assert.Equal(new AgentIdentity("SB-7K3M9Q", "Lin", true), await store.Agents.FindByCodeAsync("sb-7k3m9q", Ct));
        Assert.Equal("hash-1", await store.Agents.GetPasswordHashAsync(created.Id, Ct));
        Assert.Null(await store.Agents.GetAgentAsync(created.Id + 100, Ct));
        Assert.Null(await store.Agents.GetPasswordHashAsync(created.Id + 100, Ct));
    }

    [Fact]
    public async Task ATakenNameOrCodeThrowsDuplicateAgentException()
    {
        var store = await CreateStoreAsync();
        await store.Agents.CreateAgentAsync(Lin, Ct);

        await Assert.ThrowsAsync<DuplicateAgentException>(
            () => store.Agents.CreateAgentAsync(Lin with { Name = "lin", Code = "SB-OTHER1" }, Ct));
        await Assert.ThrowsAsync<DuplicateAgentException>(
            () => store.Agents.CreateAgentAsync(Lin with { Name = "Sam", Code = "sb-7k3m9q" }, Ct));

        Assert.Single(await store.Agents.ListAgentsAsync(Ct));
    }

    [Fact]
    public async Task AgentsAreListedByName()
    {
        var store = await CreateStoreAsync();
        await store.Agents.CreateAgentAsync(new NewAgent("zoe", AgentRole.Agent, "SB-Z", "h", T0), Ct);
        await store.Agents.CreateAgentAsync(new NewAgent("Amy", AgentRole.Agent, "SB-A", "h", T0), Ct);
        await store.Agents.CreateAgentAsync(new NewAgent("Mia", AgentRole.Agent, "SB-M", "h", T0), Ct);

        var agents = await store.Agents.ListAgentsAsync(Ct);

        Assert.Equal(["Amy", "Mia", "zoe"], agents.Select(a => a.Name));
    }

    [Fact]
    public async Task LinksFindTheAgentAndARelinkMovesTheChannelUser()
    {
        var store = await CreateStoreAsync();
        var lin = await store.Agents.CreateAgentAsync(Lin, Ct);
        var sam = await store.Agents.CreateAgentAsync(new NewAgent("Sam", AgentRole.Agent, "SB-SAM", "h", T0), Ct);

        await store.Agents.LinkAgentAsync(lin.Id, new AgentLink("telegram", "111"), Ct);
        await store.Agents.LinkAgentAsync(lin.Id, new AgentLink("discord", "222"), Ct);
        await store.Agents.LinkAgentAsync(sam.Id, new AgentLink("telegram", "333"), Ct);
        await store.Agents.LinkAgentAsync(sam.Id, new AgentLink("telegram", "111"), Ct);

        Assert.Equal(sam.Id, (await store.Agents.FindAgentByLinkAsync("telegram", "111", Ct))?.Id);
        Assert.Equal(lin.Id, (await store.Agents.FindAgentByLinkAsync("discord", "222", Ct))?.Id);
        Assert.Null(await store.Agents.FindAgentByLinkAsync("discord", "111", Ct));
        Assert.Equal([new AgentLink("discord", "222")], (await store.Agents.GetAgentAsync(lin.Id, Ct))!.Links);
        Assert.Equal(
            [new AgentLink("telegram", "111"), new AgentLink("telegram", "333")],
            (await store.Agents.GetAgentAsync(sam.Id, Ct))!.Links);
        var listed = await store.Agents.ListAgentsAsync(Ct);
        Assert.Equal(2, listed.Count);
        Assert.Equal(2, listed.Single(a => a.Name == "Sam").Links.Count);
    }

    [Fact]
    public async Task LinkingAnUnknownAgentFails()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => store.Agents.LinkAgentAsync(42, new AgentLink("telegram", "111"), Ct));
    }

    [Fact]
    public async Task DeactivationShowsInTheDirectoryAndThePasswordHashIsReplaced()
    {
        var store = await CreateStoreAsync();
        var lin = await store.Agents.CreateAgentAsync(Lin, Ct);

        await store.Agents.SetAgentActiveAsync(lin.Id, false, Ct);
        await store.Agents.SetPasswordHashAsync(lin.Id, "hash-2", Ct);

        Assert.Equal(new AgentIdentity("SB-7K3M9Q", "Lin", false), await store.Agents.FindByCodeAsync("SB-7K3M9Q", Ct));
        Assert.False((await store.Agents.GetAgentAsync(lin.Id, Ct))!.Active);
        Assert.Equal("hash-2", await store.Agents.GetPasswordHashAsync(lin.Id, Ct));
        Assert.Null(await store.Agents.FindByCodeAsync("SB-NOPE", Ct));
    }
}
