using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;

namespace SupportBot.Core.Safety;

/// <summary>The router's check of a message's attachments: each one with bytes goes through the
/// <see cref="IImageInspector"/> before anything stores it. One that shows a secret is dropped (the attachment store
/// and the channel's own log never get it) and replaced by a note for the agent; the user is told what it showed and
/// what to do, in their language.</summary>
public sealed class ScreenshotGuard
{
    private readonly IImageInspector _inspector;
    private readonly DialogCatalog _catalog;

    /// <summary>Creates the guard; texts come from <c>dialogs/texts/screenshots.yaml</c>.</summary>
    public ScreenshotGuard(IImageInspector inspector, DialogCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(inspector);
        ArgumentNullException.ThrowIfNull(catalog);
        _inspector = inspector;
        _catalog = catalog;
    }

    /// <summary>Inspects <paramref name="attachments"/>. <paramref name="adviceGiven"/>: the text of the same message
    /// already brought the compromised-wallet advice, so it is not said twice.</summary>
    public async Task<ScreenshotCheck> CheckAsync(
        IReadOnlyList<Attachment> attachments, ScanContext context, string locale, bool adviceGiven,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        if (attachments.Count == 0)
        {
            return ScreenshotCheck.Unchecked(attachments);
        }

        var kept = new List<Attachment>(attachments.Count);
        var warnings = new List<string>();
        var notes = new List<string>();
        var compromised = false;
        foreach (var attachment in attachments)
        {
            if (attachment.Content.IsEmpty)
            {
                kept.Add(attachment);
                continue;
            }

            var verdict = await _inspector.InspectAsync(attachment.Content, context, cancellationToken);
            switch (verdict.Outcome)
            {
                case ImageOutcome.Secret:
                    var what = string.Join(locale == Locales.Supported.Chinese ? "、" : ", ", What(verdict).Distinct().Select(k => _catalog.Text(k).Get(locale)));
                    warnings.Add(_catalog.Text(TextKeys.ScreenshotRemoved).Format(locale, ("what", what)));
                    warnings.AddRange(Advice(verdict).Select(k => _catalog.Text(k).Get(locale)));
                    notes.Add(_catalog.Text(TextKeys.ScreenshotRemovedNote).Format(locale, ("what", what)));
                    compromised |= verdict.Kinds.Contains(SecretKind.SeedPhrase) || verdict.Kinds.Contains(SecretKind.PrivateKey);
                    break;
                case ImageOutcome.NotChecked:
                    kept.Add(attachment);
                    notes.Add(_catalog.Text(TextKeys.ScreenshotNotChecked).Format(locale, ("name", attachment.Name)));
                    break;
                default:
                    kept.Add(attachment);
                    break;
            }
        }

        if (compromised && !adviceGiven)
        {
            warnings.Add(_catalog.Text(TextKeys.CompromisedAdvice).Get(locale));
        }

        return new ScreenshotCheck(kept, warnings.Distinct().ToList(), notes, compromised);
    }

    private static IEnumerable<string> What(ImageVerdict verdict)
    {
        foreach (var kind in verdict.Kinds)
        {
            yield return kind switch
            {
                SecretKind.SeedPhrase => TextKeys.ScreenshotWhatSeedPhrase,
                SecretKind.PrivateKey => TextKeys.ScreenshotWhatPrivateKey,
                SecretKind.VerificationCode when verdict.TwoFactorSetup => TextKeys.ScreenshotWhatTwoFactorSetup,
                SecretKind.VerificationCode => TextKeys.ScreenshotWhatVerificationCode,
                _ => TextKeys.ScreenshotWhatPassword,
            };
        }
    }

    // Seed phrases and keys get the compromised-wallet advice once, after all warnings.
    private static IEnumerable<string> Advice(ImageVerdict verdict)
    {
        foreach (var kind in verdict.Kinds)
        {
            switch (kind)
            {
                case SecretKind.Password or SecretKind.ApiSecret:
                    yield return TextKeys.ScreenshotAdvicePassword;
                    break;
                case SecretKind.VerificationCode:
                    yield return verdict.TwoFactorSetup ? TextKeys.ScreenshotAdviceTwoFactorSetup : TextKeys.ScreenshotAdviceVerificationCode;
                    break;
            }
        }
    }
}
