namespace SupportBot.Core.Recognizers;

/// <summary>The recognizer of every detail kind.</summary>
public sealed class RecognizerRegistry
{
    private readonly Dictionary<string, ISlotRecognizer> _byKind = new(StringComparer.Ordinal);

    /// <summary>A registry with the default recognizer of every kind in <see cref="SlotKinds.All"/>.</summary>
    public RecognizerRegistry()
    {
        ISlotRecognizer[] defaults =
        [
            new UidRecognizer(), new TimeRecognizer(), new TxIdRecognizer(), new AddressRecognizer(),
            new CoinRecognizer(), new NetworkRecognizer(), new AmountRecognizer(), new OrderIdRecognizer(),
            new EmailRecognizer(), new PhoneRecognizer(), new ContactRecognizer(), new ScreenshotsRecognizer(),
            new TextRecognizer(),
        ];
        foreach (var recognizer in defaults)
        {
            _byKind[recognizer.Kind] = recognizer;
        }
    }

    /// <summary>The kinds registered.</summary>
    public IEnumerable<string> Kinds => _byKind.Keys;

    /// <summary>The recognizer of <paramref name="kind"/>; throws for an unknown kind (the loader rejects those
    /// at start-up).</summary>
    public ISlotRecognizer Get(string kind) =>
        _byKind.TryGetValue(kind, out var recognizer)
            ? recognizer
            : throw new KeyNotFoundException("No recognizer for detail kind '" + kind + "'.");

    /// <summary>Whether <paramref name="kind"/> has a recognizer.</summary>
    public bool IsKnown(string kind) => kind is not null && _byKind.ContainsKey(kind);

    /// <summary>Replaces or adds the recognizer of its kind (tests, custom kinds).</summary>
    public void Register(ISlotRecognizer recognizer)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        _byKind[recognizer.Kind] = recognizer;
    }
}
