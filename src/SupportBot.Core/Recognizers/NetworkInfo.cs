namespace SupportBot.Core.Recognizers;

/// <summary>A blockchain network users deposit or withdraw on.</summary>
/// <param name="Id">Canonical id stored as the slot value ("TRC20").</param>
/// <param name="DisplayName">Name shown back ("Tron (TRC20)").</param>
/// <param name="Family">Address and hash format.</param>
/// <param name="StrongAliases">Names that can only mean this network (safe to pick out of any message).</param>
/// <param name="WeakAliases">Names that also mean a coin or a common word ("eth", "base"): accepted only as the
/// answer to the network question.</param>
public sealed record NetworkInfo(
    string Id,
    string DisplayName,
    AddressFamily Family,
    IReadOnlyList<string> StrongAliases,
    IReadOnlyList<string> WeakAliases);
