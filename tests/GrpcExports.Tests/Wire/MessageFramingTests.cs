using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Tests.Wire;

public sealed class MessageFramingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reads_back_what_it_framed(bool gzip)
    {
        var messages = new[] { new StringValue { Value = "first" }, new StringValue(), new StringValue { Value = new string('x', 100_000) } };
        var body = new MemoryStream(messages.SelectMany(m => MessageFraming.Frame(m, gzip, maxSize: 1 << 20)).ToArray());
        var reader = new MessageFrameReader(body, maxSize: 1 << 20, gzip ? MessageCompression.Gzip : null);

        var read = new List<StringValue>();
        while (await reader.ReadAsync(StringValue.Parser, CancellationToken.None) is { } message)
        {
            Assert.Equal(gzip, reader.LastMessageCompressed);
            read.Add(message);
        }

        Assert.Equal(messages, read);
    }

    [Fact]
    public void Refuses_to_frame_a_message_over_the_limit()
    {
        var error = Assert.Throws<RpcException>(() => MessageFraming.Frame(new StringValue { Value = new string('x', 100) }, false, maxSize: 50));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Refuses_a_declared_length_over_the_limit_before_reading_it()
    {
        var frame = new byte[5];
        MessageFraming.WriteHeader(frame, compressed: false, length: 1_000_000_000);
        var reader = new MessageFrameReader(new MemoryStream(frame), maxSize: 1024, encoding: null);

        var error = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(StringValue.Parser, CancellationToken.None).AsTask());

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Refuses_a_small_gzip_message_that_inflates_past_the_limit()
    {
        var frame = MessageFraming.Frame(new StringValue { Value = new string('a', 10_000) }, gzip: true, maxSize: 1 << 20);
        Assert.True(frame.Length < 1024);
        var reader = new MessageFrameReader(new MemoryStream(frame), maxSize: 1024, MessageCompression.Gzip);

        var error = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(StringValue.Parser, CancellationToken.None).AsTask());

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0 }, "header")]
    [InlineData(new byte[] { 0, 0, 0, 0, 9, 1, 2 }, "inside a message")]
    [InlineData(new byte[] { 7, 0, 0, 0, 0 }, "compressed flag")]
    [InlineData(new byte[] { 1, 0, 0, 0, 1, 42 }, "without a grpc-encoding")]
    public async Task Reports_a_broken_frame_as_internal(byte[] body, string expectedText)
    {
        var reader = new MessageFrameReader(new MemoryStream(body), maxSize: 1024, encoding: null);

        var error = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(StringValue.Parser, CancellationToken.None).AsTask());

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Contains(expectedText, error.Detail);
    }

    [Fact]
    public async Task Reports_bytes_that_do_not_inflate_as_internal()
    {
        var body = new byte[] { 1, 0, 0, 0, 4, 1, 2, 3, 4 };
        var reader = new MessageFrameReader(new MemoryStream(body), maxSize: 1024, MessageCompression.Gzip);

        var error = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(StringValue.Parser, CancellationToken.None).AsTask());

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }
}
