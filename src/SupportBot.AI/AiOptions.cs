namespace SupportBot.AI;

/// <summary>The optional AI (section <c>AI</c>), off by default. JSON shape:
/// <code>
/// "AI": { "Enabled": true, "Endpoint": "http://127.0.0.1:11434/v1", "Model": "qwen2.5:7b", "TimeoutSeconds": 8 }
/// </code>
/// The key comes from the environment (<c>AI__ApiKey</c>), never from a committed file, and is never logged.</summary>
public sealed class AiOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "AI";

    /// <summary>Whether the AI is used at all; with false no HTTP call is ever made.</summary>
    public bool Enabled { get; set; }

    /// <summary>The OpenAI-compatible base address, up to and including <c>/v1</c> (OpenAI, Azure OpenAI's v1
    /// endpoint, Ollama, vLLM): the client posts to <c>{Endpoint}/chat/completions</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model (or Azure deployment) name.</summary>
    public string? Model { get; set; }

    /// <summary>The bearer key; empty for a local server that needs none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one call may take before it is given up.</summary>
    public int TimeoutSeconds { get; set; } = 8;

    /// <summary>How many model calls one conversation may cause; further uses behave as with AI off.</summary>
    public int MaxCallsPerConversation { get; set; } = 3;

    /// <summary>Failed calls in a row (within <see cref="BreakerSamplingSeconds"/>) that open the circuit breaker.</summary>
    public int BreakerFailures { get; set; } = 3;

    /// <summary>The window over which the breaker counts failures.</summary>
    public int BreakerSamplingSeconds { get; set; } = 60;

    /// <summary>How long the breaker stays open (no calls at all) before one trial call.</summary>
    public int BreakerOpenSeconds { get; set; } = 60;

    /// <summary>The language of the summary the agents read (<c>en</c> or <c>zh-CN</c>); empty means the ticket's
    /// language.</summary>
    public string? AgentLanguage { get; set; }
}
