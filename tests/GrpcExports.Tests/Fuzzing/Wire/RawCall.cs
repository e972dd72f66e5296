using System.Buffers.Binary;
using Google.Protobuf.Reflection;
using Google.Rpc;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Fuzzing.Wire;

/// <summary>
/// One call with hand-made request messages over plain HTTP/2 and gRPC framing, with an API key: whatever the bytes,
/// they reach the server exactly as given. A response stream that delivers a message has accepted the request; it is
/// read no further (a watch would not end).
/// </summary>
internal static class RawCall
{
    public sealed record Outcome(StatusCode Status, string Message, Google.Rpc.Status? Details)
    {
        public ErrorInfo? ErrorInfo => Find(ErrorInfo.Descriptor)?.Unpack<ErrorInfo>();

        public BadRequest? BadRequest => Find(BadRequest.Descriptor)?.Unpack<BadRequest>();

        private Google.Protobuf.WellKnownTypes.Any? Find(MessageDescriptor type) => Details?.Details.FirstOrDefault(any => any.Is(type));
    }

    public static async Task<Outcome> SendAsync(HttpClient http, Uri server, string apiKey, MethodDescriptor method, IEnumerable<byte[]> messages)
    {
        var body = messages.SelectMany(Frame).ToArray();
        using var request = RawHttp2.GrpcRequest(server, $"/{method.Service.FullName}/{method.Name}", body);
        request.Headers.TryAddWithoutValidation("authorization", $"Bearer {apiKey}");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (RawHttp2.Header(response.Headers, GrpcHeaders.Status) is null)
        {
            await using var stream = await response.Content.ReadAsStreamAsync();
            var header = new byte[5];
            while (await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false) == header.Length)
            {
                await stream.ReadExactlyAsync(new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1))]);
                if (method.IsServerStreaming)
                {
                    return new Outcome(StatusCode.OK, "", null);
                }
            }
        }
        var headers = response.TrailingHeaders.Contains(GrpcHeaders.Status) ? (System.Net.Http.Headers.HttpHeaders)response.TrailingHeaders : response.Headers;
        var status = (StatusCode)int.Parse(RawHttp2.Header(headers, GrpcHeaders.Status)
            ?? throw new InvalidOperationException($"{method.FullName} answered HTTP {(int)response.StatusCode} without a grpc-status."));
        StatusDetailsHeader.TryDecode(RawHttp2.Header(headers, GrpcHeaders.StatusDetails), out var details);
        return new Outcome(status, RawHttp2.Header(headers, GrpcHeaders.Message) ?? "", details);
    }

    private static byte[] Frame(byte[] message)
    {
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }
}
