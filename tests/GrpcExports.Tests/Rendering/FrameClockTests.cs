using GrpcExports.Rendering.Timeline;

namespace GrpcExports.Tests.Rendering;

public sealed class FrameClockTests
{
    private const long TicksPerSecond = 240_000;

    [Fact]
    public void A_ten_minute_timeline_at_60_fps_has_exactly_36000_frames_and_ends_on_frame_36000()
    {
        var clock = new FrameClock(TicksPerSecond, FrameRate.FromFramesPerSecond(60));
        var tenMinutes = 10 * 60 * TicksPerSecond;

        Assert.Equal(36_000, clock.FrameCount(tenMinutes));
        Assert.Equal(36_000, clock.FirstFrameAtOrAfter(tenMinutes));
        Assert.Equal(tenMinutes, clock.FrameTick(36_000));
        Assert.Equal(tenMinutes - 4_000, clock.FrameTick(35_999));
    }

    [Fact]
    public void Every_frame_of_ten_minutes_at_60_fps_lands_on_its_exact_tick()
    {
        var clock = new FrameClock(TicksPerSecond, FrameRate.FromFramesPerSecond(60));

        for (long frame = 0; frame <= 36_000; frame++)
        {
            if (clock.FrameTick(frame) != frame * 4_000 || clock.FirstFrameAtOrAfter(frame * 4_000) != frame)
            {
                Assert.Fail($"frame {frame} maps to tick {clock.FrameTick(frame)}");
            }
        }
    }

    [Theory]
    [InlineData(7, 1)]
    [InlineData(30_000, 1_001)]
    [InlineData(24_000, 1_001)]
    [InlineData(120, 1)]
    public void Rates_that_do_not_divide_the_timebase_round_frame_instants_down_without_drift(int numerator, int denominator)
    {
        var rate = new FrameRate(numerator, denominator);
        var clock = new FrameClock(TicksPerSecond, rate);
        var hour = 3_600 * TicksPerSecond;
        var frames = clock.FrameCount(hour);

        // ceil(3600 s * fps), computed independently with decimal arithmetic.
        Assert.Equal((long)Math.Ceiling(3_600m * numerator / denominator), frames);
        foreach (var frame in new[] { 0L, 1, 2, 999, frames / 2, frames - 1, frames })
        {
            var exact = (decimal)frame * TicksPerSecond * denominator / numerator;
            Assert.Equal((long)Math.Floor(exact), clock.FrameTick(frame));
            Assert.Equal((long)Math.Floor(2 * exact), clock.FrameHalfTick(frame));
            Assert.Equal((double)exact, clock.FrameTime(frame), 6);
            // The frame's own (floored) tick leads back to it; one tick later leads to the next frame when the instant
            // is a whole tick, and still to this one's successor otherwise (its instant is before that tick).
            Assert.Equal(frame, clock.FirstFrameAtOrAfter(clock.FrameTick(frame)));
            Assert.Equal(frame + 1, clock.FirstFrameAtOrAfter(clock.FrameTick(frame) + 1));
        }
    }

    [Fact]
    public void A_span_of_ticks_is_shown_by_the_frames_whose_instants_fall_inside_it()
    {
        var clock = new FrameClock(TicksPerSecond, FrameRate.FromFramesPerSecond(30));

        // 1 s .. 1.5 s at 30 fps: frames 30..44 (the frame at 1.5 s belongs to what starts there).
        Assert.Equal((30L, 15L), clock.FramesCovering(TicksPerSecond, TicksPerSecond * 3 / 2));
        // A span shorter than a frame between two instants is on no frame.
        Assert.Equal(0L, clock.FramesCovering(8_001, 15_999).Count);
        // One tick on a frame's instant is on that frame.
        Assert.Equal((1L, 1L), clock.FramesCovering(8_000, 8_001));
    }

    [Fact]
    public void Frame_instants_answer_membership_exactly()
    {
        var clock = new FrameClock(TicksPerSecond, FrameRate.FromFramesPerSecond(7));
        var instant = clock.Instant(1); // 34285.714... ticks

        Assert.Equal(34_285, instant.Tick);
        Assert.True(instant.IsWithin(34_285, 34_286));
        Assert.False(instant.IsWithin(34_286, 40_000));
        Assert.False(instant.IsWithin(0, 34_285));
    }

    [Fact]
    public void Frame_rates_are_kept_in_lowest_terms()
    {
        Assert.Equal(new FrameRate(30), new FrameRate(60, 2));
        Assert.Equal(29.97002997, new FrameRate(30_000, 1_001).FramesPerSecond, 6);
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrameRate(0));
    }
}
