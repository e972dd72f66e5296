namespace GrpcExports.Rendering.Assets;

/// <summary>
/// The ImageMagick coder a picture is read with, decided from its first bytes (else from its extension), so that
/// ImageMagick never guesses one from the content: an MVG, MSL or text file dressed as a picture fails in the picture's
/// coder instead of being interpreted.
/// </summary>
internal static class PictureCoder
{
    public const string Svg = "MSVG";

    /// <summary>
    /// The coder to read the picture at <paramref name="path"/> with, or why it must not be read: neither its bytes nor
    /// its extension are those of PNG, JPEG, GIF, WebP or SVG (drawn by ImageMagick's own renderer), or it is an SVG
    /// that refers to other files.
    /// </summary>
    public static (string? Coder, string? Refusal) Of(string path)
    {
        var coder = File.Exists(path) ? Sniff(path) ?? ByExtension(path) : null;
        return coder switch
        {
            null => (null, "it is not a PNG, JPEG, WebP, GIF or SVG picture"),
            Svg when SvgReferences.FirstOutside(path) is { } reference => (null, $"the SVG refers to something outside itself: {reference}"),
            _ => (coder, null),
        };
    }

    private static string? Sniff(string path)
    {
        Span<byte> head = stackalloc byte[16];
        int read;
        using (var file = File.OpenRead(path))
        {
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        head = head[..read];
        return head switch
        {
            [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "PNG",
            [0xFF, 0xD8, 0xFF, ..] => "JPEG",
            [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "GIF",
            [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "WEBP",
            _ when StartsWithMarkup(head) => Svg,
            _ => null,
        };
    }

    private static string? ByExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "PNG",
        ".jpg" or ".jpeg" => "JPEG",
        ".gif" => "GIF",
        ".webp" => "WEBP",
        ".svg" => Svg,
        _ => null,
    };

    /// <summary>Optional UTF-8 byte order mark and white space, then '&lt;'.</summary>
    private static bool StartsWithMarkup(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }
        head = head.TrimStart(" \t\r\n"u8);
        return head.Length > 0 && head[0] == '<';
    }
}
