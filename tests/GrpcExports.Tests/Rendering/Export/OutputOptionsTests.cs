using GrpcExports.Rendering.Export;

namespace GrpcExports.Tests.Rendering.Export;

/// <summary>Output sizes for every ratio and preset, and option validation naming the option.</summary>
public sealed class OutputOptionsTests
{
    [Theory]
    [InlineData("16:9", 320, 180)]
    [InlineData("9:16", 320, 570)]
    [InlineData("1:1", 320, 320)]
    [InlineData("4:3", 320, 240)]
    [InlineData("3:4", 320, 428)]
    [InlineData("21:9", 420, 180)]
    public void A_ratio_fits_the_composition_inside_the_smallest_box_of_that_shape(string ratio, int width, int height)
    {
        var size = OutputSize.Of(320, 180, new ExportOptions { Ratio = AspectRatio.Parse(ratio) });

        Assert.Equal((width, height), size);
    }

    [Theory]
    [InlineData(ResolutionPreset.P2160, 3840, 2160)]
    [InlineData(ResolutionPreset.P1080, 1920, 1080)]
    [InlineData(ResolutionPreset.P720, 1280, 720)]
    [InlineData(ResolutionPreset.P480, 854, 480)]
    public void A_resolution_preset_sets_the_short_side(ResolutionPreset preset, int width, int height)
    {
        Assert.Equal((width, height), OutputSize.Of(640, 360, new ExportOptions { Resolution = preset }));
        Assert.Equal((height, width), OutputSize.Of(360, 640, new ExportOptions { Resolution = preset }));
    }

    [Fact]
    public void Scale_multiplies_the_composition_and_rounds_odd_sides_up_to_even()
    {
        Assert.Equal((1280, 720), OutputSize.Of(640, 360, new ExportOptions { Scale = 2 }));
        Assert.Equal((202, 122), OutputSize.Of(101, 61, new ExportOptions { Scale = 2 }));
        Assert.Equal((62, 38), OutputSize.Of(101, 61, new ExportOptions { Scale = 0.6 }));
    }

    [Fact]
    public void A_custom_size_is_the_frame_before_scale()
    {
        Assert.Equal((1000, 1000), OutputSize.Of(1920, 1080, new ExportOptions { CustomSize = (1000, 1000) }));
        Assert.Equal((2000, 1000), OutputSize.Of(1920, 1080, new ExportOptions { CustomSize = (1000, 500), Scale = 2 }));
        Assert.Equal((1440, 720), OutputSize.Of(1920, 1080, new ExportOptions { CustomSize = (1000, 500), Resolution = ResolutionPreset.P720 }));
    }

    [Fact]
    public void A_custom_size_out_of_range_or_beside_a_ratio_is_refused()
    {
        Assert.Equal("custom_width", Assert.Throws<ExportOptionsException>(() =>
            new ExportOptions { CustomSize = (15, 100) }.Validate()).Option);
        Assert.Equal("custom_height", Assert.Throws<ExportOptionsException>(() =>
            new ExportOptions { CustomSize = (100, 7681) }.Validate()).Option);
        Assert.Equal("custom_width", Assert.Throws<ExportOptionsException>(() =>
            new ExportOptions { CustomSize = (100, 100), Ratio = AspectRatio.Square }.Validate()).Option);
    }

    [Theory]
    [InlineData("fps", 0, 1.0)]
    [InlineData("fps", 121, 1.0)]
    [InlineData("scale", 30, 0.5)]
    [InlineData("scale", 30, 8.5)]
    [InlineData("scale", 30, double.NaN)]
    public void Out_of_range_numbers_are_refused_naming_the_option(string option, int fps, double scale)
    {
        var error = Assert.Throws<ExportOptionsException>(() => new ExportOptions { FramesPerSecond = fps, Scale = scale }.Validate());

        Assert.Equal(option, error.Option);
        Assert.Contains($"'{option}'", error.Message);
    }

    [Theory]
    [InlineData("16x9")]
    [InlineData("0:9")]
    [InlineData("-16:9")]
    [InlineData("100:1")]
    [InlineData("")]
    public void Malformed_ratios_are_refused(string ratio)
    {
        Assert.Equal("ratio", Assert.Throws<ExportOptionsException>(() => AspectRatio.Parse(ratio)).Option);
    }

    [Fact]
    public void Scale_and_a_preset_together_are_refused_and_so_is_a_size_above_the_limit()
    {
        Assert.Equal("scale", Assert.Throws<ExportOptionsException>(() =>
            new ExportOptions { Scale = 2, Resolution = ResolutionPreset.P720 }.Validate()).Option);
        Assert.Equal("scale", Assert.Throws<ExportOptionsException>(() =>
            OutputSize.Of(1920, 1080, new ExportOptions { Scale = 8 })).Option);
    }

    [Theory]
    [InlineData(-0.1, 0.5, 1.0, "watermark.pos_x")]
    [InlineData(0.5, 1.1, 1.0, "watermark.pos_y")]
    [InlineData(0.5, 0.5, 0.0, "watermark.scale")]
    [InlineData(0.5, 0.5, 10.5, "watermark.scale")]
    public void Watermark_placement_is_checked(double x, double y, double scale, string option)
    {
        var file = Path.GetTempFileName();
        try
        {
            var error = Assert.Throws<ExportOptionsException>(() => new Watermark(file, x, y, scale).Validate());
            Assert.Equal(option, error.Option);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Watermark_opacity_is_checked()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.Equal("watermark.opacity", Assert.Throws<ExportOptionsException>(() =>
                new Watermark(file, Opacity: 1.5).Validate()).Option);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_missing_watermark_file_is_refused()
    {
        var error = Assert.Throws<ExportOptionsException>(() => new Watermark("/nonexistent/logo.png").Validate());

        Assert.Equal("watermark.image", error.Option);
    }
}
