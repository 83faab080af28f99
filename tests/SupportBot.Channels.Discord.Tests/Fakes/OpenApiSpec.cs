using System.Text.Json.Nodes;
using SupportBot.Testing;

namespace SupportBot.Channels.Discord.Tests.Fakes;

/// <summary>Discord's OpenAPI file (shared/specs/discord-openapi.json) as a checker: is the route known for the
/// method, and does every field name of the JSON body exist in the request schema (recursively, through $ref,
/// oneOf/anyOf/allOf, arrays)?</summary>
public sealed class OpenApiSpec
{
    private static readonly Lazy<OpenApiSpec> Shared = new(() => new OpenApiSpec(Path.Combine(
        RepoPaths.Root, "..", "shared", "specs", "discord-openapi.json")));

    private readonly JsonObject _paths;
    private readonly JsonObject _schemas;

    private OpenApiSpec(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        _paths = root["paths"]!.AsObject();
        _schemas = root["components"]!["schemas"]!.AsObject();
    }

    public static OpenApiSpec Discord => Shared.Value;

    /// <summary>The template matching <paramref name="path"/> (relative to /api/v10) for the method, or null.</summary>
    public string? Match(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        string? best = null;
        var bestLiterals = -1;
        foreach (var (template, operations) in _paths)
        {
            var parts = template.Trim('/').Split('/');
            if (parts.Length != segments.Length || operations?[method.ToLowerInvariant()] is null)
            {
                continue;
            }

            var literals = 0;
            var ok = true;
            for (var i = 0; i < parts.Length && ok; i++)
            {
                if (parts[i].StartsWith('{'))
                {
                    ok = segments[i].Length > 0;
                }
                else
                {
                    ok = parts[i] == segments[i];
                    literals++;
                }
            }

            if (ok && literals > bestLiterals)
            {
                best = template;
                bestLiterals = literals;
            }
        }

        return best;
    }

    /// <summary>Field names of <paramref name="body"/> the operation's JSON request schema does not define.</summary>
    public IReadOnlyList<string> UnknownFields(string method, string template, JsonNode? body)
    {
        var schema = _paths[template]?[method.ToLowerInvariant()]?["requestBody"]?["content"]?["application/json"]?["schema"];
        if (body is null)
        {
            return [];
        }

        if (schema is null)
        {
            return ["(the operation takes no JSON body)"];
        }

        var errors = new List<string>();
        Check(body, schema, "$", errors, 0);
        return errors;
    }

    private void Check(JsonNode? value, JsonNode schema, string where, List<string> errors, int depth)
    {
        if (value is null || depth > 40)
        {
            return;
        }

        schema = Resolve(schema);
        foreach (var union in new[] { "oneOf", "anyOf" })
        {
            if (schema[union] is JsonArray branches)
            {
                List<string>? bestErrors = null;
                foreach (var branch in branches)
                {
                    var branchErrors = new List<string>();
                    Check(value, branch!, where, branchErrors, depth + 1);
                    if (!Fits(value, Resolve(branch!)))
                    {
                        branchErrors.Add(where + " (type)");
                    }

                    if (bestErrors is null || branchErrors.Count < bestErrors.Count)
                    {
                        bestErrors = branchErrors;
                    }
                }

                errors.AddRange(bestErrors ?? []);
                return;
            }
        }

        if (schema["allOf"] is JsonArray all)
        {
            var merged = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() };
            foreach (var part in all)
            {
                if (Resolve(part!)["properties"] is JsonObject props)
                {
                    foreach (var (name, prop) in props)
                    {
                        merged["properties"]!.AsObject()[name] = prop?.DeepClone();
                    }
                }
            }

            schema = merged;
        }

        switch (value)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                foreach (var (name, child) in obj)
                {
                    if (properties[name] is { } childSchema)
                    {
                        Check(child, childSchema, where + "." + name, errors, depth + 1);
                    }
                    else if (!AllowsMore(schema["additionalProperties"]))
                    {
                        errors.Add(where + "." + name);
                    }
                }

                break;
            case JsonArray array when schema["items"] is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], items, where + "[" + i + "]", errors, depth + 1);
                }

                break;
        }
    }

    private static bool AllowsMore(JsonNode? additional) =>
        additional is JsonObject || (additional is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.True);

    private static bool Fits(JsonNode value, JsonNode schema)
    {
        var types = schema["type"] switch
        {
            JsonArray a => a.Select(t => t!.GetValue<string>()).ToArray(),
            JsonValue v => [v.GetValue<string>()],
            _ => null,
        };
        if (types is null)
        {
            return true;
        }

        var kind = value switch
        {
            JsonObject => "object",
            JsonArray => "array",
            _ => value.GetValueKind() switch
            {
                System.Text.Json.JsonValueKind.String => "string",
                System.Text.Json.JsonValueKind.Number => "number",
                System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "boolean",
                _ => "null",
            },
        };
        return types.Contains(kind) || (kind == "number" && types.Contains("integer"));
    }

    private JsonNode Resolve(JsonNode schema)
    {
        for (var i = 0; i < 20 && schema["$ref"] is JsonValue reference; i++)
        {
            schema = _schemas[reference.GetValue<string>().Split('/')[^1]]!;
        }

        return schema;
    }
}
