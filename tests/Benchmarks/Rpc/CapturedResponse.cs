using System.Net;
using System.Net.Http.Headers;

namespace Benchmarks.Rpc;

/// <summary>
/// What one call got back over HTTP/2, minus the headers that differ between any two responses (date, server):
/// status, headers, body and trailers, names lower-cased and sorted so two captures compare as text.
/// </summary>
public sealed record CapturedResponse(Version Version, HttpStatusCode Status, string Headers, byte[] Body, string Trailers)
{
    private static readonly HashSet<string> Incidental = new(StringComparer.OrdinalIgnoreCase) { "date", "server" };

    public static async Task<CapturedResponse> CallAsync(HttpClient client, Uri address, EchoExchange exchange,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, exchange.Path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(exchange.RequestFrame),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new CapturedResponse(
            response.Version,
            response.StatusCode,
            Describe(response.Headers.Concat(response.Content.Headers)),
            body,
            Describe(response.TrailingHeaders));
    }

    public string Describe() =>
        $"HTTP/{Version} {(int)Status}; headers: {Headers}; body: {Body.Length} bytes {Convert.ToHexString(Body.AsSpan(0, Math.Min(16, Body.Length)))}{(Body.Length > 16 ? "..." : "")}; trailers: {Trailers}";

    private static string Describe(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers) =>
        string.Join(", ", headers
            .Where(h => !Incidental.Contains(h.Key))
            .Select(h => $"{h.Key.ToLowerInvariant()}: {string.Join(",", h.Value)}")
            .Order(StringComparer.Ordinal));
}
