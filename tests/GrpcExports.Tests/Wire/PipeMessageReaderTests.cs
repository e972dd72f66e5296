using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Tests.Wire;

/// <summary>The server's reader of request messages straight from the body's PipeReader, over awkwardly split bodies.</summary>
public sealed class PipeMessageReaderTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(7, false)]
    [InlineData(7, true)]
    [InlineData(4096, false)]
    [InlineData(4096, true)]
    public async Task Reads_back_what_was_framed_however_the_body_is_split(int segmentSize, bool gzip)
    {
        var messages = new[] { new StringValue { Value = "first" }, new StringValue(), new StringValue { Value = new string('x', 20_000) } };
        var body = messages.SelectMany(m => MessageFraming.Frame(m, gzip, maxSize: 1 << 20)).ToArray();
        var pipe = await SegmentedBody.OfAsync(body, segmentSize);
        Assert.Equal((body.Length + segmentSize - 1) / segmentSize, await SegmentedBody.CountSegmentsAsync(pipe));
        var reader = new PipeMessageReader(pipe, maxSize: 1 << 20, gzip ? MessageCompression.Gzip : null);

        var read = new List<StringValue>();
        while (await reader.ReadAsync(StringValue.Parser, CancellationToken.None) is { } message)
        {
            Assert.Equal(gzip, reader.LastMessageCompressed);
            read.Add(message);
        }

        Assert.Equal(messages, read);
        Assert.Null(await reader.ReadAsync(StringValue.Parser, CancellationToken.None));
    }

    [Fact]
    public async Task Reads_a_message_that_arrives_a_byte_at_a_time()
    {
        var message = new StringValue { Value = new string('y', 300) };
        var frame = MessageFraming.Frame(message, gzip: false, maxSize: 1024);
        var pipe = SegmentedBody.CreatePipe(segmentSize: 4096);
        var reader = new PipeMessageReader(pipe.Reader, maxSize: 1024, encoding: null);

        var reading = reader.ReadAsync(StringValue.Parser, CancellationToken.None).AsTask();
        foreach (var b in frame)
        {
            Assert.False(reading.IsCompleted);
            await pipe.Writer.WriteAsync(new[] { b });
        }

        Assert.Equal(message, await reading.WaitAsync(Guard));
    }

    [Fact]
    public async Task Hands_out_a_buffered_second_message_without_waiting_for_more_bytes()
    {
        var first = new StringValue { Value = "one" };
        var second = new StringValue { Value = "two" };
        var body = MessageFraming.Frame(first, false, 1024).Concat(MessageFraming.Frame(second, false, 1024)).ToArray();
        var reader = new PipeMessageReader(await SegmentedBody.OfAsync(body, segmentSize: 4096, ended: false), 1024, encoding: null);

        Assert.Equal(first, await reader.ReadAsync(StringValue.Parser, CancellationToken.None).AsTask().WaitAsync(Guard));
        Assert.Equal(second, await reader.ReadAsync(StringValue.Parser, CancellationToken.None).AsTask().WaitAsync(Guard));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4096)]
    public async Task Refuses_a_declared_length_over_the_limit_as_soon_as_the_header_is_in(int segmentSize)
    {
        var header = new byte[MessageFrameHeader.Size];
        MessageFraming.WriteHeader(header, compressed: false, length: 1_000_000_000);
        // The body stays open and none of the message follows: the header alone must be enough to refuse it.
        var reader = new PipeMessageReader(await SegmentedBody.OfAsync(header, segmentSize, ended: false), maxSize: 1024, encoding: null);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            reader.ReadAsync(StringValue.Parser, CancellationToken.None).AsTask().WaitAsync(Guard));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("1000000000 > 1024", error.Detail);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task Refuses_a_small_gzip_message_that_inflates_past_the_limit(int segmentSize)
    {
        var frame = MessageFraming.Frame(new StringValue { Value = new string('a', 10_000) }, gzip: true, maxSize: 1 << 20);
        Assert.True(frame.Length < 1024);
        var reader = new PipeMessageReader(await SegmentedBody.OfAsync(frame, segmentSize), maxSize: 1024, MessageCompression.Gzip);

        var error = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(StringValue.Parser, CancellationToken.None).AsTask());

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0 }, null, "inside a message header")]
    [InlineData(new byte[] { 0, 0, 0, 0, 9, 1, 2 }, null, "inside a message")]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 1 }, null, "inside a message")]
    [InlineData(new byte[] { 7, 0, 0, 0, 0 }, null, "compressed flag")]
    [InlineData(new byte[] { 1, 0, 0, 0, 1, 42 }, null, "without a grpc-encoding")]
    [InlineData(new byte[] { 1, 0, 0, 0, 1, 42 }, "identity", "without a grpc-encoding")]
    [InlineData(new byte[] { 1, 0, 0, 0, 4, 1, 2, 3, 4 }, "gzip", "decompress")]
    public async Task Reports_a_broken_frame_as_internal(byte[] body, string? encoding, string expectedText)
    {
        foreach (var segmentSize in new[] { 1, 2, 4096 })
        {
            var reader = new PipeMessageReader(await SegmentedBody.OfAsync(body, segmentSize), maxSize: 1024, encoding);

            var error = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                while (await reader.ReadAsync(Int32Value.Parser, CancellationToken.None) is not null)
                {
                }
            });

            Assert.Equal(StatusCode.Internal, error.StatusCode);
            Assert.Contains(expectedText, error.Detail);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reports_bytes_that_do_not_parse_as_a_malformed_request_naming_the_field(bool gzip)
    {
        byte[] message = [0x08, 0xff];
        var payload = gzip ? MessageCompression.Compress(message) : message;
        byte[] body = [gzip ? (byte)1 : (byte)0, 0, 0, 0, (byte)payload.Length, .. payload];
        foreach (var segmentSize in new[] { 1, 2, 4096 })
        {
            var reader = new PipeMessageReader(await SegmentedBody.OfAsync(body, segmentSize), maxSize: 1024, gzip ? MessageCompression.Gzip : null);

            var error = await Assert.ThrowsAsync<MalformedRequestException>(async () => await reader.ReadAsync(Int32Value.Parser, CancellationToken.None));

            Assert.Equal("value", error.Field);
            Assert.Equal("value", error.ToBadRequest().FieldViolations.Single().Field);
        }
    }

    [Fact]
    public async Task Words_truncation_like_the_stream_reader()
    {
        foreach (var body in new[] { new byte[] { 0, 0 }, new byte[] { 0, 0, 0, 0, 2, 1 } })
        {
            var fromPipe = await Assert.ThrowsAsync<RpcException>(async () =>
                await new PipeMessageReader(await SegmentedBody.OfAsync(body, 4096), 1024, null).ReadAsync(StringValue.Parser, default));
            var fromStream = await Assert.ThrowsAsync<RpcException>(async () =>
                await new MessageFrameReader(new MemoryStream(body), 1024, null).ReadAsync(StringValue.Parser, default));

            Assert.Equal(fromStream.Detail, fromPipe.Detail);
        }
    }

    [Fact]
    public async Task Reports_a_client_reset_as_cancelled()
    {
        var pipe = SegmentedBody.CreatePipe(segmentSize: 4096);
        await pipe.Writer.WriteAsync(new byte[] { 0, 0, 0, 0, 10, 1 });
        await pipe.Writer.CompleteAsync(new IOException("The client reset the request stream."));
        var reader = new PipeMessageReader(pipe.Reader, maxSize: 1024, encoding: null);

        var error = await Assert.ThrowsAsync<RpcException>(() => reader.ReadRequestAsync(StringValue.Parser, CancellationToken.None).AsTask());

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.IsType<IOException>(error.InnerException);
    }

    [Fact]
    public async Task Stops_waiting_when_the_call_is_cancelled()
    {
        var pipe = SegmentedBody.CreatePipe(segmentSize: 4096);
        await pipe.Writer.WriteAsync(new byte[] { 0, 0, 0 });
        var reader = new PipeMessageReader(pipe.Reader, maxSize: 1024, encoding: null);
        using var cancellation = new CancellationTokenSource();

        var reading = reader.ReadAsync(StringValue.Parser, cancellation.Token).AsTask();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(Guard));
    }

    [Fact]
    public async Task Reads_an_empty_body_as_no_message()
    {
        var reader = new PipeMessageReader(await SegmentedBody.OfAsync([], segmentSize: 4096), maxSize: 1024, encoding: null);

        Assert.Null(await reader.ReadAsync(StringValue.Parser, CancellationToken.None));
    }

    [Fact]
    public async Task Parses_a_large_message_split_over_many_segments_into_equal_bytes()
    {
        var payload = ByteString.CopyFrom(Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray());
        var frame = MessageFraming.Frame(new BytesValue { Value = payload }, gzip: false, maxSize: 1 << 20);
        var reader = new PipeMessageReader(await SegmentedBody.OfAsync(frame, segmentSize: 4093), maxSize: 1 << 20, encoding: null);

        Assert.Equal(payload, (await reader.ReadAsync(BytesValue.Parser, CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task Reads_what_was_written_frame_by_frame_into_small_blocks()
    {
        var messages = new[] { new BytesValue(), new BytesValue { Value = ByteString.CopyFrom(new byte[] { 1, 2, 3 }) },
            new BytesValue { Value = ByteString.CopyFrom(Enumerable.Range(0, 50_000).Select(i => (byte)i).ToArray()) } };
        var pipe = SegmentedBody.CreatePipe(segmentSize: 7);
        foreach (var message in messages)
        {
            MessageFraming.WriteFrame(pipe.Writer, message, MessageFraming.MeasureForSending(message, 1 << 20), gzip: false);
        }
        await pipe.Writer.CompleteAsync();
        var reader = new PipeMessageReader(pipe.Reader, maxSize: 1 << 20, encoding: null);

        var read = new List<BytesValue>();
        while (await reader.ReadAsync(BytesValue.Parser, CancellationToken.None) is { } message)
        {
            read.Add(message);
        }

        Assert.Equal(messages, read);
    }
}
