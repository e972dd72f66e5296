using System.Text;

namespace GrpcExports.Protocol.Wire;

/// <summary>
/// grpc-message encoding: the UTF-8 bytes of the text, with every byte outside printable ASCII (0x20-0x7E) and '%'
/// itself written as %XX. Decoding is lenient: a malformed escape is kept as it is.
/// </summary>
public static class PercentEncoding
{
    public static string Encode(string text)
    {
        if (!NeedsEncoding(text))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2"));
            }
        }
        return builder.ToString();
    }

    public static string Decode(string encoded)
    {
        if (!encoded.Contains('%'))
        {
            return encoded;
        }
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
            {
                bytes.Add(Convert.ToByte(encoded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool NeedsEncoding(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~' or '%')
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
