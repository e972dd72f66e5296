using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace GrpcExports.Tests.Fuzzing.Wire;

internal enum RequestBytesKind
{
    /// <summary>A well-formed message of the request type with random field values.</summary>
    Valid,
    /// <summary>A well-formed message cut short somewhere inside.</summary>
    Truncated,
    /// <summary>A well-formed message followed by a field of the type sent with another wire type (groups included).</summary>
    WrongWireType,
    /// <summary>A well-formed message followed by a length-delimited field whose length runs far past the end.</summary>
    OversizedLength,
    /// <summary>Bytes from nowhere.</summary>
    RandomBytes,
}

/// <summary>
/// Request payloads for any method, written straight from its request type's descriptor with protobuf's own
/// writer: field values at the edges of their types (empty and huge strings, ids of every shape, extreme and NaN
/// numbers, undefined enum values, nested messages down to a few levels), then broken in the ways a parser meets.
/// </summary>
internal sealed class RequestBytes(Random random)
{
    private const int MaxDepth = 4;

    private static readonly string[] Strings =
    [
        "", "x", " ", "0", "-1", "00000000-0000-0000-0000-000000000000", "3b7f1f6e-0d7b-4d9a-8f3e-1c2b3a4d5e6f", "../../etc/passwd",
        "C:\\windows", "名前.mp4", "\u0000", "a/b", "*", "%s%n", "https://127.0.0.1/x", "grpcexports.v1.Project", "title", "2026-13-45T25:61:61Z",
        new string('x', 5_000), "image/png", "video.mp4", "gzip",
    ];

    private static readonly long[] Integers = [0, 1, -1, 2, 7, 100, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, 1L << 40, 315_537_897_600];

    private static readonly double[] Doubles = [0, -0.0, 1, -1, 0.5, 1e308, -1e308, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon];

    public byte[] For(MessageDescriptor request, RequestBytesKind kind)
    {
        if (kind == RequestBytesKind.RandomBytes)
        {
            var noise = new byte[random.Next(1, 64)];
            random.NextBytes(noise);
            return noise;
        }
        var valid = Message(request, depth: 0);
        switch (kind)
        {
            case RequestBytesKind.Valid:
                return valid;
            case RequestBytesKind.Truncated when valid.Length > 1:
                return valid[..random.Next(1, valid.Length)];
            case RequestBytesKind.Truncated:
                return [0x0a, 0x05, 0x61];
            case RequestBytesKind.WrongWireType:
                return [.. valid, .. WrongWireTypeField(request)];
            default:
                return [.. valid, .. OversizedLengthField(request)];
        }
    }

    private byte[] Message(MessageDescriptor descriptor, int depth)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            if (random.Next(10) < 4)
            {
                continue;
            }
            var repeats = field.IsRepeated ? random.Next(1, 4) : 1;
            for (var repeat = 0; repeat < repeats; repeat++)
            {
                WriteField(output, field, depth);
            }
        }
        output.Flush();
        return buffer.ToArray();
    }

    private void WriteField(CodedOutputStream output, FieldDescriptor field, int depth)
    {
        switch (field.FieldType)
        {
            case FieldType.Bool:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Varint);
                output.WriteUInt64((ulong)random.Next(3));
                break;
            case FieldType.Int32 or FieldType.Int64 or FieldType.UInt32 or FieldType.UInt64 or FieldType.Enum:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Varint);
                output.WriteInt64(Integers[random.Next(Integers.Length)]);
                break;
            case FieldType.SInt32 or FieldType.SInt64:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Varint);
                output.WriteSInt64(Integers[random.Next(Integers.Length)]);
                break;
            case FieldType.Fixed32 or FieldType.SFixed32 or FieldType.Float:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Fixed32);
                output.WriteFloat((float)Doubles[random.Next(Doubles.Length)]);
                break;
            case FieldType.Fixed64 or FieldType.SFixed64 or FieldType.Double:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Fixed64);
                output.WriteDouble(Doubles[random.Next(Doubles.Length)]);
                break;
            case FieldType.String:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
                output.WriteString(Strings[random.Next(Strings.Length)]);
                break;
            case FieldType.Bytes:
                var bytes = new byte[random.Next(0, 256)];
                random.NextBytes(bytes);
                output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(bytes));
                break;
            case FieldType.Message:
                output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(depth < MaxDepth ? Message(field.MessageType, depth + 1) : []));
                break;
        }
    }

    private byte[] WrongWireTypeField(MessageDescriptor descriptor)
    {
        var number = FieldNumber(descriptor);
        WireFormat.WireType[] types =
            [WireFormat.WireType.Varint, WireFormat.WireType.Fixed64, WireFormat.WireType.LengthDelimited, WireFormat.WireType.StartGroup,
             WireFormat.WireType.EndGroup, WireFormat.WireType.Fixed32];
        var type = types[random.Next(types.Length)];
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        if (random.Next(4) == 0)
        {
            // Wire types 6 and 7 do not exist.
            output.WriteUInt32((uint)(number << 3 | random.Next(6, 8)));
        }
        else
        {
            output.WriteTag(number, type);
        }
        switch (type)
        {
            case WireFormat.WireType.Varint: output.WriteInt64(long.MinValue); break;
            case WireFormat.WireType.Fixed64: output.WriteFixed64(ulong.MaxValue); break;
            case WireFormat.WireType.LengthDelimited: output.WriteString("wrong"); break;
            case WireFormat.WireType.Fixed32: output.WriteFixed32(uint.MaxValue); break;
        }
        output.Flush();
        return buffer.ToArray();
    }

    private byte[] OversizedLengthField(MessageDescriptor descriptor)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        output.WriteTag(FieldNumber(descriptor), WireFormat.WireType.LengthDelimited);
        uint[] lengths = [100, 65_536, 1u << 28, int.MaxValue, uint.MaxValue];
        output.WriteUInt32(lengths[random.Next(lengths.Length)]);
        output.Flush();
        return [.. buffer.ToArray(), .. "short"u8];
    }

    /// <summary>The number of one of the type's fields, or now and then one it does not have.</summary>
    private int FieldNumber(MessageDescriptor descriptor) =>
        descriptor.Fields.InFieldNumberOrder() is { Count: > 0 } fields && random.Next(5) > 0
            ? fields[random.Next(fields.Count)].FieldNumber
            : random.Next(1, 1 << 20);
}
