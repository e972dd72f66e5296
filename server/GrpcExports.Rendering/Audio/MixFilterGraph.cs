using System.Text;

namespace GrpcExports.Rendering.Audio;

/// <summary>
/// The <c>-filter_complex</c> text for a plan whose source <c>k</c> is ffmpeg input <c>k</c>, already seeked to its
/// in-point. Each source is brought to the item's own clock (tempo, 48 kHz stereo, timestamps counted in samples),
/// shaped (volume, fades), padded with silence and cut to exactly its heard length, and delayed to its start; the
/// sources are summed without normalisation (a lone source keeps its level) and the sum is padded and cut to exactly
/// the export's length. The result is the output pad <see cref="OutputLabel"/>.
/// </summary>
internal static class MixFilterGraph
{
    public const string OutputLabel = "[mix]";

    public static string Build(AudioMixPlan plan)
    {
        if (plan.IsSilent)
        {
            throw new ArgumentException("A plan with nothing audible has no filter graph.", nameof(plan));
        }
        var graph = new StringBuilder();
        for (var k = 0; k < plan.Sources.Count; k++)
        {
            graph.Append($"[{k}:a:0]").AppendJoin(',', SourceChain(plan.Sources[k])).Append($"[s{k}];");
        }
        var total = FilterText.Integer(plan.TotalSamples);
        for (var k = 0; k < plan.Sources.Count; k++)
        {
            graph.Append($"[s{k}]");
        }
        if (plan.Sources.Count > 1)
        {
            graph.Append($"amix=inputs={plan.Sources.Count}:normalize=0:duration=longest,");
        }
        else
        {
            graph.Append("anull,");
        }
        graph.Append($"apad=whole_len={total},atrim=end_sample={total}").Append(OutputLabel);
        return graph.ToString();
    }

    private static IEnumerable<string> SourceChain(MixSource source)
    {
        yield return "asetpts=PTS-STARTPTS";
        foreach (var factor in AtempoChain.Factors(source.PlaybackRate))
        {
            yield return $"atempo={FilterText.Number(factor)}";
        }
        if (source.IsMono)
        {
            // Both speakers at full level, as a browser plays mono; the resampler's default upmix is 3 dB quieter.
            yield return "pan=stereo|c0=c0|c1=c0";
        }
        yield return $"aresample={FilterText.Integer(MixFormat.SampleRate)}";
        yield return "aformat=sample_fmts=fltp:channel_layouts=stereo";
        yield return "asetpts=N/SR/TB";
        if (source.Overlap is { LeadSilenceSamples: > 0 } early)
        {
            yield return $"adelay=delays={FilterText.Integer(early.LeadSilenceSamples)}S:all=1";
            yield return "asetpts=N/SR/TB";
        }
        if (VolumeFilter.For(source.Volume) is { } volume)
        {
            if (!source.Volume.IsConstant)
            {
                // The gain expression is evaluated once per frame: 10 ms frames keep its steps inaudible.
                yield return $"asetnsamples=n={MixFormat.SampleRate / 100}:p=0";
            }
            yield return volume;
        }
        var ownStart = MixFormat.Seconds(source.Overlap?.LeadSamples ?? 0);
        var ownSeconds = MixFormat.Seconds(source.Overlap?.OwnSamples ?? source.ItemSamples);
        if (source.FadeInSeconds > 0)
        {
            yield return $"afade=t=in:st={FilterText.Number(ownStart)}:d={FilterText.Number(Math.Min(source.FadeInSeconds, ownSeconds))}";
        }
        if (source.FadeOutSeconds > 0)
        {
            var fadeOut = Math.Min(source.FadeOutSeconds, ownSeconds);
            yield return $"afade=t=out:st={FilterText.Number(ownStart + ownSeconds - fadeOut)}:d={FilterText.Number(fadeOut)}";
        }
        if (source.Overlap is { } overlap)
        {
            foreach (var filter in CrossfadeFilter.For(overlap, MixFormat.Seconds(source.ItemSamples)))
            {
                yield return filter;
            }
        }
        var heard = FilterText.Integer(source.HeardSamples);
        yield return $"apad=whole_len={heard}";
        yield return $"atrim=end_sample={heard}";
        if (source.StartSample > 0)
        {
            yield return $"adelay=delays={FilterText.Integer(source.StartSample)}S:all=1";
        }
    }
}
