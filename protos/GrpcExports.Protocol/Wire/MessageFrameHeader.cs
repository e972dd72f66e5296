using System.Buffers;
using System.Buffers.Binary;

namespace GrpcExports.Protocol.Wire;

/// <summary>
/// The 5-byte prefix of every message frame: a compressed flag (0 or 1), then the message length as 4 bytes
/// big-endian. The one place that reads, checks and writes it, for the Stream reader (client), the pipe reader
/// (server) and every writer: a flag other than 0 or 1 is INTERNAL, a length over the limit RESOURCE_EXHAUSTED,
/// refused from the header alone, before any of the message is buffered.
/// </summary>
public readonly record struct MessageFrameHeader(bool Compressed, int Length)
{
    public const int Size = 5;

    /// <summary>Reads and checks a header from its <see cref="Size"/> bytes.</summary>
    public static MessageFrameHeader Read(ReadOnlySpan<byte> header, int maxSize)
    {
        var compressed = header[0] switch
        {
            0 => false,
            1 => true,
            var flag => throw MessageFrameErrors.InvalidCompressedFlag(flag),
        };
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..Size]);
        if (length > maxSize)
        {
            throw MessageFrameErrors.ReceivedTooLarge(length, maxSize);
        }
        return new MessageFrameHeader(compressed, (int)length);
    }

    /// <summary>
    /// Reads and checks the header at the start of <paramref name="buffered"/>, which may be split across segments;
    /// false while fewer than <see cref="Size"/> bytes are buffered.
    /// </summary>
    public static bool TryRead(in ReadOnlySequence<byte> buffered, int maxSize, out MessageFrameHeader header)
    {
        if (buffered.Length < Size)
        {
            header = default;
            return false;
        }
        var first = buffered.FirstSpan;
        if (first.Length >= Size)
        {
            header = Read(first, maxSize);
            return true;
        }
        Span<byte> joined = stackalloc byte[Size];
        buffered.Slice(0, Size).CopyTo(joined);
        header = Read(joined, maxSize);
        return true;
    }

    /// <summary>Writes this header into the first <see cref="Size"/> bytes of <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination)
    {
        destination[0] = Compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..Size], (uint)Length);
    }
}
