using SupportBot.Core.Activities;

namespace SupportBot.Core.Recognizers;

/// <summary>Recognizes one kind of detail. Implementations are stateless, thread-safe, allocation-light and
/// never use a backtracking regular expression on user text (100 KB of input must stay linear).</summary>
public interface ISlotRecognizer
{
    /// <summary>The kind it recognizes (one of <see cref="SlotKinds"/>).</summary>
    string Kind { get; }

    /// <summary>Reads the whole answer to this detail's question ("12345678", "my uid is 12345678").</summary>
    RecognitionResult Recognize(string text, IReadOnlyList<Attachment> attachments, RecognizerContext context);

    /// <summary>Finds this detail inside a message that answered another question ("UID 12345678, txid 0x…"); only
    /// unambiguous forms (labelled, or a format no other kind has). Null when absent.</summary>
    SlotValue? Extract(string text, RecognizerContext context);
}
