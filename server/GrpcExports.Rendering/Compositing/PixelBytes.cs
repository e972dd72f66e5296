using System.Buffers;
using System.Runtime.InteropServices;

namespace GrpcExports.Rendering.Compositing;

/// <summary>
/// Packed pixels seen as <see cref="Memory{T}"/> of bytes, so that frames can be read from and written to pipes
/// asynchronously (a span cannot cross an await, and a blocked thread-pool thread starves the compositor's bands).
/// </summary>
internal sealed class PixelBytes(uint[] pixels) : MemoryManager<byte>
{
    public override Span<byte> GetSpan() => MemoryMarshal.AsBytes(pixels.AsSpan());

    public override unsafe MemoryHandle Pin(int elementIndex = 0)
    {
        var handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        return new MemoryHandle((byte*)handle.AddrOfPinnedObject() + elementIndex, handle, this);
    }

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}
