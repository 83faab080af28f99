using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using SupportBot.Core.Activities;

namespace SupportBot.Host.ConsoleChannel;

/// <summary>Prints replies: for people, the text and a numbered list of choices; with <c>--json</c>, one JSON object
/// per line (<c>text</c>, <c>choices</c>, <c>problem</c>, <c>step</c>, <c>ticket</c>) for scripts.</summary>
public sealed class ConsoleReplyWriter
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private readonly TextWriter _output;
    private readonly bool _json;

    /// <summary>Creates a writer.</summary>
    public ConsoleReplyWriter(TextWriter output, bool json)
    {
        _output = output;
        _json = json;
    }

    /// <summary>Prints one reply.</summary>
    public void Write(BotReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (_json)
        {
            WriteJson(reply);
        }
        else
        {
            if (reply.Agent is { } agent)
            {
                // An agent's live reply: who wrote it, with the code the user can check with "verify agent".
                _output.WriteLine($"[{agent.Name} · {agent.Code}]");
            }

            _output.WriteLine(reply.Text);
            for (var i = 0; i < reply.Choices.Count; i++)
            {
                _output.WriteLine($"  {i + 1}) {reply.Choices[i].Title}");
            }

            _output.WriteLine();
        }

        _output.Flush();
    }

    private void WriteJson(BotReply reply)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("text", reply.Text);
            json.WriteStartArray("choices");
            foreach (var choice in reply.Choices)
            {
                json.WriteStartObject();
                json.WriteString("title", choice.Title);
                json.WriteString("value", choice.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("problem", reply.ProblemId);
            json.WriteString("step", reply.StepId);
            if (reply.Agent is { } agent)
            {
                json.WriteStartObject("agent");
                json.WriteString("name", agent.Name);
                json.WriteString("code", agent.Code);
                json.WriteEndObject();
            }

            if (reply.TicketNumber is { } ticket)
            {
                json.WriteNumber("ticket", ticket);
            }
            else
            {
                json.WriteNull("ticket");
            }

            json.WriteEndObject();
        }

        _output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
