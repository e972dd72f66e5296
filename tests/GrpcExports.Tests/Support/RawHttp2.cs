using System.Net;
using Google.Protobuf;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Tests.Support;

/// <summary>
/// Plain HTTP/2 requests with hand-made gRPC bodies and headers, for what a well-behaved client never sends and for
/// looking at exactly where the server put its status.
/// </summary>
public static class RawHttp2
{
    public static HttpClient CreateClient() => new(new SocketsHttpHandler())
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    public static HttpRequestMessage GrpcRequest(Uri server, string path, IMessage message, bool gzip = false) =>
        GrpcRequest(server, path, MessageFraming.Frame(message, gzip, int.MaxValue), gzip ? MessageCompression.Gzip : null);

    public static HttpRequestMessage GrpcRequest(Uri server, string path, byte[] body, string? encoding = null,
        string contentType = GrpcHeaders.ContentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("content-type", contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation(GrpcHeaders.AcceptEncoding, MessageCompression.Supported);
        if (encoding is not null)
        {
            request.Headers.TryAddWithoutValidation(GrpcHeaders.Encoding, encoding);
        }
        return request;
    }

    /// <summary>The call's status, from the trailers or, in a Trailers-Only response, the headers; and the body bytes.</summary>
    public static async Task<(StatusCode Status, byte[] Body)> ReadStatusAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        var value = Header(response.TrailingHeaders, GrpcHeaders.Status) ?? Header(response.Headers, GrpcHeaders.Status)
            ?? throw new InvalidOperationException("The response carries no grpc-status.");
        return ((StatusCode)int.Parse(value), body);
    }

    public static string? Header(System.Net.Http.Headers.HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
