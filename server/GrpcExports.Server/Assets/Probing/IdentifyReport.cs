using System.Globalization;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Server.Assets.Probing;

/// <summary>What ImageMagick's identify says about a picture: its format, size, and the frames and their delays.</summary>
internal sealed record IdentifyReport(string Format, int Width, int Height, int FrameCount, double DurationSeconds)
{
    /// <summary>
    /// Runs identify with the coder forced to <paramref name="magickFormat"/> (so a file is never read by a delegate
    /// such as ffmpeg), decoding every frame (no -ping) so that a truncated or corrupt picture fails here.
    /// <see cref="MediaToolFailedException"/> when it cannot.
    /// </summary>
    public static async Task<IdentifyReport> ReadAsync(MediaTools tools, string magickFormat, string path, CancellationToken cancellationToken)
    {
        var text = "";
        await tools.RunAsync(MediaTool.ImageMagickIdentify, ["-regard-warnings", "-format", "%m %w %h %T\\n", $"{magickFormat}:{path}"],
            readOutput: async (output, token) =>
            {
                using var reader = new StreamReader(output, leaveOpen: true);
                text = await reader.ReadToEndAsync(token).ConfigureAwait(false);
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        // One line per frame: format, width, height, delay in hundredths of a second.
        var frames = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length == 4)
            .ToList();
        if (frames.Count == 0)
        {
            throw new MediaToolFailedException(tools.ImageMagickIdentify, 0, "identify described no frame");
        }
        var first = frames[0];
        var delay = frames.Sum(fields => int.TryParse(fields[3], CultureInfo.InvariantCulture, out var hundredths) ? hundredths : 0);
        return new IdentifyReport(first[0], int.Parse(first[1], CultureInfo.InvariantCulture), int.Parse(first[2], CultureInfo.InvariantCulture),
            frames.Count, delay / 100.0);
    }
}
