using GrpcExports.Protocol.Wire;

namespace GrpcExports.Tests.Wire;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("1H", 3600_000_000_000)]
    [InlineData("2M", 120_000_000_000)]
    [InlineData("30S", 30_000_000_000)]
    [InlineData("250m", 250_000_000)]
    [InlineData("1500u", 1_500_000)]
    [InlineData("99999999n", 99_999_900)]
    public void Parses_every_unit(string header, long expectedNanoseconds)
    {
        Assert.True(GrpcTimeout.TryParse(header, out var timeout));
        Assert.Equal(expectedNanoseconds / 100, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10s")]
    [InlineData("-5S")]
    [InlineData("123456789S")]
    [InlineData("1.5S")]
    public void Refuses_malformed_values(string header)
    {
        Assert.False(GrpcTimeout.TryParse(header, out _));
    }

    [Theory]
    [InlineData(0.0005)]
    [InlineData(1)]
    [InlineData(1234.5678)]
    [InlineData(86_400 * 400)]
    public void Formats_a_header_that_parses_back_to_at_least_the_timeout(double seconds)
    {
        var timeout = TimeSpan.FromSeconds(seconds);

        var header = GrpcTimeout.Format(timeout);

        Assert.InRange(header.Length, 2, 9);
        Assert.True(GrpcTimeout.TryParse(header, out var parsed));
        Assert.True(parsed >= timeout, $"{header} parses to {parsed}, shorter than {timeout}");
    }

    [Fact]
    public void Formats_an_expired_deadline_as_the_smallest_positive_timeout()
    {
        Assert.Equal("1u", GrpcTimeout.Format(TimeSpan.FromSeconds(-3)));
    }
}
