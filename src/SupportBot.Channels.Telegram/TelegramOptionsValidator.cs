using Microsoft.Extensions.Options;

namespace SupportBot.Channels.Telegram;

/// <summary>Checks the <c>Telegram</c> section at start-up; each failure names its key.</summary>
internal sealed class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.BotToken.Any(c => char.IsWhiteSpace(c) || c == '/') || !options.BotToken.Contains(':', StringComparison.Ordinal))
        {
            failures.Add("Telegram:BotToken does not look like a bot token (digits, a colon, then letters; from @BotFather).");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("http" or "https"))
        {
            failures.Add("Telegram:ApiBaseUrl must be an absolute http(s) address.");
        }

        if (options.Mode == TelegramMode.Webhook)
        {
            if (options.WebhookUrl is not { IsAbsoluteUri: true } url || url.Scheme != "https")
            {
                failures.Add("Telegram:WebhookUrl must be an absolute https address when Telegram:Mode is Webhook.");
            }

            if (options.WebhookSecret.Length is < 1 or > 256
                || !options.WebhookSecret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                failures.Add("Telegram:WebhookSecret must be 1-256 characters of A-Z a-z 0-9 _ - when Telegram:Mode is Webhook.");
            }
        }

        if (options.WebhookAckTimeout <= TimeSpan.Zero || options.WebhookAckTimeout > TimeSpan.FromSeconds(50))
        {
            failures.Add("Telegram:WebhookAckTimeout must be positive and at most 50 seconds.");
        }

        if (options.PollTimeoutSeconds is < 0 or > 50)
        {
            failures.Add("Telegram:PollTimeoutSeconds must be between 0 and 50.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("Telegram:RequestTimeout must be positive.");
        }

        if (options.MaxFileBytes is < 1 or > 20 * 1024 * 1024)
        {
            failures.Add("Telegram:MaxFileBytes must be between 1 and 20971520 (the Bot API's download limit).");
        }

        if (options.PerChatMessagesPerSecond <= 0 || options.GlobalMessagesPerSecond <= 0)
        {
            failures.Add("Telegram:PerChatMessagesPerSecond and Telegram:GlobalMessagesPerSecond must be positive.");
        }

        if (options.AgentChatId is > 0)
        {
            failures.Add("Telegram:AgentChatId must be a supergroup id (negative, like -1001234567890).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
