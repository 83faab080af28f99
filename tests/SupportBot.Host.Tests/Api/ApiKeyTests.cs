using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Testing.Web;

namespace SupportBot.Host.Tests.Api;

/// <summary>Only a configured key gets in, by either header; no keys means the API is off; a bad key setting stops
/// start-up without printing the key.</summary>
public sealed class ApiKeyTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly (HttpMethod Method, string Path)[] Routes =
    [
        (HttpMethod.Get, "api/tickets"),
        (HttpMethod.Get, "api/tickets/100001"),
        (HttpMethod.Post, "api/tickets/100001/replies"),
        (HttpMethod.Post, "api/tickets/100001/status"),
        (HttpMethod.Post, "api/tickets/100001/assignment"),
        (HttpMethod.Post, "api/tickets/100001/priority"),
        (HttpMethod.Post, "api/tickets/100001/notes"),
        (HttpMethod.Get, "api/canned"),
    ];

    [Fact]
    public async Task EveryRouteWithoutAKeyIs401()
    {
        var api = fixture.Api;

        foreach (var (method, path) in Routes)
        {
            using var request = new HttpRequestMessage(method, path) { Content = ApiHost.Json("{}") };
            using var response = await api.Anonymous.SendAsync(request, TestContext.Current.CancellationToken);

            await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "No API key");
            Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        }
    }

    [Theory]
    [InlineData("Authorization", "Bearer test-key-7f3a9c1e5b2d4681")]
    [InlineData("Authorization", "Bearer test-key-7f3a9c1e5b2d468")]
    [InlineData("X-Api-Key", "TEST-KEY-7F3A9C1E5B2D4680")]
    [InlineData("X-Api-Key", "x")]
    public async Task WrongKeyIs401(string header, string value)
    {
        var api = fixture.Api;
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/tickets");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await api.Anonymous.SendAsync(request, TestContext.Current.CancellationToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, "The API key is not valid.");
    }

    [Theory]
    [InlineData("Authorization", "Bearer " + ApiHost.Key)]
    [InlineData("Authorization", "bearer " + ApiHost.Key)]
    [InlineData("X-Api-Key", ApiHost.Key)]
    public async Task RightKeyInEitherHeaderGetsIn(string header, string value)
    {
        var api = fixture.Api;
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/tickets");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await api.Anonymous.SendAsync(request, TestContext.Current.CancellationToken);

        var list = await ApiAssert.OkAsync(response);
        Assert.Equal(JsonValueKind.Number, list.GetProperty("total").ValueKind);
    }

    [Fact]
    public async Task SecondKeyWorksAlongsideTheFirst()
    {
        await using var api = await ApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["Api:Keys:1:Name"] = "crm",
            ["Api:Keys:1:Key"] = "crm-key-0123456789abcdef",
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/canned");
        request.Headers.Add("X-Api-Key", "crm-key-0123456789abcdef");

        using var response = await api.Anonymous.SendAsync(request, TestContext.Current.CancellationToken);

        await ApiAssert.OkAsync(response);
    }

    [Fact]
    public async Task WithoutConfiguredKeysTheApiAnswers404Disabled()
    {
        await using var host = await RunningHost.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/tickets");
        request.Headers.Add("X-Api-Key", ApiHost.Key);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, "The REST API is disabled");
    }

    [Fact]
    public async Task ShortKeyStopsStartUpWithoutShowingTheKey()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningHost.StartAsync(
            new Dictionary<string, string?> { ["Api:Keys:0:Name"] = "crm", ["Api:Keys:0:Key"] = "hunter2hunter2" },
            cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("Api:Keys:0 (crm) needs a Key of at least 16 characters", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiRouteIs404ProblemPointingAtTheDocument()
    {
        var api = fixture.Api;

        using var response = await api.Client.GetAsync(new Uri("api/tickets/abc", UriKind.Relative), TestContext.Current.CancellationToken);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, "/openapi/v1.json");
    }
}
