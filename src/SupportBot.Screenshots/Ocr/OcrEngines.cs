using System.Collections.Concurrent;

namespace SupportBot.Screenshots.Ocr;

/// <summary>Warm Tesseract engines by language set, lent to one run at a time. An engine is created the first time a
/// language is needed and kept for the life of the process; at most as many exist per language as runs may go at
/// once.</summary>
internal sealed class OcrEngines : IDisposable
{
    private readonly string _dataPath;
    private readonly ConcurrentDictionary<string, ConcurrentBag<TesseractEngine>> _idle = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<TesseractEngine> _all = [];

    public OcrEngines(string dataPath) => _dataPath = dataPath;

    /// <summary>An engine for <paramref name="languages"/>, or null when Tesseract or that model is not installed.</summary>
    public TesseractEngine? Rent(string languages)
    {
        if (_idle.GetOrAdd(languages, _ => []).TryTake(out var engine))
        {
            return engine;
        }

        engine = TesseractEngine.TryCreate(_dataPath, languages);
        if (engine is not null)
        {
            _all.Add(engine);
        }

        return engine;
    }

    /// <summary>Gives <paramref name="engine"/> back for the next run.</summary>
    public void Return(TesseractEngine engine) => _idle.GetOrAdd(engine.Languages, _ => []).Add(engine);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var engine in _all)
        {
            engine.Dispose();
        }
    }
}
