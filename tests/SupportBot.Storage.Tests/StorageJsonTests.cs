using System.Text.Json.Nodes;
using SupportBot.Core.Activities;
using SupportBot.Storage.Serialization;

namespace SupportBot.Storage.Tests;

public sealed class StorageJsonTests
{
    [Fact]
    public void AnAgentReplyKeepsItsSignature()
    {
        var reply = new BotReply("hi", []) { Agent = new AgentSignature("Lin", "SB-7K3M9Q") };

        var json = StorageJson.SerializeReply(reply);

        var agent = JsonNode.Parse(json)!["a"]!;
        Assert.Equal("Lin", (string?)agent["n"]);
        Assert.Equal("SB-7K3M9Q", (string?)agent["c"]);
        Assert.Equal(new AgentSignature("Lin", "SB-7K3M9Q"), StorageJson.DeserializeReply(json).Agent);
    }

    [Fact]
    public void ABotReplyHasNoAgentKeyAndAnOldRowReadsWithoutOne()
    {
        var json = StorageJson.SerializeReply(BotReply.Plain("hi"));

        Assert.False(JsonNode.Parse(json)!.AsObject().ContainsKey("a"));
        var old = StorageJson.DeserializeReply("""{"t":"old","c":[{"v":"x","t":"X"}],"n":100001}""");
        Assert.Null(old.Agent);
        Assert.Equal(("old", 100001L), (old.Text, old.TicketNumber!.Value));
    }
}
