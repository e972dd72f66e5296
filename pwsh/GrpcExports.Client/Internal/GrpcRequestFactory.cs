using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Client.Internal;

/// <summary>Builds the HTTP/2 request of one call attempt: method path, protocol headers, metadata and body.</summary>
internal sealed class GrpcRequestFactory
{
    private const string PreviousAttemptsHeader = "grpc-previous-rpc-attempts";

    private static readonly MediaTypeHeaderValue GrpcContentType = new(GrpcHeaders.ContentType);
    private static readonly TransferCodingWithQualityHeaderValue Trailers = new("trailers");

    private readonly Uri _endpoint;
    private readonly ConcurrentDictionary<string, Uri> _methodUris = new(StringComparer.Ordinal);

    public GrpcRequestFactory(Uri endpoint)
    {
        _endpoint = endpoint;
    }

    /// <summary>grpc-exports-dotnet/&lt;version of this assembly&gt;.</summary>
    public static string UserAgent { get; } = "grpc-exports-dotnet/" + ClientVersion();

    public HttpRequestMessage Create(string methodPath, CallSettings settings, CallScope scope, HttpContent content, int previousAttempts)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _methodUris.GetOrAdd(methodPath, MethodUri))
        {
            Version = HttpVersion.Version20,
            // Exact: cleartext http:// then means HTTP/2 with prior knowledge, and TLS must negotiate h2.
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        content.Headers.ContentType = GrpcContentType;
        var headers = request.Headers;
        headers.TE.Add(Trailers);
        headers.TryAddWithoutValidation("user-agent", UserAgent);
        headers.TryAddWithoutValidation(GrpcHeaders.AcceptEncoding, MessageCompression.Supported);
        if (settings.Gzip)
        {
            headers.TryAddWithoutValidation(GrpcHeaders.Encoding, MessageCompression.Gzip);
        }
        if (scope.Remaining is { } remaining)
        {
            headers.TryAddWithoutValidation(GrpcHeaders.Timeout, GrpcTimeout.Format(remaining));
        }
        if (previousAttempts > 0)
        {
            headers.TryAddWithoutValidation(PreviousAttemptsHeader, previousAttempts.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var entry in settings.Headers)
        {
            headers.TryAddWithoutValidation(entry.Key, entry.IsBinary ? BinaryHeader.Encode(entry.ValueBytes) : entry.Value);
        }
        return request;
    }

    private Uri MethodUri(string methodPath) =>
        new(_endpoint, _endpoint.AbsolutePath.TrimEnd('/') + methodPath);

    private static string ClientVersion()
    {
        var assembly = typeof(GrpcRequestFactory).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var metadataStart = version.IndexOf('+');
        return metadataStart < 0 ? version : version[..metadataStart];
    }
}
