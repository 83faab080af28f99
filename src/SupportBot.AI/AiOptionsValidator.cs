using Microsoft.Extensions.Options;

namespace SupportBot.AI;

/// <summary>Refuses to start with AI switched on but unusable. Messages name the key to fix; they never show the
/// API key.</summary>
internal sealed class AiOptionsValidator : IValidateOptions<AiOptions>
{
    public ValidateOptionsResult Validate(string? name, AiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint)
            || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add("AI:Endpoint must be the http(s) address of an OpenAI-compatible server, up to /v1 "
                + "(e.g. http://127.0.0.1:11434/v1 for Ollama) when AI:Enabled is true.");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add("AI:Model must name the model (e.g. gpt-4o-mini, or qwen2.5:7b on Ollama) when AI:Enabled is true.");
        }

        if (options.TimeoutSeconds is < 1 or > 120)
        {
            failures.Add("AI:TimeoutSeconds must be between 1 and 120.");
        }

        if (options.MaxCallsPerConversation < 1)
        {
            failures.Add("AI:MaxCallsPerConversation must be 1 or more (set AI:Enabled to false to use no AI).");
        }

        if (options.BreakerFailures < 2 || options.BreakerSamplingSeconds < 1 || options.BreakerOpenSeconds < 1)
        {
            failures.Add("AI:BreakerFailures must be 2 or more, AI:BreakerSamplingSeconds and AI:BreakerOpenSeconds 1 or more.");
        }

        if (!string.IsNullOrEmpty(options.AgentLanguage) && options.AgentLanguage is not ("en" or "zh-CN"))
        {
            failures.Add("AI:AgentLanguage must be en, zh-CN or empty (the ticket's language).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
