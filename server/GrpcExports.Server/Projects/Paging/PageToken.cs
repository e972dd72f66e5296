using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GrpcExports.Server.Projects.Paging;

/// <summary>
/// Opaque keyset page tokens: the cursor (where the next page starts) and a fingerprint of the request that issued
/// it (the user, the RPC and its filters), base64url-encoded with a checksum. A token that was altered, or that is
/// sent with other filters or by another user, is INVALID_ARGUMENT / INVALID_PAGE_TOKEN. The checksum detects
/// damage and edits, it is no secret: reads are scoped to the caller by their queries, not by the token.
/// </summary>
internal static class PageToken
{
    private const int ChecksumLength = 16;
    private static readonly byte[] ChecksumKey = Encoding.UTF8.GetBytes("grpcexports.v1 page token");

    /// <summary>The fingerprint of a request: every part that must stay the same from page to page.</summary>
    public static string Fingerprint(params string[] parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))), 0, 16);

    public static string Issue(string fingerprint, IReadOnlyList<string> cursor)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(fingerprint, cursor));
        var token = new byte[payload.Length + ChecksumLength];
        payload.CopyTo(token, 0);
        HMACSHA256.HashData(ChecksumKey, payload).AsSpan(0, ChecksumLength).CopyTo(token.AsSpan(payload.Length));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The cursor of <paramref name="token"/>, checked against the fingerprint of the request carrying it.</summary>
    public static IReadOnlyList<string> Read(string token, string fingerprint, int cursorLength)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            throw ProjectErrors.InvalidPageToken("The page token is malformed; send the next_page_token of the previous response as it is.");
        }
        if (bytes.Length <= ChecksumLength
            || !CryptographicOperations.FixedTimeEquals(
                HMACSHA256.HashData(ChecksumKey, bytes.AsSpan(0, bytes.Length - ChecksumLength)).AsSpan(0, ChecksumLength),
                bytes.AsSpan(bytes.Length - ChecksumLength)))
        {
            throw ProjectErrors.InvalidPageToken("The page token is damaged or was altered; send the next_page_token of the previous response as it is.");
        }
        var payload = JsonSerializer.Deserialize<Payload>(bytes.AsSpan(0, bytes.Length - ChecksumLength));
        if (payload is null || payload.Cursor is null || payload.Cursor.Count != cursorLength)
        {
            throw ProjectErrors.InvalidPageToken("The page token was not issued by this RPC.");
        }
        if (payload.Fingerprint != fingerprint)
        {
            throw ProjectErrors.InvalidPageToken("The page token was issued for a different request: keep every field except page_size and page_token as on the first page.");
        }
        return payload.Cursor;
    }

    private sealed record Payload(string Fingerprint, IReadOnlyList<string> Cursor);
}
