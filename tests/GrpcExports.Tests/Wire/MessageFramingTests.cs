using System.Buffers;
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

    [Theory]
    [InlineData(false, 10)]
    [InlineData(false, 5_000)]
    [InlineData(true, 5_000)]
    public async Task Writes_the_same_frame_into_a_buffer_writer_as_into_an_array(bool gzip, int length)
    {
        // 10 bytes fit the writer's first span (serialized in one piece); 5,000 do not (serialized as it grows).
        var message = new StringValue { Value = new string('z', length) };
        var writer = new ArrayBufferWriter<byte>(initialCapacity: 256);

        MessageFraming.WriteFrame(writer, message, MessageFraming.MeasureForSending(message, 1 << 20), gzip);

        var framed = MessageFraming.Frame(message, gzip, 1 << 20);
        Assert.Equal(framed.Length, writer.WrittenCount);
        Assert.Equal(framed.AsSpan(0, MessageFraming.HeaderSize).ToArray(), writer.WrittenSpan[..MessageFraming.HeaderSize].ToArray());
        var reader = new MessageFrameReader(new MemoryStream(writer.WrittenMemory.ToArray()), 1 << 20, MessageCompression.Gzip);
        Assert.Equal(message, await reader.ReadAsync(StringValue.Parser, CancellationToken.None));
        Assert.Null(await reader.ReadAsync(StringValue.Parser, CancellationToken.None));
    }

    [Fact]
    public void Measuring_refuses_a_message_over_the_limit_with_the_same_text_as_framing()
    {
        var message = new StringValue { Value = new string('x', 100) };

        var measured = Assert.Throws<RpcException>(() => MessageFraming.MeasureForSending(message, maxSize: 50));
        var framed = Assert.Throws<RpcException>(() => MessageFraming.Frame(message, false, maxSize: 50));

        Assert.Equal(StatusCode.ResourceExhausted, measured.StatusCode);
        Assert.Equal(framed.Detail, measured.Detail);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    public void Reads_a_header_split_across_segments(int firstSegmentLength)
    {
        var header = new byte[] { 1, 0, 0, 0x01, 0x02, 0xAA };
        var buffered = Segments.Of(header[..firstSegmentLength], header[firstSegmentLength..]);

        Assert.True(MessageFrameHeader.TryRead(buffered, maxSize: 1024, out var read));

        Assert.Equal(new MessageFrameHeader(Compressed: true, Length: 0x0102), read);
    }

    [Fact]
    public void Waits_for_all_five_header_bytes()
    {
        Assert.False(MessageFrameHeader.TryRead(Segments.Of([0, 0], [0, 0]), maxSize: 1024, out _));
    }

    /// <summary>A byte sequence made of the given segments, in order.</summary>
    private sealed class Segments : ReadOnlySequenceSegment<byte>
    {
        private Segments(byte[] bytes, long runningIndex)
        {
            Memory = bytes;
            RunningIndex = runningIndex;
        }

        public static ReadOnlySequence<byte> Of(byte[] first, byte[] second)
        {
            var head = new Segments(first, 0);
            var tail = new Segments(second, first.Length);
            head.Next = tail;
            return new ReadOnlySequence<byte>(head, 0, tail, second.Length);
        }
    }
}
