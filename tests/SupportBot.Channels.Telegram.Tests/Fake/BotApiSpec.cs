using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Testing;

namespace SupportBot.Channels.Telegram.Tests.Fake;

/// <summary>The Bot API as /work/shared/specs/telegram-bot-api.json describes it: every method with its parameters
/// and every type with its fields. The fake server checks each call against it, nested objects included.</summary>
public sealed class BotApiSpec
{
    private static readonly Lazy<BotApiSpec> Shared = new(Load);

    private readonly Dictionary<string, Dictionary<string, Field>> _methods;
    private readonly Dictionary<string, Dictionary<string, Field>> _types;

    private BotApiSpec(
        Dictionary<string, Dictionary<string, Field>> methods, Dictionary<string, Dictionary<string, Field>> types)
    {
        _methods = methods;
        _types = types;
    }

    public static BotApiSpec Instance => Shared.Value;

    public static string SpecPath
    {
        get
        {
            foreach (var candidate in new[]
            {
                Path.Combine(RepoPaths.Root, "..", "shared", "specs", "telegram-bot-api.json"),
                "/work/shared/specs/telegram-bot-api.json",
            })
            {
                if (File.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }

            throw new FileNotFoundException("The Telegram Bot API spec (shared/specs/telegram-bot-api.json) is missing.");
        }
    }

    public int MethodCount => _methods.Count;

    /// <summary>Null when the call is valid; otherwise what is wrong, the way Telegram words a 400.</summary>
    public string? Check(string method, JsonObject parameters)
    {
        var name = _methods.Keys.FirstOrDefault(k => string.Equals(k, method, StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            return $"Bad Request: method '{method}' is not in the Bot API spec";
        }

        return CheckObject(method, _methods[name], parameters) ?? CheckDocumentedValues(method, parameters);
    }

    // Values the spec file does not list but the Bot API's text does. Telegram reads parse_mode without regard to case
    // (the library sends "Html"); anything else is refused as Telegram refuses it.
    private static string? CheckDocumentedValues(string method, JsonObject parameters)
    {
        if (parameters["parse_mode"] is JsonValue mode
            && !ParseModes.Contains(mode.ToString(), StringComparer.OrdinalIgnoreCase))
        {
            return "Bad Request: unsupported parse_mode";
        }

        return method == "sendChatAction" && parameters["action"] is JsonValue action && !ChatActions.Contains(action.ToString())
            ? "Bad Request: wrong parameter action in request"
            : null;
    }

    private static readonly string[] ParseModes = ["HTML", "Markdown", "MarkdownV2"];

    private static readonly string[] ChatActions =
    [
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
        "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    ];

    private string? CheckObject(string where, Dictionary<string, Field> fields, JsonObject value)
    {
        foreach (var (key, node) in value)
        {
            if (!fields.TryGetValue(key, out var field))
            {
                return $"Bad Request: {where} has no parameter or field '{key}'";
            }

            if (node is not null && CheckValue(where + "." + key, field.Types, node) is { } problem)
            {
                return problem;
            }
        }

        foreach (var field in fields.Values.Where(f => f.Required))
        {
            if (!value.ContainsKey(field.Name))
            {
                return $"Bad Request: {where} requires '{field.Name}'";
            }
        }

        return null;
    }

    private string? CheckValue(string where, IReadOnlyList<string> types, JsonNode node)
    {
        if (node is JsonArray array)
        {
            var inner = types.Where(t => t.StartsWith("Array of ", StringComparison.Ordinal))
                .Select(t => t["Array of ".Length..]).ToList();
            if (inner.Count == 0)
            {
                return $"Bad Request: {where} must not be an array";
            }

            foreach (var item in array)
            {
                if (item is not null && CheckValue(where + "[]", inner, item) is { } problem)
                {
                    return problem;
                }
            }

            return null;
        }

        if (node is JsonObject obj)
        {
            var objectTypes = types.Where(_types.ContainsKey).ToList();
            if (objectTypes.Count == 0)
            {
                return $"Bad Request: {where} must not be an object";
            }

            // A union (reply_markup: InlineKeyboardMarkup or ReplyKeyboardMarkup …) passes if one member fits.
            string? first = null;
            foreach (var type in objectTypes)
            {
                var problem = CheckObject(type, _types[type], obj);
                if (problem is null)
                {
                    return null;
                }

                first ??= problem;
            }

            return first;
        }

        // A single value: it must be one of the field's simple types. Telegram reads a number given as a string (a
        // form body has nothing else) and an object or array given as its JSON text, so those pass too.
        var value = (JsonValue)node;
        if (value.TryGetValue(out string? text))
        {
            if (types.Contains("String") || types.Contains("InputFile")
                || (types.Contains("Integer") && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                || (types.Contains("Float") && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                || (types.Contains("Boolean") && text is "true" or "false"))
            {
                return null;
            }

            if (types.Any(t => t.StartsWith("Array of ", StringComparison.Ordinal) || _types.ContainsKey(t)))
            {
                try
                {
                    return JsonNode.Parse(text) is { } parsed and not JsonValue
                        ? CheckValue(where, types, parsed)
                        : $"Bad Request: {where} must be {string.Join(" or ", types)}";
                }
                catch (JsonException)
                {
                    return $"Bad Request: {where} is not valid JSON";
                }
            }

            return $"Bad Request: {where} must be {string.Join(" or ", types)}";
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.True or JsonValueKind.False when types.Contains("Boolean") => null,
            JsonValueKind.Number when types.Contains("Float") => null,
            JsonValueKind.Number when types.Contains("Integer")
                && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => null,
            _ => $"Bad Request: {where} must be {string.Join(" or ", types)}",
        };
    }

    private static BotApiSpec Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(SpecPath));
        return new BotApiSpec(Read(document.RootElement.GetProperty("methods")), Read(document.RootElement.GetProperty("types")));
    }

    private static Dictionary<string, Dictionary<string, Field>> Read(JsonElement section)
    {
        var result = new Dictionary<string, Dictionary<string, Field>>(StringComparer.Ordinal);
        foreach (var entry in section.EnumerateObject())
        {
            var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
            if (entry.Value.TryGetProperty("fields", out var list))
            {
                foreach (var field in list.EnumerateArray())
                {
                    var name = field.GetProperty("name").GetString()!;
                    fields[name] = new Field(
                        name,
                        [.. field.GetProperty("types").EnumerateArray().Select(t => t.GetString()!)],
                        field.TryGetProperty("required", out var required) && required.GetBoolean());
                }
            }

            result[entry.Name] = fields;
        }

        return result;
    }

    private sealed record Field(string Name, IReadOnlyList<string> Types, bool Required);
}
