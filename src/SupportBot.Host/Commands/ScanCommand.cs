using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using SupportBot.Core.Safety;

namespace SupportBot.Host.Commands;

/// <summary><c>scan [--json]</c>: reads text on stdin and reports the secrets in it (kind and position, never the
/// secret) with the redacted text, so an operator can audit old exports. Exit code 1 when anything was found.</summary>
public static class ScanCommand
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
    };

    /// <summary>Scans all of <paramref name="input"/> and writes the report to <paramref name="output"/>.</summary>
    public static int Run(
        TextReader input, TextWriter output, bool json, ISecretScanner scanner, Func<SecretKind, string> label)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(scanner);
        var text = input.ReadToEnd();
        var result = scanner.Scan(text, ScanContext.None);
        var redacted = Redactor.Redact(text, result.Findings, label);
        if (json)
        {
            WriteJson(output, result, redacted);
        }
        else
        {
            output.WriteLine(result.HasSecrets ? $"{result.Findings.Count} secret(s) found:" : "No secrets found.");
            foreach (var finding in result.Findings)
            {
                output.WriteLine($"  {Name(finding.Kind)} at {finding.Start}, {finding.Length} characters");
            }

            if (result.HasSecrets)
            {
                output.WriteLine();
                output.WriteLine(redacted);
            }
        }

        return result.HasSecrets ? 1 : 0;
    }

    private static void WriteJson(TextWriter output, ScanResult result, string redacted)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("findings");
            foreach (var finding in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("kind", Name(finding.Kind));
                json.WriteNumber("start", finding.Start);
                json.WriteNumber("length", finding.Length);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("redacted", redacted);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string Name(SecretKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
