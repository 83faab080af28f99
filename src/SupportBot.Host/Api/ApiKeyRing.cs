using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SupportBot.Host.Api;

/// <summary>The configured keys, kept only as SHA-256 digests, and the constant-time check of a presented key.</summary>
internal sealed class ApiKeyRing
{
    private readonly (string Name, byte[] Digest)[] _keys;

    public ApiKeyRing(IOptions<ApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = [.. options.Value.Keys.Select(k => (k.Name, Digest(k.Key.Trim())))];
    }

    /// <summary>False when no keys are configured: the API is off.</summary>
    public bool Enabled => _keys.Length > 0;

    /// <summary>The name of the integration whose key this is, or null. Compares digests of equal length with
    /// <see cref="CryptographicOperations.FixedTimeEquals"/> against every key, so the time taken says nothing about
    /// how much of a key was right or which key came close.</summary>
    public string? Match(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var digest = Digest(presented);
        string? found = null;
        foreach (var (name, key) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, key))
            {
                found ??= name;
            }
        }

        return found;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
