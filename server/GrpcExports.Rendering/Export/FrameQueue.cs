using System.Threading.Channels;
using GrpcExports.Rendering.Compositing;

namespace GrpcExports.Rendering.Export;

/// <summary>
/// Hands composed frames from the compositing thread to the encoder's writer through a fixed set of
/// <see cref="FrameBuffer"/>s: at most <c>capacity</c> frames exist, so a slow encoder holds the compositor back
/// (back-pressure) and memory does not grow with the export's length.
/// </summary>
public sealed class FrameQueue(int width, int height, int capacity)
{
    private readonly Channel<FrameBuffer> _free = Channel.CreateUnbounded<FrameBuffer>();
    private readonly Channel<FrameBuffer> _composed = Channel.CreateBounded<FrameBuffer>(capacity);
    private int _allocated;

    /// <summary>A buffer to compose into: a new one while fewer than the capacity exist, else the next one returned
    /// (blocking until the writer returns one).</summary>
    public FrameBuffer Rent(CancellationToken cancellationToken)
    {
        if (_free.Reader.TryRead(out var buffer))
        {
            return buffer;
        }
        if (_allocated < capacity)
        {
            _allocated++;
            return new FrameBuffer(width, height);
        }
        return _free.Reader.ReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult();
    }

    public void Publish(FrameBuffer frame, CancellationToken cancellationToken) =>
        _composed.Writer.WriteAsync(frame, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>No more frames: the reader's loop ends, or throws <paramref name="error"/>.</summary>
    public void Complete(Exception? error = null) => _composed.Writer.TryComplete(error);

    public IAsyncEnumerable<FrameBuffer> ReadAllAsync(CancellationToken cancellationToken) => _composed.Reader.ReadAllAsync(cancellationToken);

    public void Return(FrameBuffer frame) => _free.Writer.TryWrite(frame);
}
