using System.Text.Json;

namespace SupportBot.Host.Tests.Api;

/// <summary><c>/openapi/v1.json</c> describes every API route with the codes it answers and the key it needs.</summary>
public sealed class OpenApiDocumentTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    public static TheoryData<string, string, int[]> Operations() => new()
    {
        { "/api/tickets", "get", [200, 400, 401, 404] },
        { "/api/tickets/{number}", "get", [200, 401, 404] },
        { "/api/tickets/{number}/replies", "post", [200, 400, 401, 404, 409, 422] },
        { "/api/tickets/{number}/status", "post", [200, 400, 401, 404, 409] },
        { "/api/tickets/{number}/assignment", "post", [200, 400, 401, 404, 409] },
        { "/api/tickets/{number}/priority", "post", [200, 400, 401, 404] },
        { "/api/tickets/{number}/notes", "post", [200, 400, 401, 404, 422] },
        { "/api/tickets/{number}/suggested-reply", "post", [200, 401, 404, 503] },
        { "/api/canned", "get", [200, 400, 401, 404] },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task DocumentListsTheRouteWithItsCodesAndSecurity(string path, string method, int[] codes)
    {
        var document = await DocumentAsync();

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
        var responses = operation.GetProperty("responses").EnumerateObject().Select(r => int.Parse(r.Name,
            System.Globalization.CultureInfo.InvariantCulture)).Order();
        Assert.Equal(codes, responses);
        var schemes = operation.GetProperty("security").EnumerateArray()
            .SelectMany(r => r.EnumerateObject().Select(p => p.Name)).Order(StringComparer.Ordinal);
        Assert.Equal(["apiKey", "bearer"], schemes);
        // Every action takes a JSON body, but asking for a draft reply needs nothing but the ticket's number.
        if (method == "post" && !path.EndsWith("/suggested-reply", StringComparison.Ordinal))
        {
            Assert.True(operation.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        }
    }

    [Fact]
    public async Task DocumentHoldsOnlyTheApiAndDeclaresBothWaysToSendAKey()
    {
        var document = await DocumentAsync();

        Assert.Equal(
            Operations().Select(row => row.Data.Item1).Distinct().Order(StringComparer.Ordinal),
            document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("http", schemes.GetProperty("bearer").GetProperty("type").GetString());
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("apiKey", schemes.GetProperty("apiKey").GetProperty("type").GetString());
        Assert.Equal("header", schemes.GetProperty("apiKey").GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("apiKey").GetProperty("name").GetString());
        Assert.Equal("SupportBot REST API", document.GetProperty("info").GetProperty("title").GetString());
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await fixture.Api.Anonymous.GetAsync(new Uri("openapi/v1.json", UriKind.Relative),
            TestContext.Current.CancellationToken);
        return await ApiAssert.OkAsync(response);
    }
}
