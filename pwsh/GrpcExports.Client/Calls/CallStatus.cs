using GrpcExports.Protocol.Wire;

namespace GrpcExports.Client;

/// <summary>How a call ended: the grpc-status code and the decoded grpc-message.</summary>
/// <param name="Code">The status code.</param>
/// <param name="Detail">The status message, percent-decoded; empty when the server sent none.</param>
public sealed record CallStatus(StatusCode Code, string Detail)
{
    /// <summary>The status of a call that succeeded without a message.</summary>
    public static CallStatus Ok { get; } = new(StatusCode.OK, string.Empty);
}
