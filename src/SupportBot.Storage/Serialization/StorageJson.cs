using System.Text.Json;
using SupportBot.Core.Activities;
using SupportBot.Core.Tickets;

namespace SupportBot.Storage.Serialization;

/// <summary>Converts Core records to and from the JSON text stored in document columns. Shared by every SQL
/// provider so a row written by one reads the same in another.</summary>
internal static class StorageJson
{
    public static string SerializeReply(BotReply reply)
    {
        StoredChoice[]? choices = null;
        if (reply.Choices.Count > 0)
        {
            choices = new StoredChoice[reply.Choices.Count];
            for (var i = 0; i < choices.Length; i++)
            {
                choices[i] = new StoredChoice(reply.Choices[i].Value, reply.Choices[i].Title);
            }
        }

        var stored = new StoredReply(reply.Text, choices, reply.ProblemId, reply.StepId, reply.TicketNumber)
        {
            Agent = reply.Agent is { } agent ? new StoredAgent(agent.Name, agent.Code) : null,
        };
        return JsonSerializer.Serialize(stored, StorageJsonContext.Default.StoredReply);
    }

    public static BotReply DeserializeReply(string json)
    {
        var stored = JsonSerializer.Deserialize(json, StorageJsonContext.Default.StoredReply)
            ?? throw new JsonException("An outbox reply is stored as JSON null.");
        ChoiceOption[] choices = [];
        if (stored.Choices is { Count: > 0 })
        {
            choices = new ChoiceOption[stored.Choices.Count];
            for (var i = 0; i < choices.Length; i++)
            {
                choices[i] = new ChoiceOption(stored.Choices[i].Value, stored.Choices[i].Title);
            }
        }

        return new BotReply(stored.Text, choices)
        {
            ProblemId = stored.ProblemId,
            StepId = stored.StepId,
            TicketNumber = stored.TicketNumber,
            Agent = stored.Agent is { } agent ? new AgentSignature(agent.Name, agent.Code) : null,
        };
    }

    public static string SerializeDetails(IReadOnlyList<TicketDetail> details)
    {
        var stored = new StoredDetail[details.Count];
        for (var i = 0; i < stored.Length; i++)
        {
            var d = details[i];
            stored[i] = new StoredDetail(d.Id, d.Kind, d.Value, d.Display, d.Original);
        }

        return JsonSerializer.Serialize(stored, StorageJsonContext.Default.StoredDetailArray);
    }

    public static TicketDetail[] DeserializeDetails(string json)
    {
        var stored = JsonSerializer.Deserialize(json, StorageJsonContext.Default.StoredDetailArray) ?? [];
        var details = new TicketDetail[stored.Length];
        for (var i = 0; i < details.Length; i++)
        {
            var d = stored[i];
            details[i] = new TicketDetail(d.Id, d.Kind, d.Value, d.Display, d.Original);
        }

        return details;
    }

    /// <summary>Null for no attachments, the common case, so most transcript rows carry no JSON at all.</summary>
    public static string? SerializeNames(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return null;
        }

        var array = new string[names.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = names[i];
        }

        return JsonSerializer.Serialize(array, StorageJsonContext.Default.StringArray);
    }

    public static string[] DeserializeNames(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize(json, StorageJsonContext.Default.StringArray) ?? [];

    /// <summary>Null for no attachments, the common case.</summary>
    public static string? SerializeAttachments(IReadOnlyList<TicketAttachment> attachments)
    {
        if (attachments.Count == 0)
        {
            return null;
        }

        var stored = new StoredAttachment[attachments.Count];
        for (var i = 0; i < stored.Length; i++)
        {
            var a = attachments[i];
            stored[i] = new StoredAttachment(a.Id, a.FileName, a.ContentType, a.Size, a.At.ToUnixTimeMilliseconds());
        }

        return JsonSerializer.Serialize(stored, StorageJsonContext.Default.StoredAttachmentArray);
    }

    public static TicketAttachment[] DeserializeAttachments(string? json)
    {
        if (json is null)
        {
            return [];
        }

        var stored = JsonSerializer.Deserialize(json, StorageJsonContext.Default.StoredAttachmentArray) ?? [];
        var attachments = new TicketAttachment[stored.Length];
        for (var i = 0; i < attachments.Length; i++)
        {
            var a = stored[i];
            attachments[i] = new TicketAttachment(
                a.Id, a.FileName, a.ContentType, a.Size, DateTimeOffset.FromUnixTimeMilliseconds(a.At));
        }

        return attachments;
    }
}
