namespace SupportBot.Core.Recognizers;

/// <summary>TON user-friendly addresses: 36 bytes in base64 or base64url (flags, workchain, 32-byte hash,
/// CRC-16).</summary>
public static class TonAddress
{
    /// <summary>Checks a 48-character TON address.</summary>
    public static ChainValue Check(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var standard = s.Replace('-', '+').Replace('_', '/');
        var bytes = new byte[36];
        if (!Convert.TryFromBase64String(standard, bytes, out var written) || written != 36)
        {
            return ChainValue.Fail(RecognizerErrors.AddressFormat);
        }

        var crc = Crc16(bytes.AsSpan(0, 34));
        return bytes[34] == (byte)(crc >> 8) && bytes[35] == (byte)crc
            ? ChainValue.Ok(s, AddressFamily.Other)
            : ChainValue.Fail(RecognizerErrors.AddressChecksum);
    }

    /// <summary>CRC-16/XMODEM, as TON computes it.</summary>
    private static ushort Crc16(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (var b in data)
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }

        return crc;
    }
}
