using System.Text;
using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Rendering.Audio;

/// <summary>
/// The filters that cross-fade a clip's sound over its transitions' windows as the picture cross-fades: with p the
/// transition's eased progress (0 to 1 over the window), the incoming clip is heard at gain p and the outgoing one at
/// 1 - p. A linear window is an exact <c>afade</c>; an eased one is a <c>volume</c> expression of
/// <see cref="PiecesPerEasedWindow"/> straight pieces along the easing curve, evaluated every 10 ms.
/// </summary>
internal static class CrossfadeFilter
{
    public const int PiecesPerEasedWindow = 32;

    /// <param name="spanSeconds">The length of the clip's stretched span, at whose end the outgoing window ends.</param>
    public static IEnumerable<string> For(SoundOverlap overlap, double spanSeconds)
    {
        var into = MixFormat.Seconds(overlap.CrossfadeInSamples);
        var outOf = MixFormat.Seconds(overlap.CrossfadeOutSamples);
        var outStart = spanSeconds - outOf;
        if (into > 0 && overlap.CrossfadeInEasing == Easing.Linear)
        {
            yield return $"afade=t=in:st=0:d={FilterText.Number(into)}";
        }
        if (outOf > 0 && overlap.CrossfadeOutEasing == Easing.Linear)
        {
            yield return $"afade=t=out:st={FilterText.Number(outStart)}:d={FilterText.Number(outOf)}";
        }
        var eased = new List<string>();
        if (into > 0 && overlap.CrossfadeInEasing != Easing.Linear)
        {
            eased.Add(GainExpression(overlap.CrossfadeInEasing, 0, into, rising: true));
        }
        if (outOf > 0 && overlap.CrossfadeOutEasing != Easing.Linear)
        {
            eased.Add(GainExpression(overlap.CrossfadeOutEasing, outStart, outOf, rising: false));
        }
        if (eased.Count > 0)
        {
            yield return $"asetnsamples=n={MixFormat.SampleRate / 100}:p=0";
            yield return $"volume=volume={FilterText.Quoted(string.Join('*', eased))}:eval=frame";
        }
    }

    /// <summary>The gain at <c>t</c>, held before and after the window:
    /// <c>if(lt(t,start),before,if(lt(t,end0),piece0,...,after))</c>.</summary>
    private static string GainExpression(Easing easing, double start, double length, bool rising)
    {
        double Gain(double progress) => rising ? EasingCurves.Apply(easing, progress) : 1 - EasingCurves.Apply(easing, progress);

        var text = new StringBuilder();
        text.Append("if(lt(t,").Append(FilterText.Number(start)).Append("),").Append(FilterText.Number(Gain(0))).Append(',');
        for (var piece = 0; piece < PiecesPerEasedWindow; piece++)
        {
            var from = start + length * piece / PiecesPerEasedWindow;
            var to = start + length * (piece + 1) / PiecesPerEasedWindow;
            var fromGain = Gain((double)piece / PiecesPerEasedWindow);
            var slope = (Gain((double)(piece + 1) / PiecesPerEasedWindow) - fromGain) / (to - from);
            text.Append("if(lt(t,").Append(FilterText.Number(to)).Append("),")
                .Append(FilterText.Number(fromGain)).Append('+').Append(FilterText.Number(slope))
                .Append("*(t-").Append(FilterText.Number(from)).Append("),");
        }
        text.Append(FilterText.Number(Gain(1)));
        text.Append(')', PiecesPerEasedWindow + 1);
        return text.ToString();
    }
}
