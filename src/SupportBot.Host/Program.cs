using SupportBot.Host.CommandLine;

return await SupportBotCommandLine.RunAsync(args);

/// <summary>The entry point; exposed so tests can reference the host assembly.</summary>
public partial class Program;
