using GrpcExports.Rendering.Timeline;
using static GrpcExports.Tests.Rendering.EditorStateDocument;

namespace GrpcExports.Tests.Rendering;

/// <summary>
/// The eight colour filters over the layers below their track: a known colour through each look at two strengths
/// gives the value of the look's documented matrix (README, "Colour filters"), computed here from that table.
/// </summary>
public sealed class ColorFilterStillTests : IDisposable
{
    private static readonly Color Known = new(100, 150, 200);
    private static readonly Color Blue = new(0, 0, 255);

    /// <summary>The README's table: per look, the rows for R, G and B as (weight of R, of G, of B, offset).</summary>
    private static readonly Dictionary<string, double[][]> DocumentedMatrices = new()
    {
        ["verdant-glow"] = [[0.80, 0.10, 0.00, 0], [0.10, 1.00, 0.10, 12], [0.00, 0.10, 0.80, 0]],
        ["cyberpunk-neon"] = [[1.10, 0.00, 0.20, 10], [0.00, 0.70, 0.10, 0], [0.20, 0.00, 1.10, 20]],
        ["vaporwave-blue"] = [[0.80, 0.10, 0.10, 10], [0.10, 0.80, 0.10, 10], [0.10, 0.20, 1.00, 30]],
        ["sunset-orange"] = [[1.00, 0.20, 0.00, 25], [0.05, 0.85, 0.05, 10], [0.00, 0.10, 0.70, 0]],
        ["lemon-cyan"] = [[0.90, 0.10, 0.00, 10], [0.05, 1.00, 0.10, 20], [0.00, 0.20, 0.90, 15]],
        ["absolute-red"] = [[1.20, 0.10, 0.10, 10], [0.10, 0.70, 0.00, 0], [0.10, 0.00, 0.70, 0]],
        ["sakura-pink"] = [[1.00, 0.10, 0.05, 20], [0.05, 0.85, 0.05, 5], [0.05, 0.05, 0.95, 20]],
        ["twilight-dusk"] = [[0.85, 0.05, 0.15, 15], [0.05, 0.75, 0.10, 0], [0.10, 0.10, 0.95, 25]],
    };

    private readonly StillFrames _stills = new();

    public void Dispose() => _stills.Dispose();

    public static TheoryData<string, double, double?> Looks()
    {
        var data = new TheoryData<string, double, double?>();
        foreach (var look in DocumentedMatrices.Keys)
        {
            data.Add(look, 1.0, null);
            data.Add(look, 0.5, null);
        }
        data.Add("cyberpunk-neon", 1.0, 0.65);
        data.Add("sunset-orange", 0.8, 0.5);
        data.Add("twilight-dusk", 3.0, null);
        return data;
    }

    [Theory]
    [MemberData(nameof(Looks))]
    public async Task A_filter_recolours_the_layers_below_its_track_by_its_documented_matrix(string look, double intensity, double? blend)
    {
        var json = new EditorStateDocument(320, 180)
            .Track("top", "box")
            .Track("filters", "filter")
            .Track("bottom", "clip")
            .Solid("box", "#0000ff", 0, Seconds(1), left: 0, top: 0, width: 50, height: 50)
            .Filter("filter", look, 0, Seconds(1), intensity, blend)
            .Solid("clip", Known.ToString(), 0, Seconds(1), left: 0, top: 0, width: 320, height: 180)
            .ToJson();

        var png = await _stills.RenderAsync(json, 10, 320, 180);

        PixelAssert.Near(Expected(look, Math.Min(intensity, 1) * (blend ?? 1)), png[200, 100], tolerance: 1, where: $"{look} below the filter");
        PixelAssert.Near(Blue, png[25, 25], where: "the box above the filter");
    }

    [Fact]
    public async Task Outside_its_time_a_filter_leaves_the_picture_alone()
    {
        var json = new EditorStateDocument(320, 180)
            .Track("filters", "filter")
            .Track("bottom", "clip")
            .Filter("filter", "absolute-red", Seconds(1), Seconds(1))
            .Solid("clip", Known.ToString(), 0, Seconds(2), left: 0, top: 0, width: 320, height: 180)
            .ToJson();

        PixelAssert.Near(Known, (await _stills.RenderAsync(json, 29, 320, 180))[100, 100], where: "before the filter");
        Assert.NotEqual(Known, (await _stills.RenderAsync(json, 30, 320, 180))[100, 100]);
    }

    /// <summary><c>clamp((1 - k) c + k (M c + o))</c> for the known colour, rounded.</summary>
    private static Color Expected(string look, double k)
    {
        var rows = DocumentedMatrices[look];
        double[] c = [Known.R, Known.G, Known.B];
        var channels = rows.Select((row, i) =>
        {
            var transformed = row[0] * c[0] + row[1] * c[1] + row[2] * c[2] + row[3];
            return (byte)Math.Round(Math.Clamp((1 - k) * c[i] + k * transformed, 0, 255));
        }).ToArray();
        return new Color(channels[0], channels[1], channels[2]);
    }
}
