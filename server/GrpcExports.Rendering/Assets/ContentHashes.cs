using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace GrpcExports.Rendering.Assets;

/// <summary>SHA-256 of files, computed once per path within an export (assets do not change during one).</summary>
public sealed class ContentHashes
{
    private readonly ConcurrentDictionary<string, Lazy<string>> _hashes = new(StringComparer.Ordinal);

    public string Of(string path) => _hashes.GetOrAdd(Path.GetFullPath(path), full => new Lazy<string>(() =>
    {
        using var stream = File.OpenRead(full);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    })).Value;
}
