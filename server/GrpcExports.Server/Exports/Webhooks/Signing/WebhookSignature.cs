using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GrpcExports.Server.Exports.Webhooks.Signing;

/// <summary>
/// The x-grpcexports-signature header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c>, keyed with the UTF-8
/// bytes of the owner's secret, over the bytes "&lt;t&gt;." followed by the exact body. Binding the time into the MAC
/// lets receivers refuse old deliveries replayed at them.
/// </summary>
internal static class WebhookSignature
{
    public const string HeaderName = "x-grpcexports-signature";

    public static string Header(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var time = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var signed = new byte[time.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(time + ".", signed);
        body.CopyTo(signed.AsSpan(time.Length + 1));
        return $"t={time},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed))}";
    }
}
