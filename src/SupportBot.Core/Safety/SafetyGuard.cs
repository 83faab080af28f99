using SupportBot.Core.Catalog;

namespace SupportBot.Core.Safety;

/// <summary>Inspects a user's message before anything else sees it: finds secrets, replaces them with labels in the
/// user's language and says what to tell the user.</summary>
public sealed class SafetyGuard
{
    private readonly ISecretScanner _scanner;
    private readonly DialogCatalog _catalog;

    /// <summary>Creates the guard; the labels and warnings come from <paramref name="catalog"/>
    /// (<c>dialogs/texts/safety.yaml</c>).</summary>
    public SafetyGuard(ISecretScanner scanner, DialogCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        ArgumentNullException.ThrowIfNull(catalog);
        _scanner = scanner;
        _catalog = catalog;
    }

    /// <summary>Scans <paramref name="text"/> and returns the redacted text and the warnings in
    /// <paramref name="locale"/>.</summary>
    public GuardResult Inspect(string text, ScanContext context, string locale)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(locale);
        var scan = _scanner.Scan(text, context);
        if (!scan.HasSecrets)
        {
            return new GuardResult(text, scan, [], false);
        }

        var redacted = Redactor.Redact(text, scan.Findings, kind => Label(kind, locale));

        // One warning per kind, most serious first (the enum's order), so the user reads what matters most first.
        var kinds = scan.Findings.Select(f => f.Kind).Distinct().Order().ToList();
        var warnings = kinds.Select(kind => _catalog.Text(TextKeys.Warning(kind)).Get(locale)).ToList();
        var compromised = kinds.Contains(SecretKind.SeedPhrase) || kinds.Contains(SecretKind.PrivateKey);
        if (compromised)
        {
            warnings.Add(_catalog.Text(TextKeys.CompromisedAdvice).Get(locale));
        }

        return new GuardResult(redacted, scan, warnings, compromised);
    }

    /// <summary>The placeholder for <paramref name="kind"/> in <paramref name="locale"/>, e.g. "[seed phrase
    /// removed]".</summary>
    public string Label(SecretKind kind, string locale) => _catalog.Text(TextKeys.Removed(kind)).Get(locale);
}
