using Google.Rpc;

namespace GrpcExports.Grpc.Calls;

/// <summary>
/// A request message whose bytes do not decode as its type. gRPC libraries answer that INTERNAL; this layer answers
/// INVALID_ARGUMENT with a BadRequest naming <see cref="Field"/>, because the fault is in what the client sent, and
/// the host may put its own reason on it with an interceptor.
/// </summary>
public sealed class MalformedRequestException(string field, string problem, Exception inner)
    : Exception($"The request message cannot be decoded at '{field}': {problem}", inner)
{
    /// <summary>The request field path where decoding broke down ("project.editor_state"), or a field number the type does not have.</summary>
    public string Field { get; } = field;

    /// <summary>The BadRequest detail that names the field.</summary>
    public BadRequest ToBadRequest() => new()
    {
        FieldViolations = { new BadRequest.Types.FieldViolation { Field = Field, Description = Message, Reason = "MALFORMED" } },
    };
}
