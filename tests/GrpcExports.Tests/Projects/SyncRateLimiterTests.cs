using GrpcExports.Protocol.Wire;
using GrpcExports.Server.Projects.SyncRateLimiting;
using Microsoft.Extensions.Options;

namespace GrpcExports.Tests.Projects;

/// <summary>The per-project token buckets of SyncProject, on a clock the tests move.</summary>
public sealed class SyncRateLimiterTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void AllowsTheBurstThenOneSyncPerRefillAndSaysHowLongToWait()
    {
        var limiter = Limiter(burst: 3, ratePerSecond: 2);
        var project = Guid.NewGuid();

        Assert.All(Enumerable.Range(0, 3), attempt => Assert.True(limiter.TryAcquire(project, out _)));
        Assert.False(limiter.TryAcquire(project, out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(500), wait);

        _clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.False(limiter.TryAcquire(project, out wait));
        Assert.Equal(TimeSpan.FromMilliseconds(300), wait);

        _clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.True(limiter.TryAcquire(project, out _));
        Assert.False(limiter.TryAcquire(project, out wait));
        Assert.Equal(TimeSpan.FromMilliseconds(500), wait);
    }

    [Fact]
    public void ALongIdleRefillsNoMoreThanTheBurst()
    {
        var limiter = Limiter(burst: 4, ratePerSecond: 10);
        var project = Guid.NewGuid();
        Assert.True(limiter.TryAcquire(project, out _));

        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(4, Enumerable.Range(0, 10).Count(attempt => limiter.TryAcquire(project, out _)));
    }

    [Fact]
    public void ProjectsHaveBucketsOfTheirOwn()
    {
        var limiter = Limiter(burst: 1, ratePerSecond: 1);
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());

        Assert.True(limiter.TryAcquire(first, out _));
        Assert.False(limiter.TryAcquire(first, out _));
        Assert.True(limiter.TryAcquire(second, out _));
    }

    [Fact]
    public void DropsTheBucketsOfIdleProjectsAndKeepsTheOthersAsTheyWere()
    {
        var limiter = Limiter(burst: 3, ratePerSecond: 2);
        foreach (var project in Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid()))
        {
            Assert.True(limiter.TryAcquire(project, out _));
        }
        Assert.Equal(1000, limiter.TrackedProjects);

        // At 1 s the 1,000 buckets are full again but the refill period (burst / rate = 1.5 s) has not passed: kept.
        _clock.Advance(TimeSpan.FromSeconds(1));
        var busy = Guid.NewGuid();
        Assert.All(Enumerable.Range(0, 3), attempt => Assert.True(limiter.TryAcquire(busy, out _)));
        Assert.Equal(1001, limiter.TrackedProjects);

        // At 1.5 s the sweep drops every full bucket; the busy project has refilled one token of three and stays.
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(limiter.TryAcquire(Guid.NewGuid(), out _));
        Assert.Equal(2, limiter.TrackedProjects);
        Assert.True(limiter.TryAcquire(busy, out _));
        Assert.False(limiter.TryAcquire(busy, out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(500), wait);
    }

    [Fact]
    public async Task ConcurrentSyncsNeverGetMoreThanTheBucketHoldsEvenWhileItIsDropped()
    {
        var limiter = Limiter(burst: 50, ratePerSecond: 50);
        var project = Guid.NewGuid();
        for (var round = 0; round < 30; round++)
        {
            // A full refill period later the first acquisition sweeps the (full) bucket away while the others race it.
            _clock.Advance(TimeSpan.FromSeconds(1));
            using var start = new Barrier(8);
            var granted = await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(() =>
            {
                start.SignalAndWait();
                return Enumerable.Range(0, 20).Count(attempt => limiter.TryAcquire(project, out _));
            })));

            Assert.Equal(50, granted.Sum());
        }
    }

    [Fact]
    public void TheErrorCarriesTheReasonTheLimitAndARetryDelayRoundedUpToAMillisecond()
    {
        var limiter = Limiter(burst: 1, ratePerSecond: 3);
        var project = Guid.NewGuid();
        limiter.Acquire(project);

        var error = Assert.Throws<RpcException>(() => limiter.Acquire(project));

        Assert.Equal((StatusCode.ResourceExhausted, "PROJECT_SYNC_RATE_LIMITED"), (error.StatusCode, error.Reason));
        Assert.Equal(project.ToString(), error.ErrorInfo!.Metadata["projectId"]);
        Assert.Equal("3", error.ErrorInfo.Metadata["ratePerSecond"]);
        Assert.Equal("1", error.ErrorInfo.Metadata["burst"]);
        Assert.Equal(TimeSpan.FromMilliseconds(334), error.RetryInfo!.RetryDelay.ToTimeSpan());
    }

    [Theory]
    [InlineData(0, 10, "Projects:SyncRate:Burst")]
    [InlineData(5, 0, "Projects:SyncRate:RatePerSecond")]
    [InlineData(5, -1, "Projects:SyncRate:RatePerSecond")]
    [InlineData(5, double.NaN, "Projects:SyncRate:RatePerSecond")]
    public void NamesTheSettingThatIsOutOfRange(int burst, double ratePerSecond, string setting)
    {
        var result = new SyncRateOptionsValidation().Validate(null, new SyncRateOptions { Burst = burst, RatePerSecond = ratePerSecond });

        Assert.True(result.Failed);
        Assert.StartsWith(setting + " must be", result.FailureMessage);
    }

    private SyncRateLimiter Limiter(int burst, double ratePerSecond) =>
        new(Options.Create(new SyncRateOptions { Burst = burst, RatePerSecond = ratePerSecond }), _clock);
}
