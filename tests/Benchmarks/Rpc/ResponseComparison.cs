using System.Net;
using GrpcExports.Protocol.Wire;

namespace Benchmarks.Rpc;

/// <summary>
/// Calls each host once with a real HTTP/2 client and checks that both answered the same (status, headers, body,
/// trailers), that the body is the expected framed response and that the status is OK, so h2load compares like
/// with like.
/// </summary>
public static class ResponseComparison
{
    /// <summary>Prints what was compared; returns false, having said why, when the responses are not the same.</summary>
    public static async Task<bool> CheckAsync(BenchmarkHost layer, BenchmarkHost raw, EchoExchange exchange, TextWriter output,
        CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler();
        using var client = new HttpClient(handler);
        var ours = await CapturedResponse.CallAsync(client, layer.Address, exchange, cancellationToken);
        var theirs = await CapturedResponse.CallAsync(client, raw.Address, exchange, cancellationToken);
        output.WriteLine($"  {layer.Name,-5} {ours.Describe()}");
        output.WriteLine($"  {raw.Name,-5} {theirs.Describe()}");

        var problems = new List<string>();
        if (ours.Version != HttpVersion.Version20 || theirs.Version != HttpVersion.Version20)
        {
            problems.Add("a response did not come over HTTP/2");
        }
        if (ours.Status != HttpStatusCode.OK)
        {
            problems.Add($"{layer.Name} answered HTTP {(int)ours.Status}");
        }
        if (!ours.Body.AsSpan().SequenceEqual(exchange.ResponseFrame))
        {
            problems.Add($"{layer.Name} did not answer with the expected framed echo response");
        }
        if (!ours.Trailers.Contains($"{GrpcHeaders.Status}: 0", StringComparison.Ordinal))
        {
            problems.Add($"{layer.Name} did not end with {GrpcHeaders.Status} 0");
        }
        if (ours.Status != theirs.Status || ours.Headers != theirs.Headers || ours.Trailers != theirs.Trailers
            || !ours.Body.AsSpan().SequenceEqual(theirs.Body))
        {
            problems.Add($"{raw.Name} does not answer with the same bytes as {layer.Name}");
        }
        foreach (var problem in problems)
        {
            output.WriteLine($"  MISMATCH: {problem}");
        }
        return problems.Count == 0;
    }
}
