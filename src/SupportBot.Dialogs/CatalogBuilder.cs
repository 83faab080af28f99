using SupportBot.Core.Catalog;
using SupportBot.Core.Knowledge;
using SupportBot.Core.Engine;
using SupportBot.Core.Safety;
using SupportBot.Dialogs.Schema;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Dialogs;

/// <summary>Gathers the documents of all files into one catalog and makes the checks that span files (duplicate
/// ids and keys, missing texts and commands), which a per-file schema cannot express.</summary>
internal sealed class CatalogBuilder(LoadErrors errors)
{
    // Canned replies are sent by agents through this same guard; one it would block must not ship.
    private static readonly OutboundGuard Guard = new(new SecretScanner());
    private readonly List<ProblemDefinition> _problems = [];
    private readonly Dictionary<string, Location> _problemIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LocalizedText> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Location> _textsAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Location> _commandsAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Command, Location At)> _commandWords =
        new(StringComparer.OrdinalIgnoreCase);
    private readonly List<CannedReply> _canned = [];
    private readonly List<KnowledgeSynonym> _synonyms = [];
    private readonly Dictionary<(string Locale, string Phrase), Location> _synonymsAt = [];
    private readonly Dictionary<string, Location> _cannedIds = new(StringComparer.Ordinal);
    private int _problemDocuments;
    private bool _someFileUnread;

    /// <summary>The ids of the problems read so far (the knowledge articles may name only these).</summary>
    public IReadOnlySet<string> ProblemIds => _problemIds.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>The knowledge articles, read by <see cref="KnowledgeReader"/> once every problem is known.</summary>
    public IReadOnlyList<KnowledgeArticle> Knowledge { get; set; } = [];

    /// <summary>Notes that a file could not be parsed: its contents are unknown, so "missing" checks would only
    /// produce noise until it is fixed.</summary>
    public void MarkUnread() => _someFileUnread = true;

    /// <summary>Reads one document. <paramref name="schemaValid"/> says whether it passed the schema; checks that
    /// repeat the schema run only then, so a mistake is reported once.</summary>
    public void Add(DialogFile file, YamlNode root, bool schemaValid)
    {
        var kindNode = YamlRead.Get(root, "kind");
        switch (YamlRead.Scalar(kindNode))
        {
            case "problem":
                _problemDocuments++;
                AddProblem(file, root, schemaValid);
                break;
            case "texts":
                AddTexts(file, YamlRead.Get(root, "texts"), schemaValid);
                break;
            case "commands":
                AddCommands(file, YamlRead.Get(root, "commands"), schemaValid);
                break;
            case "canned":
                AddCanned(file, YamlRead.Get(root, "replies"));
                break;
            case "synonyms":
                AddSynonyms(file, root);
                break;
            case { } other when schemaValid:
                // The schema accepted a kind this loader does not read (it was edited): refuse rather than skip.
                errors.Add(file, kindNode!.Start, $"kind {SchemaValidator.Quote(other)} is not one the bot reads");
                break;
        }
    }

    /// <summary>The catalog, or null when any error was found (this load's or an earlier stage's).</summary>
    public DialogCatalog? Build(string folder)
    {
        if (!_someFileUnread)
        {
            if (_problemDocuments == 0)
            {
                errors.Add(folder, "no problems defined (add a file with kind: problem under problems/)");
            }

            foreach (var key in TextKeys.Required.Where(k => !_texts.ContainsKey(k)))
            {
                errors.Add(folder, $"missing text '{key}' (required by the bot)");
            }

            foreach (var id in CommandIds.All.Where(c => !_commands.ContainsKey(c)))
            {
                errors.Add(folder, $"missing command '{id}' (required by the bot)");
            }
        }

        return errors.Count > 0 ? null : new DialogCatalog(_problems, _texts, _commands, Knowledge, _canned, _synonyms);
    }

    private void AddProblem(DialogFile file, YamlNode root, bool schemaValid)
    {
        if (ProblemReader.Read(file, root, schemaValid, errors) is not { } problem)
        {
            return;
        }

        var at = new Location(file, YamlRead.Get(root, "id")!.Start);
        if (_problemIds.TryGetValue(problem.Id, out var first))
        {
            errors.Add(file, at.Mark,
                $"problem id {SchemaValidator.Quote(problem.Id)} is already used at {first}");
            return;
        }

        _problemIds.Add(problem.Id, at);
        _problems.Add(problem);
    }

    private void AddTexts(DialogFile file, YamlNode? texts, bool schemaValid)
    {
        foreach (var (keyNode, value) in YamlRead.Entries(texts))
        {
            var key = keyNode.Value!;
            var at = new Location(file, keyNode.Start);
            if (_textsAt.TryGetValue(key, out var first))
            {
                errors.Add(file, at.Mark, $"text {SchemaValidator.Quote(key)} is already defined at {first}");
                continue;
            }

            _textsAt.Add(key, at);
            var text = YamlRead.Text(value);
            var missing = Locales.All.Where(l => text is null || !text.Locales.Contains(l)).ToList();
            if (schemaValid && missing.Count > 0)
            {
                errors.Add(file, value.Start,
                    $"text {SchemaValidator.Quote(key)} has no {string.Join(", ", missing)} version");
            }

            _texts[key] = text ?? new LocalizedText(new Dictionary<string, string>());
        }
    }

    private void AddCommands(DialogFile file, YamlNode? commands, bool schemaValid)
    {
        foreach (var (idNode, value) in YamlRead.Entries(commands))
        {
            var id = idNode.Value!;
            var at = new Location(file, idNode.Start);
            if (_commandsAt.TryGetValue(id, out var first))
            {
                errors.Add(file, at.Mark, $"command {SchemaValidator.Quote(id)} is already defined at {first}");
                continue;
            }

            _commandsAt.Add(id, at);
            if (schemaValid && !CommandIds.All.Contains(id))
            {
                errors.Add(file, at.Mark, $"unknown command {SchemaValidator.Quote(id)} "
                    + $"(known: {string.Join(", ", CommandIds.All)})");
            }

            var words = new List<string>();
            foreach (var locale in Locales.All)
            {
                var localeWords = AddCommandWords(file, id, YamlRead.Get(value, locale));
                if (schemaValid && localeWords.Count == 0)
                {
                    errors.Add(file, value.Start, $"command {SchemaValidator.Quote(id)} has no {locale} words");
                }

                words.AddRange(localeWords.Where(w => !words.Contains(w, StringComparer.OrdinalIgnoreCase)));
            }

            _commands[id] = words;
        }
    }

    private List<string> AddCommandWords(DialogFile file, string command, YamlNode? list)
    {
        var words = new List<string>();
        foreach (var wordNode in YamlRead.Items(list))
        {
            if (YamlRead.Scalar(wordNode)?.Trim() is not { Length: > 0 } word)
            {
                continue;
            }

            words.Add(word);

            // Compared exactly as the engine compares a message with command words, so a clash the engine would
            // see (case, full-width letters, spacing, trailing punctuation) is reported here.
            var normalized = TextMatching.NormalizeCommand(word);
            var at = new Location(file, wordNode.Start);
            if (normalized.Length == 0)
            {
                continue; // only punctuation, or longer than any command: no message can match it, so no clash
            }

            if (!_commandWords.TryGetValue(normalized, out var owner))
            {
                _commandWords.Add(normalized, (command, at));
            }
            else if (owner.Command != command)
            {
                errors.Add(file, at.Mark, $"command word {SchemaValidator.Quote(word)} of '{command}' is already "
                    + $"a word of '{owner.Command}' at {owner.At}");
            }
        }

        return words;
    }

    private void AddSynonyms(DialogFile file, YamlNode root)
    {
        foreach (var locale in Locales.All)
        {
            foreach (var (means, phrases) in YamlRead.Entries(YamlRead.Get(root, locale)))
            {
                foreach (var node in YamlRead.Items(phrases))
                {
                    if (YamlRead.Scalar(node) is not { } phrase)
                    {
                        continue;
                    }

                    var key = (locale, phrase.Trim().ToLowerInvariant());
                    if (_synonymsAt.TryGetValue(key, out var first))
                    {
                        errors.Add(file, node.Start, $"{SchemaValidator.Quote(phrase)} is already a synonym at {first}");
                        continue;
                    }

                    _synonymsAt.Add(key, new Location(file, node.Start));
                    _synonyms.Add(new KnowledgeSynonym(locale, key.Item2, means.Value!.Trim()));
                }
            }
        }
    }

    private void AddCanned(DialogFile file, YamlNode? replies)
    {
        foreach (var reply in YamlRead.Items(replies))
        {
            var idNode = YamlRead.Get(reply, "id");
            if (YamlRead.Scalar(idNode) is not { } id)
            {
                continue;
            }

            var at = new Location(file, idNode!.Start);
            if (_cannedIds.TryGetValue(id, out var first))
            {
                errors.Add(file, at.Mark, $"canned reply id {SchemaValidator.Quote(id)} is already used at {first}");
                continue;
            }

            _cannedIds.Add(id, at);
            CheckCannedTexts(file, id, YamlRead.Get(reply, "text"));
            _canned.Add(new CannedReply(
                id,
                YamlRead.Text(YamlRead.Get(reply, "title")) ?? new LocalizedText(new Dictionary<string, string>()),
                YamlRead.Text(YamlRead.Get(reply, "text")) ?? new LocalizedText(new Dictionary<string, string>())));
        }
    }

    private void CheckCannedTexts(DialogFile file, string id, YamlNode? text)
    {
        foreach (var (locale, value) in YamlRead.Entries(text))
        {
            if (YamlRead.Scalar(value) is { } reply && Guard.Check(reply) is { Allowed: false, AskedFor: { } kind })
            {
                errors.Add(file, value.Start, $"canned reply {SchemaValidator.Quote(id)} ({locale.Value}) would be "
                    + $"blocked by the outbound guard: it asks the user for (or contains) a {Describe(kind)}; a canned "
                    + "reply must never ask for a secret");
            }
        }
    }

    private static string Describe(SecretKind kind) => kind switch
    {
        SecretKind.SeedPhrase => "seed phrase",
        SecretKind.PrivateKey => "private key",
        SecretKind.VerificationCode => "verification code",
        _ => "password",
    };
}
