using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Client;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Tests.Security;

/// <summary>
/// Calls any method of a service descriptor with a request given as bytes, whatever its kind, and reports the status
/// and every response message received. Messages travel as <see cref="Empty"/>, whose unknown fields carry the real
/// message's bytes unchanged both ways.
/// </summary>
internal static class GenericCall
{
    public sealed record Outcome(StatusCode Status, string? Reason, IReadOnlyList<byte[]> Responses);

    /// <param name="firstResponseOnly">Stop a response stream after its first message (a watch that would otherwise last).</param>
    public static async Task<Outcome> CallAsync(GrpcConnection connection, MethodDescriptor method, byte[] request, bool firstResponseOnly = false)
    {
        var path = $"/{method.Service.FullName}/{method.Name}";
        var message = Empty.Parser.ParseFrom(request);
        var responses = new List<byte[]>();
        try
        {
            switch (method.IsClientStreaming, method.IsServerStreaming)
            {
                case (false, false):
                    responses.Add((await connection.UnaryAsync<Empty, Empty>(path, message)).ToByteArray());
                    break;
                case (false, true):
                    await foreach (var response in connection.ServerStreaming<Empty, Empty>(path, message))
                    {
                        responses.Add(response.ToByteArray());
                        if (firstResponseOnly)
                        {
                            break;
                        }
                    }
                    break;
                case (true, false):
                {
                    using var call = connection.ClientStreaming<Empty, Empty>(path);
                    await call.RequestStream.WriteAsync(message);
                    await call.RequestStream.CompleteAsync();
                    responses.Add((await call.ResponseAsync).ToByteArray());
                    break;
                }
                case (true, true):
                {
                    using var call = connection.DuplexStreaming<Empty, Empty>(path);
                    await call.RequestStream.WriteAsync(message);
                    await call.RequestStream.CompleteAsync();
                    await foreach (var response in call.ResponseStream)
                    {
                        responses.Add(response.ToByteArray());
                        if (firstResponseOnly)
                        {
                            break;
                        }
                    }
                    break;
                }
            }
            return new Outcome(StatusCode.OK, null, responses);
        }
        catch (RpcException e)
        {
            return new Outcome(e.StatusCode, e.Reason, responses);
        }
    }
}
