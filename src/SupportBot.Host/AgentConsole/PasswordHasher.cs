using System.Globalization;
using System.Security.Cryptography;

namespace SupportBot.Host.AgentConsole;

/// <summary>Slow salted password hashes for agent accounts: PBKDF2 with HMAC-SHA256, a 16-byte random salt and a
/// 32-byte key, stored as <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> (base64). The iteration count travels with the
/// hash, so raising it later does not lock anyone out.</summary>
public sealed class PasswordHasher
{
    /// <summary>The production iteration count (OWASP's 2023 figure for PBKDF2-HMAC-SHA256).</summary>
    public const int DefaultIterations = 210_000;

    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>Creates a hasher that hashes with <paramref name="iterations"/> (below
    /// <see cref="DefaultIterations"/> only in tests; <see cref="AgentConsoleOptions"/> enforces that).</summary>
    public PasswordHasher(int iterations = DefaultIterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        Iterations = iterations;
    }

    /// <summary>The count new hashes use.</summary>
    public int Iterations { get; }

    /// <summary>Hashes <paramref name="password"/> with a fresh salt.</summary>
    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join(
            '$',
            Scheme,
            Iterations.ToString(CultureInfo.InvariantCulture),
            Convert.ToBase64String(salt),
            Convert.ToBase64String(hash));
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="stored"/>; a malformed hash never
    /// matches. The comparison takes the same time wherever the bytes differ.</summary>
    public static bool Verify(string password, string? stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryParse(stored, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static bool TryParse(string? stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = [];
        hash = [];
        var parts = stored?.Split('$');
        if (parts is not { Length: 4 } || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations < 1)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length >= SaltBytes && hash.Length >= 16;
    }
}
