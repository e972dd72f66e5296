using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GrpcExports.Server.Exports.Download;

/// <summary>
/// The signature of a download URL: HMAC-SHA256 over the export id, the expiry (Unix seconds) and the export's owner,
/// base64url. The owner is not in the URL; the server reads it from the export, so a URL works only for the export and
/// owner it was made for, and only until it expires.
/// </summary>
internal static class DownloadToken
{
    private static readonly TimeSpan MinStep = TimeSpan.FromSeconds(1), MaxStep = TimeSpan.FromMinutes(10);

    /// <summary>
    /// When a URL made at <paramref name="now"/> expires: <paramref name="lifetime"/> later, rounded up to a sixth of the
    /// lifetime (1 s..10 min), so reads close together hand out the same URL and clients and caches can keep it.
    /// </summary>
    public static DateTimeOffset ExpiryFor(DateTimeOffset now, TimeSpan lifetime)
    {
        var step = (long)Math.Clamp(lifetime.TotalSeconds / 6, MinStep.TotalSeconds, MaxStep.TotalSeconds);
        var earliest = (now + lifetime).ToUnixTimeSeconds();
        return DateTimeOffset.FromUnixTimeSeconds((earliest + step - 1) / step * step);
    }

    public static string Sign(byte[] key, Guid exportId, string ownerId, long expiresUnixSeconds) =>
        Convert.ToBase64String(Mac(key, exportId, ownerId, expiresUnixSeconds)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Whether <paramref name="signature"/> is this export's, owner's and expiry's (compared in constant time).</summary>
    public static bool Verify(byte[] key, Guid exportId, string ownerId, long expiresUnixSeconds, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(key, exportId, ownerId, expiresUnixSeconds));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static byte[] Mac(byte[] key, Guid exportId, string ownerId, long expiresUnixSeconds)
    {
        var owner = Encoding.UTF8.GetBytes(ownerId);
        var message = new byte[16 + 8 + owner.Length];
        exportId.TryWriteBytes(message, bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(message.AsSpan(16), expiresUnixSeconds);
        owner.CopyTo(message, 24);
        return HMACSHA256.HashData(key, message);
    }
}
