namespace SupportBot.Testing.Ai;

/// <summary>How <see cref="FakeOpenAiServer"/> answers a chat completion.</summary>
public enum FakeModelBehavior
{
    /// <summary>200 with a completion whose content is <see cref="FakeOpenAiServer.AnswerText"/>.</summary>
    Answer,

    /// <summary>500 with an OpenAI error body.</summary>
    ServerError,

    /// <summary>Never answers (until the client gives up or the server stops).</summary>
    Hang,

    /// <summary>200 with a body that is not a completion.</summary>
    Garbage,
}
