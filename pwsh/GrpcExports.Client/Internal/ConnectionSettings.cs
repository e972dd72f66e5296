namespace GrpcExports.Client.Internal;

/// <summary>The parts of <see cref="GrpcConnectionOptions"/> that calls read, copied so later changes to the options do not leak in.</summary>
internal sealed class ConnectionSettings
{
    public ConnectionSettings(GrpcConnectionOptions options)
    {
        DefaultMetadata = new Metadata(options.DefaultMetadata);
        MaxReceiveMessageSize = options.MaxReceiveMessageSize;
        MaxSendMessageSize = options.MaxSendMessageSize;
        RequestCompression = options.RequestCompression;
        RetryPolicy = options.RetryPolicy;
    }

    public Metadata DefaultMetadata { get; }

    public int MaxReceiveMessageSize { get; }

    public int MaxSendMessageSize { get; }

    public RequestCompression RequestCompression { get; }

    public RetryPolicy RetryPolicy { get; }
}
