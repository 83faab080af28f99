using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SupportBot.Host.Api;

/// <summary>Titles the document and declares the two ways to send a key (<c>Authorization: Bearer</c> and the
/// <c>X-Api-Key</c> header), each enough on its own, on every operation.</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    private const string BearerScheme = "bearer";
    private const string HeaderScheme = "apiKey";

    public Task TransformAsync(
        OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "SupportBot REST API",
            Version = ApiSetup.DocumentName,
            Description = "Tickets for integrations such as an existing helpdesk. Send a key from Api:Keys as "
                + "'Authorization: Bearer KEY' or 'X-Api-Key: KEY'. Errors are problem details "
                + "(application/problem+json) whose 'detail' says what is wrong.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key from Api:Keys as a bearer token.",
        };
        document.Components.SecuritySchemes[HeaderScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyFilter.HeaderName,
            Description = "An API key from Api:Keys in the X-Api-Key header.",
        };

        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [],
            });
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(HeaderScheme, document)] = [],
            });
        }

        return Task.CompletedTask;
    }
}
