namespace SupportBot.Core.Recognizers;

/// <summary>Segwit address checks (BIP-173 bech32 for witness v0, BIP-350 bech32m for v1+).</summary>
public static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const uint Bech32Constant = 1;
    private const uint Bech32MConstant = 0x2bc830a3;

    /// <summary>The outcome of checking a segwit address.</summary>
    public enum Result
    {
        /// <summary>Not shaped like a segwit address of that prefix.</summary>
        NotBech32,

        /// <summary>Shaped right but the checksum fails (a typo).</summary>
        BadChecksum,

        /// <summary>A valid segwit address.</summary>
        Valid,
    }

    /// <summary>Checks <paramref name="address"/> as a segwit address with human-readable part
    /// <paramref name="hrp"/> (e.g. "bc").</summary>
    public static Result CheckSegwit(string address, string hrp)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(hrp);
        if (address.Length is < 14 or > 90 || address.Any(char.IsUpper) && address.Any(char.IsLower))
        {
            return Result.NotBech32;
        }

        var lower = address.ToLowerInvariant();
        var sep = lower.LastIndexOf('1');
        if (sep != hrp.Length || !lower.StartsWith(hrp, StringComparison.Ordinal) || lower.Length - sep - 1 < 6)
        {
            return Result.NotBech32;
        }

        var data = new byte[lower.Length - sep - 1];
        for (var i = 0; i < data.Length; i++)
        {
            var v = Charset.IndexOf(lower[sep + 1 + i], StringComparison.Ordinal);
            if (v < 0)
            {
                return Result.NotBech32;
            }

            data[i] = (byte)v;
        }

        var check = Polymod(hrp, data);
        var version = data[0];
        var expected = version == 0 ? Bech32Constant : Bech32MConstant;
        if (version > 16)
        {
            return Result.NotBech32;
        }

        if (check != expected)
        {
            return Result.BadChecksum;
        }

        var programBytes = (data.Length - 7) * 5 / 8;
        var ok = version == 0 ? programBytes is 20 or 32 : programBytes is >= 2 and <= 40;
        return ok ? Result.Valid : Result.NotBech32;
    }

    private static uint Polymod(string hrp, byte[] data)
    {
        uint[] gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
        uint chk = 1;
        void Step(uint value)
        {
            var top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ value;
            for (var i = 0; i < 5; i++)
            {
                if (((top >> i) & 1) != 0)
                {
                    chk ^= gen[i];
                }
            }
        }

        foreach (var c in hrp)
        {
            Step((uint)(c >> 5));
        }

        Step(0);
        foreach (var c in hrp)
        {
            Step((uint)(c & 31));
        }

        foreach (var d in data)
        {
            Step(d);
        }

        return chk;
    }
}
