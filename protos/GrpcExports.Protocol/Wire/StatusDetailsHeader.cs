using Google.Protobuf;

namespace GrpcExports.Protocol.Wire;

/// <summary>
/// The grpc-status-details-bin trailer: a serialized google.rpc.Status, base64-encoded like every "-bin" value.
/// </summary>
public static class StatusDetailsHeader
{
    public static string Encode(Google.Rpc.Status status) => BinaryHeader.Encode(status.ToByteArray());

    /// <summary>
    /// The status in <paramref name="value"/>, or false when it is missing, not base64 or not a google.rpc.Status;
    /// a malformed detail must not hide the grpc-status it accompanies, so this never throws.
    /// </summary>
    public static bool TryDecode(string? value, out Google.Rpc.Status? status)
    {
        status = null;
        if (string.IsNullOrEmpty(value) || !BinaryHeader.TryDecode(value, out var bytes))
        {
            return false;
        }
        try
        {
            status = Google.Rpc.Status.Parser.ParseFrom(bytes);
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
    }
}
