using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using SupportBot.Core.Recognizers;

namespace SupportBot.Core.Engine;

/// <summary>Turns <see cref="ConversationState"/> into the compact JSON the store keeps. One-letter property names
/// and omitted defaults keep a paused conversation well under 300 bytes (a DESIGN.md target); the reader and writer
/// are hand-written because this runs twice per turn and the reflection-free path is several times faster.</summary>
public static class ConversationStateSerializer
{
    // Chinese text (a time the user typed, a description) is stored as UTF-8, not \uXXXX escapes: a third of the
    // bytes. This JSON never reaches a browser, so HTML-safe escaping buys nothing here.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    /// <summary>Serializes the state to UTF-8 JSON.</summary>
    public static byte[] Serialize(ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        // One buffer and writer per thread, reused: only the returned array is allocated per call.
        var buffer = _buffer ??= new System.Buffers.ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var json = _writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        json.Reset(buffer);
        json.WriteStartObject();
        json.WriteString("l", state.Locale);
        WriteIf(json, "lc", state.LocaleChosen);
        WriteIf(json, "p", (int)state.Phase);
        WriteIf(json, "rp", (int)state.ResumePhase);
        if (state.ProblemId is not null)
        {
            json.WriteString("pr", state.ProblemId);
        }

        WriteIf(json, "di", state.DetailIndex);
        WriteIf(json, "a", state.Attempts);
        WriteIf(json, "e", state.Editing);
        WriteIf(json, "s", state.SafetyNoticeShown);
        WriteIf(json, "cm", state.CodeMentioned);
        WriteIf(json, "x", state.SecretExposed);
        WriteIf(json, "dd", state.DuplicateDeclined);
        if (state.LastTicket is { } ticket)
        {
            json.WriteNumber("t", ticket);
        }

        if (state.TicketFocus is { } focus)
        {
            json.WriteNumber("tf", focus);
        }

        WriteIf(json, "tm", (int)state.TicketMode);
        if (state.LiveLeft is { } left)
        {
            json.WriteNumber("ll", left);
        }

        if (state.VerifyInLive is { } verifyInLive)
        {
            json.WriteNumber("vl", verifyInLive);
        }

        json.WriteNumber("at", state.LastActivity.ToUnixTimeSeconds());
        if (state.PendingAttachments.Count > 0)
        {
            json.WriteStartArray("f");
            foreach (var id in state.PendingAttachments)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
        }

        if (state.ClarifyOptions.Count > 0)
        {
            json.WriteStartArray("c");
            foreach (var option in state.ClarifyOptions)
            {
                json.WriteStringValue(option);
            }

            json.WriteEndArray();
        }

        if (state.Values.Count > 0)
        {
            json.WriteStartObject("v");
            foreach (var (id, value) in state.Values)
            {
                json.WriteStartObject(id);
                json.WriteString("v", value.Value);
                if (value.Display != value.Value)
                {
                    json.WriteString("d", value.Display);
                }

                if (value.Original is not null)
                {
                    json.WriteString("o", value.Original);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.Flush();

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads state written by <see cref="Serialize"/>. Unknown properties are skipped, so a newer version's
    /// state still loads.</summary>
    public static ConversationState Deserialize(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        var state = new ConversationState();
        Expect(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            switch (name)
            {
                case [(byte)'l']: state.Locale = reader.GetString()!; break;
                case [(byte)'l', (byte)'c']: state.LocaleChosen = reader.GetBoolean(); break;
                case [(byte)'p']: state.Phase = (Phase)reader.GetInt32(); break;
                case [(byte)'r', (byte)'p']: state.ResumePhase = (Phase)reader.GetInt32(); break;
                case [(byte)'p', (byte)'r']: state.ProblemId = reader.GetString(); break;
                case [(byte)'d', (byte)'i']: state.DetailIndex = reader.GetInt32(); break;
                case [(byte)'a']: state.Attempts = reader.GetInt32(); break;
                case [(byte)'e']: state.Editing = reader.GetBoolean(); break;
                case [(byte)'s']: state.SafetyNoticeShown = reader.GetBoolean(); break;
                case [(byte)'c', (byte)'m']: state.CodeMentioned = reader.GetBoolean(); break;
                case [(byte)'x']: state.SecretExposed = reader.GetBoolean(); break;
                case [(byte)'d', (byte)'d']: state.DuplicateDeclined = reader.GetBoolean(); break;
                case [(byte)'t']: state.LastTicket = reader.GetInt64(); break;
                case [(byte)'a', (byte)'t']: state.LastActivity = DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64()); break;
                case [(byte)'t', (byte)'f']: state.TicketFocus = reader.GetInt64(); break;
                case [(byte)'t', (byte)'m']: state.TicketMode = (TicketMode)reader.GetInt32(); break;
                case [(byte)'l', (byte)'l']: state.LiveLeft = reader.GetInt64(); break;
                case [(byte)'v', (byte)'l']: state.VerifyInLive = reader.GetInt64(); break;
                case [(byte)'f']: ReadStrings(ref reader, state.PendingAttachments); break;
                case [(byte)'c']: ReadStrings(ref reader, state.ClarifyOptions); break;
                case [(byte)'v']: ReadValues(ref reader, state); break;
                default: reader.Skip(); break;
            }
        }

        return state;
    }

    private static void ReadStrings(ref Utf8JsonReader reader, List<string> into)
    {
        Expect(ref reader, JsonTokenType.StartArray, read: false);
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            into.Add(reader.GetString()!);
        }
    }

    private static void ReadValues(ref Utf8JsonReader reader, ConversationState state)
    {
        Expect(ref reader, JsonTokenType.StartObject, read: false);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var id = reader.GetString()!;
            Expect(ref reader, JsonTokenType.StartObject);
            string value = "", display = "";
            string? original = null;
            var hasDisplay = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                reader.Read();
                switch (name)
                {
                    case [(byte)'v']: value = reader.GetString()!; break;
                    case [(byte)'d']: display = reader.GetString()!; hasDisplay = true; break;
                    case [(byte)'o']: original = reader.GetString(); break;
                    default: reader.Skip(); break;
                }
            }

            state.Values[id] = new SlotValue(value, hasDisplay ? display : value, original);
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, bool read = true)
    {
        if ((read && !reader.Read()) || reader.TokenType != type)
        {
            throw new JsonException($"Conversation state: expected {type} at byte {reader.TokenStartIndex}.");
        }
    }

    private static void WriteIf(Utf8JsonWriter json, string name, bool value)
    {
        if (value)
        {
            json.WriteBoolean(name, value);
        }
    }

    private static void WriteIf(Utf8JsonWriter json, string name, int value)
    {
        if (value != 0)
        {
            json.WriteNumber(name, value);
        }
    }
}
