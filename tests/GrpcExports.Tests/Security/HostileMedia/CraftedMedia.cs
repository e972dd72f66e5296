using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using GrpcExports.Rendering.Tools;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Security.HostileMedia;

/// <summary>Hostile files made in the test (never committed): playlists, lists, SVGs, picture bombs.</summary>
public static class CraftedMedia
{
    /// <summary>An HLS playlist whose segments are a local file and a URL.</summary>
    public static byte[] HlsPlaylist(string localSegment, string url) => Encoding.UTF8.GetBytes(
        "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n" +
        $"#EXTINF:2.0,\n{localSegment}\n#EXTINF:2.0,\n{url}\n#EXT-X-ENDLIST\n");

    /// <summary>An ffconcat list of files named relative to the list (concat's safe mode allows those).</summary>
    public static byte[] ConcatList(params string[] files) =>
        Encoding.UTF8.GetBytes("ffconcat version 1.0\n" + string.Concat(files.Select(file => $"file '{file}'\n")));

    /// <summary>A 100x100 SVG whose picture is read from <paramref name="href"/> (a path, or a coder:path).</summary>
    public static string SvgWithImage(string href) =>
        $"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100"><image xlink:href="{href}" x="0" y="0" width="100" height="100"/></svg>""";

    /// <summary>A 400x100 SVG whose text is an external entity: the content of <paramref name="path"/>.</summary>
    public static string SvgWithEntity(string path) =>
        $"""<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY secret SYSTEM "file://{path}">]><svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><text x="0" y="50">&secret;</text></svg>""";

    /// <summary>
    /// A valid greyscale PNG of <paramref name="width"/> x <paramref name="height"/> black pixels: rows of zeros compress
    /// a thousandfold, so a small file declares (and, decoded, fills) gigabytes.
    /// </summary>
    public static byte[] PngBomb(int width, int height)
    {
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[width + 1];
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>An animated GIF of <paramref name="frames"/> 4x4 frames at 100 frames a second, made by ffmpeg.</summary>
    public static Task<byte[]> GifAsync(string directory, int frames) => FfmpegAsync(directory, "frames.gif",
        ["-f", "lavfi", "-i", "testsrc=size=4x4:rate=100", "-frames:v", frames.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>Two seconds of 64x48 H.264 in MPEG-TS: a segment an HLS playlist or a concat list can name.</summary>
    public static Task<byte[]> TransportStreamAsync(string directory) => FfmpegAsync(directory, "segment.ts",
        ["-f", "lavfi", "-i", "testsrc=size=64x48:rate=25", "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-f", "mpegts"]);

    private static async Task<byte[]> FfmpegAsync(string directory, string name, string[] arguments)
    {
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}-{name}");
        var result = await ExternalProcess.RunAsync(MediaTools.Default.Ffmpeg, ["-v", "error", "-y", .. arguments, path]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var bytes = await File.ReadAllBytesAsync(path);
        File.Delete(path);
        return bytes;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    /// <summary>The CRC-32 (ISO-HDLC) PNG chunks carry.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in bytes)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
