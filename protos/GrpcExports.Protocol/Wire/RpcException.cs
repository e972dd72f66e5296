using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace GrpcExports.Protocol.Wire;

/// <summary>
/// A call that ended with a status other than OK. Servers throw it to fail a call; the client throws it when a
/// call fails. <see cref="Details"/> is the google.rpc.Status carried in grpc-status-details-bin.
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException(StatusCode statusCode, string detail, Google.Rpc.Status? details = null, Exception? inner = null)
        : base($"Status({statusCode}, \"{detail}\")", inner)
    {
        StatusCode = statusCode;
        Detail = detail;
        Details = details;
    }

    public StatusCode StatusCode { get; }

    /// <summary>The human-readable text sent as grpc-message.</summary>
    public string Detail { get; }

    public Google.Rpc.Status? Details { get; }

    /// <summary>The machine-readable reason of the ErrorInfo detail, if there is one.</summary>
    public string? Reason => Find<ErrorInfo>()?.Reason;

    public ErrorInfo? ErrorInfo => Find<ErrorInfo>();

    public RetryInfo? RetryInfo => Find<RetryInfo>();

    public BadRequest? BadRequest => Find<BadRequest>();

    /// <summary>The first detail of type <typeparamref name="T"/>, or null.</summary>
    public T? Find<T>() where T : class, IMessage<T>, new()
    {
        if (Details is null)
        {
            return null;
        }
        var descriptor = new T().Descriptor;
        foreach (var any in Details.Details)
        {
            if (any.Is(descriptor))
            {
                return any.Unpack<T>();
            }
        }
        return null;
    }

    /// <summary>An exception whose details are a google.rpc.Status with the given detail messages packed as Any.</summary>
    public static RpcException WithDetails(StatusCode statusCode, string detail, params IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)statusCode, Message = detail };
        foreach (var message in details)
        {
            status.Details.Add(Any.Pack(message));
        }
        return new RpcException(statusCode, detail, status);
    }
}
