namespace GrpcExports.Protocol.Wire;

/// <summary>
/// Values of "-bin" metadata travel base64-encoded. Senders omit the padding; receivers accept it with or without.
/// </summary>
public static class BinaryHeader
{
    public static string Encode(ReadOnlySpan<byte> value) => Convert.ToBase64String(value).TrimEnd('=');

    public static bool TryDecode(string value, out byte[] bytes)
    {
        var trimmed = value.Trim();
        var padding = (4 - trimmed.Length % 4) % 4;
        if (padding == 3)
        {
            bytes = [];
            return false;
        }
        try
        {
            bytes = Convert.FromBase64String(trimmed + new string('=', padding));
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
