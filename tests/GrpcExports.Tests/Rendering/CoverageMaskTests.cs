using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Compositing.Masks;

namespace GrpcExports.Tests.Rendering;

public sealed class CoverageMaskTests
{
    private const int Width = 640;
    private const int Height = 360;

    [Fact]
    public void A_disc_covers_its_area()
    {
        var covered = CoveredArea(new DiscMask(300.3, 170.7, 100));

        Assert.InRange(covered, Math.PI * 100 * 100 * 0.998, Math.PI * 100 * 100 * 1.002);
    }

    [Fact]
    public void A_disc_smaller_than_a_pixel_is_no_more_than_its_area()
    {
        var covered = CoveredArea(new DiscMask(320.5, 180.5, 0.05));

        Assert.True(covered <= 0.02, $"covered {covered}");
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.6)]
    [InlineData(0.9)]
    public void A_clock_sweep_about_the_centre_covers_its_share_of_a_disc_around_it(double share)
    {
        // Intersected with a disc the sweep is a sector: its area is share * π r², wherever the frame's edges are.
        var sector = new SectorMask(320, 180, 2 * Math.PI * share);
        var disc = new DiscMask(320, 180, 150);

        var covered = CoveredArea(sector, disc);

        Assert.InRange(covered, share * Math.PI * 150 * 150 - 300, share * Math.PI * 150 * 150 + 300);
    }

    [Fact]
    public void A_slanted_half_plane_covers_the_triangle_under_its_line()
    {
        // x / 640 + y / 360 < 1: the top-left half of the frame.
        var covered = CoveredArea(new HalfPlaneMask(1 / 640.0, 1 / 360.0, 1));

        Assert.InRange(covered, Width * Height / 2.0 - 2, Width * Height / 2.0 + 2);
    }

    [Fact]
    public void Rows_filled_from_any_left_edge_agree_with_the_whole_row()
    {
        CoverageMask[] masks = [new DiscMask(100.2, 50.9, 40.3), new SectorMask(97.5, 45.25, 4.1), new HalfPlaneMask(-0.3, 0.8, 12)];
        foreach (var mask in masks)
        {
            var whole = new uint[200];
            var part = new uint[131];
            for (var y = 0; y < 100; y++)
            {
                mask.FillRow(y, 0, whole);
                mask.FillRow(y, 37, part);
                Assert.Equal(whole.AsSpan(37, 131).ToArray(), part);
            }
        }
    }

    [Fact]
    public void Mixing_by_a_mask_weighs_each_pixel_by_its_own_weight_in_the_vector_and_scalar_loops_alike()
    {
        var random = new Random(5);
        const int length = 8 * 9 + 5;
        var outgoing = new uint[length];
        var incoming = new uint[length];
        var mask = new uint[length];
        for (var i = 0; i < length; i++)
        {
            outgoing[i] = Premultiplied(random);
            incoming[i] = Premultiplied(random);
            mask[i] = (uint)random.Next(256) * 0x01010101u;
        }
        var expected = new uint[length];
        for (var i = 0; i < length; i++)
        {
            var weight = (int)(mask[i] & 0xFF);
            expected[i] = PixelMath.AddSaturate(PixelMath.Scale(outgoing[i], 255 - weight), PixelMath.Scale(incoming[i], weight));
        }

        RowBlending.MixByMask(outgoing, incoming, mask);

        Assert.Equal(expected, outgoing);
        Assert.NotEqual(expected, incoming);
    }

    private static uint Premultiplied(Random random)
    {
        var alpha = random.Next(256);
        return PixelMath.Pack(random.Next(alpha + 1), random.Next(alpha + 1), random.Next(alpha + 1), alpha);
    }

    /// <summary>The summed coverage over a 640 x 360 frame of the pixels every mask covers (the product of their weights).</summary>
    private static double CoveredArea(params CoverageMask[] masks)
    {
        var rows = masks.Select(_ => new uint[Width]).ToArray();
        double total = 0;
        for (var y = 0; y < Height; y++)
        {
            for (var m = 0; m < masks.Length; m++)
            {
                masks[m].FillRow(y, 0, rows[m]);
            }
            for (var x = 0; x < Width; x++)
            {
                var weight = 1.0;
                foreach (var row in rows)
                {
                    Assert.Equal((row[x] & 0xFF) * 0x01010101u, row[x]);
                    weight *= (row[x] & 0xFF) / 255.0;
                }
                total += weight;
            }
        }
        return total;
    }
}
