using System.Collections.Concurrent;
using GrpcExports.Rendering.Assets;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Audio;

/// <summary>
/// Mixes an export's sound into a 48 kHz stereo 16-bit WAV lasting exactly <c>frameCount / fps</c>, with one ffmpeg
/// process: each item's source trimmed at its in-point, played at its rate, shaped by its dB envelope and fades, and
/// placed on the export's timeline (see <see cref="AudioMixPlanner"/> for what is heard).
/// </summary>
public static class AudioMixer
{
    /// <inheritdoc cref="MixAsync(MediaTools, EditorTimeline, IAssetResolver, FrameRate, long, string, CancellationToken)"/>
    public static Task<AudioMixResult?> MixAsync(EditorTimeline timeline, IAssetResolver assets, FrameRate fps, long frameCount,
        string outputPath, CancellationToken ct = default) =>
        MixAsync(MediaTools.Default, timeline, assets, fps, frameCount, outputPath, ct);

    /// <summary>
    /// Writes the mix to <paramref name="outputPath"/>, or returns null and writes nothing when nothing is audible.
    /// The file appears complete or not at all: ffmpeg writes beside it and the finished file is moved into place;
    /// cancellation or a failure kills ffmpeg and deletes the partial file.
    /// </summary>
    /// <exception cref="AssetUnavailableException">A sound item's asset is missing or its file is not media.</exception>
    /// <exception cref="AudioMixFailedException">ffmpeg failed; the message carries the end of what it said.</exception>
    public static async Task<AudioMixResult?> MixAsync(MediaTools tools, EditorTimeline timeline, IAssetResolver assets,
        FrameRate fps, long frameCount, string outputPath, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(assets);
        var sources = new ConcurrentDictionary<string, SourceAudio>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(AudioMixPlanner.AssetsToProbe(timeline),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            async (asset, token) => sources[asset.Id] = await AudioSourceProbe.ProbeAsync(tools, asset.Id, assets.ResolveFile(asset), token));
        var plan = AudioMixPlanner.Plan(timeline, fps, frameCount, sources);
        if (plan.IsSilent)
        {
            return null;
        }

        var finalPath = Path.GetFullPath(outputPath);
        var partialPath = $"{finalPath}.{Guid.NewGuid():N}.partial";
        try
        {
            await tools.RunAsync(MediaTool.Ffmpeg, MixCommandLine.Build(plan, partialPath), frameCount / fps.FramesPerSecond, cancellationToken: ct);
            File.Move(partialPath, finalPath, overwrite: true);
        }
        catch (MediaToolFailedException failed)
        {
            throw new AudioMixFailedException(failed);
        }
        finally
        {
            if (File.Exists(partialPath))
            {
                File.Delete(partialPath);
            }
        }
        return new AudioMixResult(finalPath, plan.TotalSamples, plan.Sources.Select(s => s.ItemId).ToList(), plan.Unheard);
    }
}
