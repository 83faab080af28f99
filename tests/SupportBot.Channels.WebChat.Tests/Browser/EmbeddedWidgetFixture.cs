using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace SupportBot.Channels.WebChat.Tests.Browser;

/// <summary>The bot host plus a shop's site on another loopback port (another origin) whose page embeds the widget
/// with the one script tag a site owner copies; the host allows the shop's origin.</summary>
public sealed class EmbeddedWidgetFixture : BrowserFixture
{
    private WebApplication? _shop;

    /// <summary>The shop's page that embeds the widget.</summary>
    public Uri ShopPage { get; private set; } = new("http://127.0.0.1/");

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["DirectLine:AllowedOrigins:0"] = ShopPage.GetLeftPart(UriPartial.Authority);
        return settings;
    }

    protected override async Task BeforeHostAsync()
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _shop = builder.Build();
        _shop.MapGet("/", () => Results.Content(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">" +
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Shop</title></head>" +
            "<body><h1>Example shop</h1><p>" + string.Concat(Enumerable.Repeat("Welcome to our shop. ", 40)) + "</p>" +
            $"<script src=\"{Host.Address}widget.js\" data-locale=\"zh-CN\"></script></body></html>",
            "text/html; charset=utf-8"));
        await _shop.StartAsync();
        ShopPage = new Uri($"http://127.0.0.1:{port}/");
    }

    protected override async ValueTask DisposeMoreAsync()
    {
        if (_shop is not null)
        {
            await _shop.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
