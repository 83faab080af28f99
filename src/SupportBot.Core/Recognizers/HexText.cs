using SupportBot.Core.Codecs;

namespace SupportBot.Core.Recognizers;

/// <summary>Hex helpers.</summary>
public static class HexText
{
    /// <summary>Whether every character is a hex digit (and there is at least one).</summary>
    public static bool IsHex(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="text"/> starts with "0x" or "0X".</summary>
    public static bool HasPrefix(string text) =>
        text.Length >= 2 && text[0] == '0' && text[1] is 'x' or 'X';

    /// <summary>Whether every character is in the Base58 alphabet (and there is at least one).</summary>
    public static bool IsBase58(string text) => text.Length > 0 && text.All(Base58.IsBase58Char);
}
