using GrpcExports.Protocol.Wire;

namespace GrpcExports.Client;

/// <summary>The rules for metadata keys: lowercase 0-9 a-z - _ . and never a reserved "grpc-" or pseudo header.</summary>
internal static class MetadataKey
{
    public static bool IsBinary(string key) => key.EndsWith(GrpcHeaders.BinarySuffix, StringComparison.Ordinal);

    public static string Normalize(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var lower = key.ToLowerInvariant();
        foreach (var c in lower)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.'))
            {
                throw new ArgumentException($"Metadata key '{key}' may only contain 0-9, a-z, '-', '_' and '.'.", nameof(key));
            }
        }
        if (lower.StartsWith("grpc-", StringComparison.Ordinal) || ReservedHeaders.IsReserved(lower))
        {
            throw new ArgumentException($"Metadata key '{key}' is reserved by the gRPC protocol.", nameof(key));
        }
        return lower;
    }
}
