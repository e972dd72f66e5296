using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace GrpcExports.Server.Security.Keys;

/// <summary>
/// API key secrets: "gx_" and 32 random bytes in base64url (256 bits), recognisable in logs and secret scanners.
/// Only their SHA-256 is stored: a slow password hash buys nothing for secrets with this much entropy.
/// </summary>
internal static class ApiKeySecret
{
    public const string Prefix = "gx_";

    /// <summary>How many leading characters of a secret are kept in clear (the prefix and four more), to tell keys apart.</summary>
    public const int ShownLength = 7;

    private const int RandomBytes = 32;

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static string Shown(string secret) => secret[..ShownLength];

    /// <summary>Whether <paramref name="secret"/> has the shape of a secret this server issues (cheap refusal before the database).</summary>
    public static bool IsWellFormed(string secret) =>
        secret.Length == Prefix.Length + Base64Url.GetEncodedLength(RandomBytes)
        && secret.StartsWith(Prefix, StringComparison.Ordinal)
        && Base64Url.IsValid(secret.AsSpan(Prefix.Length));
}
