using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Benchmarks.Protos;
using Google.Protobuf;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.Wire;

namespace MicroBenchmarks.Framing;

/// <summary>
/// Our gRPC layer's length-prefixed messages, 16 echo messages (the rpc benchmark's) per call, against the naive way:
/// write: <see cref="MessageFraming.WriteFrame"/> serializing straight behind the header into the response's buffer,
/// against serializing to an array of its own and copying it behind a header; read: <see cref="PipeMessageReader"/>
/// parsing each message where it lies in the request pipe, against copying each out of a stream into an array first.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MessageFramingBenchmarks
{
    private const int Messages = 16;
    private const int MaxSize = 4 * 1024 * 1024;

    private readonly ArrayBufferWriter<byte> _output = new();
    private EchoRequest _message = new();
    private byte[] _body = [];

    [Params(64, 16_384)]
    public int PayloadBytes { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        _message = new EchoRequest { Payload = ByteString.CopyFrom([.. Enumerable.Range(0, PayloadBytes).Select(i => (byte)i)]) };
        _body = [.. Enumerable.Range(0, Messages).SelectMany(_ => MessageFraming.Frame(_message, gzip: false, MaxSize))];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages), BenchmarkCategory("write")]
    public int WriteCopyingFrames()
    {
        _output.ResetWrittenCount();
        for (var i = 0; i < Messages; i++)
        {
            var bytes = _message.ToByteArray();
            var header = _output.GetSpan(MessageFraming.HeaderSize);
            header[0] = 0;
            BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)bytes.Length);
            _output.Advance(MessageFraming.HeaderSize);
            _output.Write(bytes);
        }
        return _output.WrittenCount;
    }

    [Benchmark(OperationsPerInvoke = Messages), BenchmarkCategory("write")]
    public int WriteFrame()
    {
        _output.ResetWrittenCount();
        for (var i = 0; i < Messages; i++)
        {
            MessageFraming.WriteFrame(_output, _message, MessageFraming.MeasureForSending(_message, MaxSize), gzip: false);
        }
        return _output.WrittenCount;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages), BenchmarkCategory("read")]
    public int ReadCopyingFromStream()
    {
        using var body = new MemoryStream(_body, writable: false);
        var header = new byte[MessageFraming.HeaderSize];
        var read = 0;
        while (body.Read(header) == header.Length)
        {
            var bytes = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1))];
            body.ReadExactly(bytes);
            read += EchoRequest.Parser.ParseFrom(bytes).Payload.Length;
        }
        return read;
    }

    [Benchmark(OperationsPerInvoke = Messages), BenchmarkCategory("read")]
    public async Task<int> ReadFromPipe()
    {
        var reader = new PipeMessageReader(PipeReader.Create(new ReadOnlySequence<byte>(_body)), MaxSize, encoding: null);
        var read = 0;
        while (await reader.ReadAsync(EchoRequest.Parser, CancellationToken.None) is { } message)
        {
            read += message.Payload.Length;
        }
        return read;
    }
}
