using Microsoft.Extensions.Options;

namespace SupportBot.Host.Api;

/// <summary>Registers the REST API (keys, OpenAPI document) and maps its routes under <c>/api</c> and the document at
/// <c>/openapi/v1.json</c>.</summary>
public static class ApiSetup
{
    /// <summary>The OpenAPI document's name (<c>/openapi/v1.json</c>).</summary>
    public const string DocumentName = "v1";

    /// <summary>Adds the API's services; a bad <c>Api</c> section stops start-up with what is wrong.</summary>
    public static IHostApplicationBuilder AddSupportBotApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        builder.Services.AddSingleton<ApiKeyRing>();
        builder.Services.AddSingleton<ApiKeyFailures>();
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            // The document describes the integration API, not the web chat or the console's own endpoints.
            options.ShouldInclude = description =>
                description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<ApiDocumentTransformer>();
        });
        return builder;
    }

    /// <summary>Maps <c>/api/**</c> and <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapSupportBotApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();
        var api = app.MapGroup("/api")
            .AddEndpointFilter<ApiKeyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        TicketRoutes.Map(api);
        api.MapFallback("{**path}", (HttpContext http) => ApiProblems.NotFound(
                $"There is no API route {http.Request.Method} {http.Request.Path}; the routes are listed at "
                + $"/openapi/{DocumentName}.json."))
            .ExcludeFromDescription();
        return app;
    }
}
