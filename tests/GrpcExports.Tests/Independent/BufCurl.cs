using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Independent;

/// <summary>`buf curl`, an independent gRPC client, pointed at a server over cleartext HTTP/2.</summary>
public static class BufCurl
{
    public static Task<ExternalProcess.Result> RunAsync(Uri server, params string[] arguments) =>
        ExternalProcess.RunAsync(RepoPaths.Buf, ["curl", "--protocol", "grpc", "--http2-prior-knowledge", .. arguments]);

    /// <summary>Calls <paramref name="method"/> ("package.Service/Method") with a JSON request read from standard input.</summary>
    public static Task<ExternalProcess.Result> CallAsync(Uri server, string method, string jsonRequest, params string[] arguments) =>
        ExternalProcess.RunAsync(RepoPaths.Buf,
            ["curl", "--protocol", "grpc", "--http2-prior-knowledge", "--data", "@-", .. arguments, new Uri(server, method).ToString()],
            standardInput: jsonRequest);

    /// <summary>Calls <paramref name="method"/> as <see cref="CallAsync"/> does, sending <paramref name="apiKey"/> as `authorization: Bearer`.</summary>
    public static Task<ExternalProcess.Result> CallWithKeyAsync(Uri server, string apiKey, string method, string jsonRequest, params string[] arguments) =>
        CallAsync(server, method, jsonRequest, ["--header", $"authorization: Bearer {apiKey}", .. arguments]);
}
