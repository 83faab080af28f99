using System.Numerics;
using System.Security.Cryptography;
using SupportBot.Core.Safety;

using SupportBot.Core.Codecs;

namespace SupportBot.Core.Tests.Safety;

/// <summary>Builds real-looking secrets from a seeded random source: BIP39 phrases with valid checksums, WIF and
/// extended keys with valid base58check, Solana keys, hex keys.</summary>
internal sealed class SecretFixtures(int seed)
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static readonly int[] EntropySizes = [16, 20, 24, 28, 32];
    private readonly Random _random = new(seed);

    public int Next(int max) => _random.Next(max);

    public byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A valid mnemonic's words in <paramref name="wordlist"/> (12 to 24 words, cycling sizes).</summary>
    public string[] Phrase(string[] wordlist, int sizeIndex) =>
        [.. Bip39.ToIndices(Bytes(EntropySizes[sizeIndex % EntropySizes.Length])).Select(i => wordlist[i])];

    /// <summary>Twelve random wordlist words, almost surely without a valid checksum.</summary>
    public string[] RandomWords(string[] wordlist, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => wordlist[_random.Next(2048)])];

    public string Hex(int bytes) => Convert.ToHexStringLower(Bytes(bytes));

    /// <summary>A WIF private key, compressed or not, mainnet or testnet.</summary>
    public string Wif(bool compressed, bool testnet)
    {
        var payload = new List<byte> { testnet ? (byte)0xEF : (byte)0x80 };
        payload.AddRange(Bytes(32));
        if (compressed)
        {
            payload.Add(0x01);
        }

        return Base58Check([.. payload]);
    }

    /// <summary>An extended private key with the version bytes of <paramref name="version"/> (xprv, tprv, zprv …).</summary>
    public string ExtendedKey(uint version)
    {
        var payload = new List<byte>();
        payload.AddRange([(byte)(version >> 24), (byte)(version >> 16), (byte)(version >> 8), (byte)version]);
        payload.Add((byte)Next(5));
        payload.AddRange(Bytes(8));
        payload.AddRange(Bytes(32));
        payload.Add(0);
        payload.AddRange(Bytes(32));
        return Base58Check([.. payload]);
    }

    /// <summary>A Solana secret key (64 bytes) in base58, or as the JSON byte array the CLI stores.</summary>
    public string SolanaKey() => Base58(Bytes(64));

    public string SolanaKeyArray(bool spaced) =>
        "[" + string.Join(spaced ? ", " : ",", Bytes(64).Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";

    /// <summary>A base58 address-like string of <paramref name="length"/> characters.</summary>
    public string Base58Text(int length, char first) =>
        first + new string([.. Enumerable.Range(0, length - 1).Select(_ => Alphabet[_random.Next(58)])]);

    public static string Base58Check(byte[] payload)
    {
        var hash = SHA256.HashData(SHA256.HashData(payload));
        return Base58([.. payload, .. hash[..4]]);
    }

    public static string Base58(byte[] data)
    {
        var number = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        var chars = new List<char>();
        while (number > 0)
        {
            chars.Add(Alphabet[(int)(number % 58)]);
            number /= 58;
        }

        chars.AddRange(data.TakeWhile(b => b == 0).Select(_ => '1'));
        chars.Reverse();
        return new string([.. chars]);
    }
}
