using System.Buffers;
using System.IO.Pipelines;

namespace GrpcExports.Tests.Wire;

/// <summary>
/// Request bodies as a pipe whose buffers hold at most a few bytes each, so that headers and messages straddle
/// segment boundaries the way a body arriving in many HTTP/2 DATA frames can.
/// </summary>
public static class SegmentedBody
{
    /// <summary>A pipe that never makes its writer wait (the tests write whole bodies before reading).</summary>
    public static Pipe CreatePipe(int segmentSize) =>
        new(new PipeOptions(pool: new FixedBlockPool(segmentSize), pauseWriterThreshold: 0, resumeWriterThreshold: 0,
            useSynchronizationContext: false));

    /// <summary>A reader holding <paramref name="body"/> in segments of <paramref name="segmentSize"/> bytes, ended or still open.</summary>
    public static async Task<PipeReader> OfAsync(byte[] body, int segmentSize, bool ended = true)
    {
        var pipe = CreatePipe(segmentSize);
        pipe.Writer.Write(body);
        await pipe.Writer.FlushAsync();
        if (ended)
        {
            await pipe.Writer.CompleteAsync();
        }
        return pipe.Reader;
    }

    /// <summary>How many segments the reader's buffered bytes are in, without consuming them.</summary>
    public static async Task<int> CountSegmentsAsync(PipeReader reader)
    {
        var read = await reader.ReadAsync();
        var segments = 0;
        foreach (var _ in read.Buffer)
        {
            segments++;
        }
        reader.AdvanceTo(read.Buffer.Start);
        return segments;
    }

    /// <summary>Hands out blocks of exactly one size, which the pipe fills one after another.</summary>
    private sealed class FixedBlockPool(int blockSize) : MemoryPool<byte>
    {
        public override int MaxBufferSize => blockSize;

        public override IMemoryOwner<byte> Rent(int minBufferSize = -1) => new Block(new byte[Math.Max(blockSize, minBufferSize)]);

        protected override void Dispose(bool disposing)
        {
        }

        private sealed class Block(byte[] memory) : IMemoryOwner<byte>
        {
            public Memory<byte> Memory => memory;

            public void Dispose()
            {
            }
        }
    }
}
