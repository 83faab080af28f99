using System.Text;

namespace SupportBot.Channels.WebChat.Conversations;

/// <summary>The name a file is kept and shown under. The client's name is kept only when it is short, printable and
/// the guard finds no secret in it (<c>wif 5Jn….png</c> holds a key); otherwise the file gets a neutral name from its
/// type, so the name never carries a secret into the log, the transcript, the state or the console.</summary>
public static class UploadNames
{
    /// <summary>The longest name kept.</summary>
    public const int MaxLength = 80;

    /// <summary>The name to keep for a file the client called <paramref name="name"/>; <paramref name="extension"/>
    /// (with its dot) names the neutral one.</summary>
    public static string Safe(string? name, string extension, int index, FieldGuard guard)
    {
        ArgumentNullException.ThrowIfNull(guard);
        var neutral = "file-" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + extension;
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxLength)
        {
            return neutral;
        }

        var printable = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\u00AD' or '\uFEFF')
            {
                return neutral; // invisible characters hide words from the scan
            }

            printable.Append(c);
        }

        var kept = printable.ToString().Trim();
        return kept.Length > 0 && guard.IsClean(kept) ? kept : neutral;
    }
}
