namespace GrpcExports.Client;

/// <summary>How request messages are compressed.</summary>
public enum RequestCompression
{
    /// <summary>Messages are sent as they are (grpc-encoding identity).</summary>
    None,

    /// <summary>Messages are gzip-compressed (grpc-encoding gzip, compressed flag set).</summary>
    Gzip,
}
