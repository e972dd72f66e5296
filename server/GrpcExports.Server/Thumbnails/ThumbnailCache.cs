using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.Thumbnails;

/// <summary>
/// Rendered thumbnails on disk, named by the SHA-256 of what determines their pixels: the editor state's text, the
/// frames, the width and the format. A version's state never changes, so an entry never goes stale, and a clone (the
/// same state) finds its source's thumbnails. Files are written beside their final name and moved into place, so a
/// reader never sees half a file.
/// </summary>
internal sealed class ThumbnailCache(string root)
{
    public string Root { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    public static string Key(string editorStateJson, IReadOnlyList<long> frames, int width, ImageFormat format)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"thumbnail-v1|{width}|{format}|{string.Join(",", frames)}|")));
        hash.AppendData(Encoding.UTF8.GetBytes(editorStateJson));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public string PathOf(string key, ImageFormat format) =>
        Path.Combine(Root, key[..2], key + (format == ImageFormat.Jpeg ? ".jpg" : ".png"));

    /// <summary>The cached image's bytes, or null when it has not been rendered.</summary>
    public async Task<byte[]?> ReadAsync(string key, ImageFormat format, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(PathOf(key, format), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception missing) when (missing is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>A scratch directory inside the cache for one rendering; the caller deletes it.</summary>
    public DirectoryInfo Scratch() => Directory.CreateDirectory(Path.Combine(Root, "scratch", Guid.NewGuid().ToString("N")));

    /// <summary>Moves a finished image into the cache (replacing an entry another call finished meanwhile, which has the same bytes).</summary>
    public void Keep(string renderedPath, string key, ImageFormat format)
    {
        var path = PathOf(key, format);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Move(renderedPath, path, overwrite: true);
    }
}
