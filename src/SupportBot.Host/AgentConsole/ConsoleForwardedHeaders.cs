using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace SupportBot.Host.AgentConsole;

/// <summary>Forwarded headers for the console, believed only from <c>AgentConsole:TrustedProxies</c>: behind a
/// TLS-terminating proxy the request counts as HTTPS (so the session and CSRF cookies, whose policy is "same as the
/// request", are marked <c>Secure</c>) and the sign-in throttle sees the client's address.</summary>
internal static class ConsoleForwardedHeaders
{
    /// <summary>The middleware's options, or null when no proxy is configured (headers are then ignored).</summary>
    public static ForwardedHeadersOptions? Create(IServiceProvider services)
    {
        var proxies = services.GetRequiredService<IOptions<AgentConsoleOptions>>().Value.TrustedProxies;
        if (proxies.Count == 0)
        {
            return null;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            if (AgentConsoleOptionsValidator.TryParseProxy(proxy, out var address, out var network))
            {
                if (address is not null)
                {
                    options.KnownProxies.Add(address);
                }
                else if (network is { } n)
                {
                    options.KnownIPNetworks.Add(n);
                }
            }
        }

        return options;
    }
}
