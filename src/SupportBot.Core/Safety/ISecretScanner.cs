namespace SupportBot.Core.Safety;

/// <summary>Finds secrets in text. Linear time in the input (no backtracking regular expressions), thread-safe.</summary>
public interface ISecretScanner
{
    /// <summary>Scans <paramref name="text"/>.</summary>
    ScanResult Scan(string text, ScanContext context);
}
