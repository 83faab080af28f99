using System.Text.RegularExpressions;
using SupportBot.Core.Safety;

namespace SupportBot.AI;

/// <summary>Decides whether a model's text may be shown to anyone. The model is untrusted: its text must be short
/// plain prose, pass the outbound guard (it may never ask for a seed phrase, key, password or code) and hold no
/// secret the scanner finds. Anything else is dropped, never repaired.</summary>
internal sealed partial class ModelOutputCheck(IOutboundGuard outboundGuard, ISecretScanner secretScanner)
{
    private const int MaxCharacters = 600;
    private const int MaxSentences = 3;

    /// <summary>The text to keep, or null with <paramref name="reason"/> saying why it was dropped.</summary>
    public string? Check(string? text, out string reason)
    {
        var trimmed = (text ?? string.Empty).Trim().Trim('"', '\u201C', '\u201D').Trim();
        if (trimmed.Length == 0)
        {
            reason = "empty";
            return null;
        }

        // A structured or code answer means the model did not do what was asked (or was talked into something else).
        if (trimmed[0] is '{' or '[' or '<' || trimmed.StartsWith("```", StringComparison.Ordinal)
            || trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            reason = "not plain text";
            return null;
        }

        if (trimmed.Length > MaxCharacters || SentenceCount(trimmed) > MaxSentences)
        {
            reason = "longer than " + MaxSentences + " sentences";
            return null;
        }

        var verdict = outboundGuard.Check(trimmed);
        if (!verdict.Allowed)
        {
            reason = "the outbound guard blocked it (" + verdict.AskedFor + ")";
            return null;
        }

        if (AsksForSecret(trimmed))
        {
            reason = "it tells someone to obtain a secret";
            return null;
        }

        if (secretScanner.Scan(trimmed, ScanContext.None).HasSecrets)
        {
            reason = "the secret scanner found a secret in it";
            return null;
        }

        reason = string.Empty;
        return trimmed;
    }

    // The outbound guard reads the bot's own words to the user ("send me your seed phrase"); a model also writes to
    // the agent, in the third person ("ask the user to send their seed phrase and 2FA code"), which the guard's
    // clause rules let through. For model text any sentence that names a secret beside a verb of handing it over,
    // with no negation, is dropped: a summary may say a secret was shared, never that one should be.
    private static bool AsksForSecret(string text)
    {
        foreach (var sentence in SentenceBreak().Split(text))
        {
            if (SecretName().IsMatch(sentence) && HandOverVerb().IsMatch(sentence) && !Negation().IsMatch(sentence))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"[.!?。！？;；\n]")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"seed|mnemonic|recovery phrase|private key|password|passcode|2fa|two-factor|verification code|authenticator|otp|api secret|secret key|助记词|私钥|密码|验证码|动态码|谷歌验证", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"\b(send|provide|give|enter|type|tell|ask|request|collect|obtain|get|share|paste|submit|confirm|verify|read out|upload)\b|发给|发送|发来|提供|告诉|输入|索要|要求|收集|核实|上传|报一下", RegexOptions.IgnoreCase)]
    private static partial Regex HandOverVerb();

    [GeneratedRegex(@"\b(never|not|don't|do not|no one|nobody|without)\b|不要|切勿|请勿|绝不|不会|别|勿", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    // Ends of sentences in both languages: 。！？ always, . ! ? when followed by a space or the end (so "v1.2" and
    // "0.5 BTC" are no ends).
    private static int SentenceCount(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '。' or '！' or '？'
                || (c is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))))
            {
                count++;
                while (i + 1 < text.Length && text[i + 1] is '.' or '!' or '?' or '。' or '！' or '？')
                {
                    i++;
                }
            }
        }

        return text[^1] is '.' or '!' or '?' or '。' or '！' or '？' ? count : count + 1;
    }
}
