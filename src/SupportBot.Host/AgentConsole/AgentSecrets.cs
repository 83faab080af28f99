using System.Security.Cryptography;

namespace SupportBot.Host.AgentConsole;

/// <summary>Random agent codes and one-time passwords, from the system's cryptographic random source, in an
/// alphabet without look-alikes (no 0/O, 1/I/L) so users and agents can read them out.</summary>
public static class AgentSecrets
{
    /// <summary>The characters codes and passwords use.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>What every agent code starts with.</summary>
    public const string CodePrefix = "SB-";

    private const string PasswordAlphabet = Alphabet + "abcdefghjkmnpqrstuvwxyz";

    /// <summary>A new public agent code, e.g. <c>SB-7K3M9Q</c> (31^6 ≈ 887 million codes).</summary>
    public static string NewCode() => CodePrefix + RandomNumberGenerator.GetString(Alphabet, 6);

    /// <summary>A new one-time password: 20 characters, about 113 bits.</summary>
    public static string NewPassword() => RandomNumberGenerator.GetString(PasswordAlphabet, 20);
}
