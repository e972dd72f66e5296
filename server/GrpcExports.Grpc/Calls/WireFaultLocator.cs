using System.Globalization;
using System.Text.Unicode;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace GrpcExports.Grpc.Calls;

/// <summary>
/// Finds where in a message's bytes decoding breaks down, as a request field path ("project.editor_state.fields"), by
/// walking the wire format against the message's descriptor: the field whose tag, length or value cannot be read,
/// inside the deepest nested message that could be entered. Fields the type does not have are named by their number.
/// Used only after protobuf's parser has refused the bytes, to tell the client which field to look at.
/// </summary>
internal static class WireFaultLocator
{
    // Protobuf's own limit on nested messages; past it the parser refuses the message, so it is a fault here too.
    private const int RecursionLimit = 100;

    public static string Locate(MessageDescriptor type, ReadOnlySpan<byte> bytes) =>
        Walk(type, bytes, "", 0) ?? "";

    /// <summary>The path of the faulty field inside <paramref name="bytes"/>, or null when they decode cleanly.</summary>
    private static string? Walk(MessageDescriptor? type, ReadOnlySpan<byte> bytes, string prefix, int depth)
    {
        var position = 0;
        while (position < bytes.Length)
        {
            var tagRead = TryReadVarint(bytes, ref position, out var tag);
            var number = (long)(tag >> 3);
            var field = number is > 0 and <= int.MaxValue ? type?.FindFieldByNumber((int)number) : null;
            var path = Append(prefix, field?.Name ?? number.ToString(CultureInfo.InvariantCulture));
            if (!tagRead || number is 0 or > int.MaxValue)
            {
                return path;
            }
            switch ((WireFormat.WireType)(tag & 7))
            {
                case WireFormat.WireType.Varint:
                    if (!TryReadVarint(bytes, ref position, out _))
                    {
                        return path;
                    }
                    break;
                case WireFormat.WireType.Fixed64:
                    if (!Skip(bytes, ref position, 8))
                    {
                        return path;
                    }
                    break;
                case WireFormat.WireType.Fixed32:
                    if (!Skip(bytes, ref position, 4))
                    {
                        return path;
                    }
                    break;
                case WireFormat.WireType.LengthDelimited:
                    if (!TryReadVarint(bytes, ref position, out var length) || length > (ulong)(bytes.Length - position))
                    {
                        return path;
                    }
                    var content = bytes.Slice(position, (int)length);
                    position += (int)length;
                    if (field?.FieldType == FieldType.String && !Utf8.IsValid(content))
                    {
                        return path;
                    }
                    if (field?.FieldType == FieldType.Message)
                    {
                        if (depth + 1 >= RecursionLimit)
                        {
                            return path;
                        }
                        if (Walk(field.MessageType, content, path, depth + 1) is { } inner)
                        {
                            return inner;
                        }
                    }
                    break;
                case WireFormat.WireType.StartGroup:
                    // Proto3 has no groups, but the parser keeps a well-formed one as an unknown field.
                    if (!SkipGroup(bytes, ref position, number, depth + 1))
                    {
                        return path;
                    }
                    break;
                default:
                    // An end-group tag with no group open, or wire types 6 and 7, which do not exist.
                    return path;
            }
        }
        return null;
    }

    /// <summary>Moves past the rest of group <paramref name="number"/>; false when it never ends properly.</summary>
    private static bool SkipGroup(ReadOnlySpan<byte> bytes, ref int position, long number, int depth)
    {
        while (depth < RecursionLimit && TryReadVarint(bytes, ref position, out var tag))
        {
            bool? ok = (WireFormat.WireType)(tag & 7) switch
            {
                WireFormat.WireType.Varint => TryReadVarint(bytes, ref position, out _),
                WireFormat.WireType.Fixed64 => Skip(bytes, ref position, 8),
                WireFormat.WireType.Fixed32 => Skip(bytes, ref position, 4),
                WireFormat.WireType.LengthDelimited => TryReadVarint(bytes, ref position, out var length)
                    && length <= (ulong)(bytes.Length - position) && Skip(bytes, ref position, (int)length),
                WireFormat.WireType.StartGroup => SkipGroup(bytes, ref position, (long)(tag >> 3), depth + 1),
                WireFormat.WireType.EndGroup => (long)(tag >> 3) == number ? null : false,
                _ => false,
            };
            if (ok is not true)
            {
                return ok is null;
            }
        }
        return false;
    }

    private static string Append(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    private static bool Skip(ReadOnlySpan<byte> bytes, ref int position, int count)
    {
        if (bytes.Length - position < count)
        {
            return false;
        }
        position += count;
        return true;
    }

    private static bool TryReadVarint(ReadOnlySpan<byte> bytes, ref int position, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && position < bytes.Length; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }
        return false;
    }
}
