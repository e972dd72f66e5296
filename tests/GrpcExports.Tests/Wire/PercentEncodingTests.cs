using GrpcExports.Protocol.Wire;

namespace GrpcExports.Tests.Wire;

public sealed class PercentEncodingTests
{
    [Theory]
    [InlineData("plain text stays", "plain text stays")]
    [InlineData("100%", "100%25")]
    [InlineData("line\nbreak", "line%0Abreak")]
    [InlineData("café", "caf%C3%A9")]
    [InlineData("\t\u00e9\u4f60\ud83d\ude00", "%09%C3%A9%E4%BD%A0%F0%9F%98%80")]
    public void Encodes_bytes_outside_printable_ascii_and_percent(string text, string encoded)
    {
        Assert.Equal(encoded, PercentEncoding.Encode(text));
        Assert.Equal(text, PercentEncoding.Decode(encoded));
    }

    [Theory]
    [InlineData("50% off", "50% off")]
    [InlineData("%zz", "%zz")]
    [InlineData("ends with %4", "ends with %4")]
    public void Keeps_malformed_escapes_as_they_are(string encoded, string decoded)
    {
        Assert.Equal(decoded, PercentEncoding.Decode(encoded));
    }
}
