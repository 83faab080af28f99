using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SupportBot.Channels.WebChat.Web;
using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;

namespace SupportBot.Channels.WebChat.Conversations;

/// <summary>Decides what becomes of each uploaded file before the message is routed. Only an image or a PDF (told
/// from the bytes) is kept (written once the turn has read it: <see cref="Outcome.SettleAsync"/>) in the web chat database and linked from the echo, under a name the guard found clean,
/// and only while the conversation's and the whole store's byte budgets
/// (<see cref="DirectLineOptions.MaxUploadBytesPerConversation"/>, <see cref="DirectLineOptions.MaxUploadStorageBytes"/>)
/// allow; a file over budget is not kept and the user is told in their language. A refused type is never stored
/// or served: it reaches the dialog with its bytes only so the bot names it as refused (the bot's attachment store
/// refuses it the same way), and when its bytes read as text the guard scans them, so a seed phrase sent as a .txt
/// still gets the user warned.</summary>
public sealed class UploadKeeper : IDisposable
{
    private readonly WebChatDatabase _database;
    private readonly FieldGuard _guard;
    private readonly DialogCatalog _catalog;
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _budget = new(1, 1);
    private long? _storedBytes;

    /// <summary>Creates the keeper.</summary>
    public UploadKeeper(
        ConversationLogStore logs, FieldGuard guard, DialogCatalog catalog, IOptions<DirectLineOptions> options,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(options);
        _database = logs.Database;
        _guard = guard;
        _catalog = catalog;
        _options = options.Value;
        _time = time;
    }

    /// <summary>One file as read from the request.</summary>
    public sealed record Incoming(string? Name, byte[] Content);

    /// <summary>What the upload turned into: the echo's attachments (kept files only), the files for the dialog, and
    /// what to tell the user afterwards (in their language).</summary>
    public sealed record Outcome(JsonArray Wire, IReadOnlyList<Attachment> Attachments, IReadOnlyList<string> Notices)
    {
        /// <summary>Writes the kept files (<paramref name="keep"/>: the turn ran and no secret is being taken down) or
        /// gives their bytes back to the budget. Nothing is written before this: the router reads every image first.</summary>
        public Func<bool, Task> SettleAsync { get; init; } = static _ => Task.CompletedTask;
    }

    /// <summary>Keeps what may be kept of <paramref name="files"/> for <paramref name="conversationId"/>;
    /// <paramref name="urlOf"/> makes a kept file's link from its id.</summary>
    public async Task<Outcome> KeepAsync(
        string conversationId, IReadOnlyList<Incoming> files, string locale, Func<string, string> urlOf)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(urlOf);
        var wire = new JsonArray();
        var attachments = new List<Attachment>(files.Count);
        var notices = new List<string>();
        var pending = new List<(string Id, string Name, string ContentType, byte[] Content)>();
        await _budget.WaitAsync();
        try
        {
            var conversationBytes = _database.UploadBytes(conversationId);
            for (var i = 0; i < files.Count; i++)
            {
                var content = files[i].Content;
                if (UploadTypes.Sniff(content) is not { } type)
                {
                    var name = UploadNames.Safe(files[i].Name, "", i, _guard);
                    attachments.Add(new Attachment(name, "application/octet-stream", content.Length) { Content = content });
                    if (UploadTypes.LooksLikeText(content))
                    {
                        notices.AddRange(_guard.Inspect(Encoding.UTF8.GetString(content), locale).Warnings);
                    }

                    continue;
                }

                var kept = UploadNames.Safe(files[i].Name, type.Extension, i, _guard);
                var stored = _storedBytes ??= _database.UploadBytes(null);
                var full = conversationBytes + content.Length > _options.MaxUploadBytesPerConversation
                    ? WebChatTexts.UploadConversationFull
                    : stored + content.Length > _options.MaxUploadStorageBytes ? WebChatTexts.UploadStorageFull : null;
                if (full is not null)
                {
                    // Reaches the dialog without its bytes, so it is named in the transcript but kept nowhere.
                    attachments.Add(new Attachment(kept, type.ContentType, content.Length));
                    notices.Add(_catalog.Text(full).Format(locale, ("name", kept)));
                    continue;
                }

                var fileId = Ids.New();
                pending.Add((fileId, kept, type.ContentType, content));
                conversationBytes += content.Length;
                _storedBytes = stored + content.Length;
                var url = urlOf(fileId);
                wire.Add(new JsonObject { ["contentType"] = type.ContentType, ["contentUrl"] = url, ["name"] = kept });
                attachments.Add(new Attachment(kept, type.ContentType, content.Length, url) { Content = content });
            }
        }
        finally
        {
            _budget.Release();
        }

        return new Outcome(wire, attachments, notices) { SettleAsync = keep => SettleAsync(conversationId, pending, keep) };
    }

    private async Task SettleAsync(
        string conversationId, List<(string Id, string Name, string ContentType, byte[] Content)> pending, bool keep)
    {
        if (keep)
        {
            foreach (var file in pending)
            {
                await _database.AddUploadAsync(file.Id, conversationId, file.Name, file.ContentType, file.Content, _time.GetUtcNow());
            }

            return;
        }

        await _budget.WaitAsync();
        try
        {
            _storedBytes -= pending.Sum(f => (long)f.Content.Length);
        }
        finally
        {
            _budget.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _budget.Dispose();
}
