namespace GrpcExports.Rendering.Tools;

/// <summary>
/// The options that confine what one ffmpeg or ffprobe input may open. A media file may use the file protocol only,
/// and only the demuxers of the media we accept: an HLS playlist, a concat list, an image2 pattern or an SDP file is
/// refused before it names any other file or URL. Pipes (our raw frames) are read with their format forced.
/// </summary>
public static class FfmpegInput
{
    /// <summary>The demuxers of UploadAsset's media types (ffmpeg matches any one name of a demuxer such as "mov,mp4,...").</summary>
    public const string MediaDemuxers = "mov,matroska,mpegts,mp3,aac,wav,ogg,flac,png_pipe,jpeg_pipe,webp_pipe,gif";

    /// <summary>Options before a media file (the file itself follows as <see cref="Url"/>).</summary>
    public static IReadOnlyList<string> MediaFileOptions { get; } = ["-protocol_whitelist", "file", "-format_whitelist", MediaDemuxers];

    /// <summary>Options before <c>-f rawvideo</c> (or another forced format) <c>-i pipe:0</c>.</summary>
    public static IReadOnlyList<string> PipeOptions { get; } = ["-protocol_whitelist", "pipe"];

    /// <summary><c>-i</c> and the file as a <c>file:</c> URL, preceded by <see cref="MediaFileOptions"/>.</summary>
    public static IReadOnlyList<string> MediaFile(string path) => [.. MediaFileOptions, "-i", Url(path)];

    /// <summary>
    /// An absolute path as a <c>file:</c> URL, so that ffmpeg reads no protocol name ("concat:", "subfile,,...") or
    /// option into it.
    /// </summary>
    public static string Url(string path) => "file:" + Path.GetFullPath(path);
}
