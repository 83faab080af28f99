using Microsoft.Extensions.DependencyInjection;
using SupportBot.Testing.Web;

namespace SupportBot.Channels.WebChat.Tests.Protocol;

/// <summary>Starts the real host for a protocol test, with a known secret and generous rates unless told.</summary>
internal static class WebChatHost
{
    public const string Secret = "test-secret-0123456789abcdef";

    public static Task<RunningHost> StartAsync(
        Dictionary<string, string?>? settings = null, TimeProvider? time = null,
        Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["DirectLine:Secret"] = Secret,
            ["DirectLine:RatePerMinute"] = "100000",
            ["DirectLine:IpRatePerMinute"] = "100000",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return RunningHost.StartAsync(
            all,
            builder =>
            {
                if (time is not null)
                {
                    builder.Services.AddSingleton(time);
                }

                configure?.Invoke(builder);
            },
            TestContext.Current.CancellationToken);
    }

    public static bool IsBotMessage(System.Text.Json.Nodes.JsonObject activity) =>
        (string?)activity["type"] == "message" && (string?)activity["from"]?["role"] == "bot";

    public static bool AnswersTo(System.Text.Json.Nodes.JsonObject activity, string id) =>
        IsBotMessage(activity) && (string?)activity["replyToId"] == id;
}
