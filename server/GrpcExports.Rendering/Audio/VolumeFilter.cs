using System.Text;

namespace GrpcExports.Rendering.Audio;

/// <summary>
/// The <c>volume</c> filter for a <see cref="VolumeEnvelope"/>, where <c>t</c> is the item's own time in seconds: a
/// fixed gain in dB, or a gain expression evaluated once per audio frame (<c>eval=frame</c>).
/// </summary>
internal static class VolumeFilter
{
    /// <summary>The filter, or null when the envelope is a constant 0 dB.</summary>
    public static string? For(VolumeEnvelope envelope)
    {
        if (envelope.IsConstant)
        {
            return envelope.StartDecibels == 0 ? null : $"volume=volume={FilterText.Number(envelope.StartDecibels)}dB";
        }
        return $"volume=volume={FilterText.Quoted($"pow(10,({DecibelExpression(envelope)})/20)")}:eval=frame";
    }

    /// <summary>The dB value at <c>t</c>: <c>if(lt(t,start0),before,if(lt(t,end0),piece0,if(...,after)))</c>.</summary>
    internal static string DecibelExpression(VolumeEnvelope envelope)
    {
        var text = new StringBuilder();
        var first = envelope.Pieces[0];
        text.Append("if(lt(t,").Append(FilterText.Number(first.StartSeconds)).Append("),")
            .Append(FilterText.Number(envelope.StartDecibels)).Append(',');
        foreach (var piece in envelope.Pieces)
        {
            text.Append("if(lt(t,").Append(FilterText.Number(piece.EndSeconds)).Append("),").Append(Piece(piece)).Append(',');
        }
        text.Append(FilterText.Number(envelope.EndDecibels));
        text.Append(')', envelope.Pieces.Count + 1);
        return text.ToString();
    }

    private static string Piece(VolumePiece piece)
    {
        if (piece.FromDecibels == piece.ToDecibels || piece.EndSeconds <= piece.StartSeconds)
        {
            return FilterText.Number(piece.FromDecibels);
        }
        var slope = (piece.ToDecibels - piece.FromDecibels) / (piece.EndSeconds - piece.StartSeconds);
        return $"{FilterText.Number(piece.FromDecibels)}+{FilterText.Number(slope)}*(t-{FilterText.Number(piece.StartSeconds)})";
    }
}
