using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using SupportBot.Core.Recognizers;

namespace SupportBot.Core.Engine;

/// <summary>Turns <see cref="ConversationState"/> into the compact bytes the store keeps. Short property names and
/// omitted defaults keep a paused conversation well under 300 bytes (a DESIGN.md target).</summary>
public static partial class ConversationStateSerializer
{
    // Chinese text (a time the user typed, a description) is stored as UTF-8, not \uXXXX escapes: a third of the
    // bytes. This JSON never reaches a browser, so HTML-safe escaping buys nothing here.
    private static readonly StateJsonContext Context = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });

    /// <summary>Serializes the state to UTF-8 JSON.</summary>
    public static byte[] Serialize(ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var dto = new StoredState
        {
            L = state.Locale,
            Lc = state.LocaleChosen,
            P = (int)state.Phase,
            Rp = (int)state.ResumePhase,
            Pr = state.ProblemId,
            Di = state.DetailIndex,
            A = state.Attempts,
            E = state.Editing,
            S = state.SafetyNoticeShown,
            Cm = state.CodeMentioned,
            X = state.SecretExposed,
            T = state.LastTicket,
            At = state.LastActivity.ToUnixTimeSeconds(),
            C = state.ClarifyOptions.Count == 0 ? null : [.. state.ClarifyOptions],
            V = state.Values.Count == 0 ? null : ToStored(state.Values),
        };
        return JsonSerializer.SerializeToUtf8Bytes(dto, Context.StoredState);
    }

    /// <summary>Reads state written by <see cref="Serialize"/>.</summary>
    public static ConversationState Deserialize(ReadOnlySpan<byte> bytes)
    {
        var dto = JsonSerializer.Deserialize(bytes, Context.StoredState)
            ?? throw new JsonException("Conversation state is null.");
        var state = new ConversationState
        {
            Locale = dto.L ?? Catalog.Locales.Supported.English,
            LocaleChosen = dto.Lc,
            Phase = (Phase)dto.P,
            ResumePhase = (Phase)dto.Rp,
            ProblemId = dto.Pr,
            DetailIndex = dto.Di,
            Attempts = dto.A,
            Editing = dto.E,
            SafetyNoticeShown = dto.S,
            CodeMentioned = dto.Cm,
            SecretExposed = dto.X,
            LastTicket = dto.T,
            LastActivity = DateTimeOffset.FromUnixTimeSeconds(dto.At),
        };
        if (dto.C is not null)
        {
            state.ClarifyOptions.AddRange(dto.C);
        }

        if (dto.V is not null)
        {
            foreach (var (id, slot) in dto.V)
            {
                state.Values[id] = new SlotValue(slot.V, slot.D ?? slot.V, slot.O);
            }
        }

        return state;
    }

    private static Dictionary<string, StoredSlot> ToStored(Dictionary<string, SlotValue> values)
    {
        var stored = new Dictionary<string, StoredSlot>(values.Count, StringComparer.Ordinal);
        foreach (var (id, value) in values)
        {
            stored[id] = new StoredSlot
            {
                V = value.Value,
                D = value.Display == value.Value ? null : value.Display,
                O = value.Original,
            };
        }

        return stored;
    }

    internal sealed class StoredState
    {
        public string? L { get; set; }

        public bool Lc { get; set; }

        public int P { get; set; }

        public int Rp { get; set; }

        public string? Pr { get; set; }

        public int Di { get; set; }

        public int A { get; set; }

        public bool E { get; set; }

        public bool S { get; set; }

        public bool Cm { get; set; }

        public bool X { get; set; }

        public long? T { get; set; }

        public long At { get; set; }

        public List<string>? C { get; set; }

        public Dictionary<string, StoredSlot>? V { get; set; }
    }

    internal sealed class StoredSlot
    {
        public string V { get; set; } = "";

        public string? D { get; set; }

        public string? O { get; set; }
    }

    [JsonSerializable(typeof(StoredState))]
    internal sealed partial class StateJsonContext : JsonSerializerContext;
}
