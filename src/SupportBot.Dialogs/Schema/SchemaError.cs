using YamlDotNet.Core;

namespace SupportBot.Dialogs.Schema;

/// <summary>A node that does not satisfy the schema, and why.</summary>
/// <param name="At">Where the offending node (or the key naming it) starts.</param>
/// <param name="Reason">What is wrong, naming the path but never quoting a whole text.</param>
internal readonly record struct SchemaError(Mark At, string Reason);
