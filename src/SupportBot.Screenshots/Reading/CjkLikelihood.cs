namespace SupportBot.Screenshots.Reading;

/// <summary>Tells from the English model's reading whether the image probably holds Chinese text, so the Chinese model
/// (the slower one) runs only then. The English model reads Chinese glyphs as made-up Latin words with low
/// confidence: on the test suite's screenshots, pages with Chinese lines read at a mean word confidence of 48–59,
/// English pages at 89–95.</summary>
internal static class CjkLikelihood
{
    /// <summary>Below this mean confidence (0–100) the page is read again with the Chinese model.</summary>
    public const int ConfidenceThreshold = 80;

    /// <summary>Whether a reading at <paramref name="confidence"/> that produced <paramref name="englishReading"/>
    /// looks like Chinese read with the English model (or like nothing read at all).</summary>
    public static bool Likely(string englishReading, int confidence)
    {
        ArgumentNullException.ThrowIfNull(englishReading);
        return confidence < ConfidenceThreshold || string.IsNullOrWhiteSpace(englishReading);
    }
}
