using System.Net;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Layer.Probe;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Layer;

/// <summary>
/// Protocol details a well-behaved client hides: where the status goes, content types, encodings, broken bodies.
/// Sent as plain HTTP/2 requests so every byte and header is the test's choice.
/// </summary>
public sealed class LayerProtocolTests(ProbeServerFixture server) : IClassFixture<ProbeServerFixture>, IDisposable
{
    private const string EchoPath = "/grpcexports.testing.ProbeService/Echo";

    private readonly HttpClient _http = RawHttp2.CreateClient();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Sends_the_status_of_a_successful_call_in_trailers()
    {
        using var response = await _http.SendAsync(RawHttp2.GrpcRequest(server.Address, EchoPath, new EchoMessage()));
        var (status, body) = await RawHttp2.ReadStatusAsync(response);

        Assert.Equal(StatusCode.OK, status);
        Assert.Equal("0", RawHttp2.Header(response.TrailingHeaders, GrpcHeaders.Status));
        Assert.Null(RawHttp2.Header(response.Headers, GrpcHeaders.Status));
        Assert.Equal(MessageFraming.HeaderSize, body.Length);
        Assert.Equal(GrpcHeaders.ContentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Sends_an_early_error_as_trailers_only_with_no_body()
    {
        var failing = new EchoMessage { FailCode = (int)StatusCode.NotFound, FailMessage = "gone" };

        using var response = await _http.SendAsync(RawHttp2.GrpcRequest(server.Address, EchoPath, failing));
        var (status, body) = await RawHttp2.ReadStatusAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StatusCode.NotFound, status);
        Assert.Equal("5", RawHttp2.Header(response.Headers, GrpcHeaders.Status));
        Assert.Equal("gone", RawHttp2.Header(response.Headers, GrpcHeaders.Message));
        Assert.NotNull(RawHttp2.Header(response.Headers, GrpcHeaders.StatusDetails));
        Assert.Empty(body);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("application/grpc-web")]
    public async Task Answers_a_non_grpc_content_type_with_415(string contentType)
    {
        using var request = RawHttp2.GrpcRequest(server.Address, EchoPath, [0, 0, 0, 0, 0], contentType: contentType);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Accepts_grpc_content_type_subtypes()
    {
        using var request = RawHttp2.GrpcRequest(server.Address, EchoPath, [0, 0, 0, 0, 0], contentType: "application/grpc+proto");

        using var response = await _http.SendAsync(request);

        Assert.Equal(StatusCode.OK, (await RawHttp2.ReadStatusAsync(response)).Status);
    }

    [Fact]
    public async Task Answers_an_unsupported_encoding_unimplemented_listing_what_it_supports()
    {
        using var request = RawHttp2.GrpcRequest(server.Address, EchoPath, [1, 0, 0, 0, 1, 9], encoding: "snappy");

        using var response = await _http.SendAsync(request);
        var (status, _) = await RawHttp2.ReadStatusAsync(response);

        Assert.Equal(StatusCode.Unimplemented, status);
        Assert.Equal(MessageCompression.Supported, RawHttp2.Header(response.Headers, GrpcHeaders.AcceptEncoding));
    }

    [Fact]
    public async Task Compresses_responses_to_a_client_that_sent_gzip()
    {
        var message = new EchoMessage { Payload = Google.Protobuf.ByteString.CopyFrom(new byte[10_000]) };

        using var response = await _http.SendAsync(RawHttp2.GrpcRequest(server.Address, EchoPath, message, gzip: true));
        var (status, body) = await RawHttp2.ReadStatusAsync(response);

        Assert.Equal(StatusCode.OK, status);
        Assert.Equal(MessageCompression.Gzip, RawHttp2.Header(response.Headers, GrpcHeaders.Encoding));
        Assert.Equal(1, body[0]);
        Assert.True(body.Length < 1000, $"a 10 kB run of zeros came back as {body.Length} bytes");
        var reader = new MessageFrameReader(new MemoryStream(body), int.MaxValue, MessageCompression.Gzip);
        Assert.Equal(message, await reader.ReadAsync(EchoMessage.Parser, CancellationToken.None));
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 0, 10, 1, 2 }, null)]
    [InlineData(new byte[] { 1, 0, 0, 0, 3, 1, 2, 3 }, "gzip")]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, null)]
    [InlineData(new byte[0], null)]
    public async Task Answers_an_undecodable_request_internal(byte[] body, string? encoding)
    {
        using var response = await _http.SendAsync(RawHttp2.GrpcRequest(server.Address, EchoPath, body, encoding));

        Assert.Equal(StatusCode.Internal, (await RawHttp2.ReadStatusAsync(response)).Status);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 0, 3, 0xff, 0xff, 0xff }, "262143")]
    [InlineData(new byte[] { 0, 0, 0, 0, 2, 0x17, 0x01 }, "fail_code")]
    [InlineData(new byte[] { 0, 0, 0, 0, 2, 0x28, 0xff }, "response_size")]
    [InlineData(new byte[] { 0, 0, 0, 0, 4, 0x0a, 0x05, 0x61, 0x62 }, "payload")]
    [InlineData(new byte[] { 0, 0, 0, 0, 3, 0x4a, 0x7f, 0x00 }, "9")]
    public async Task Answers_a_message_that_does_not_parse_invalid_argument_naming_the_field(byte[] body, string field)
    {
        using var response = await _http.SendAsync(RawHttp2.GrpcRequest(server.Address, EchoPath, body));

        Assert.Equal(StatusCode.InvalidArgument, (await RawHttp2.ReadStatusAsync(response)).Status);
        Assert.True(StatusDetailsHeader.TryDecode(RawHttp2.Header(response.Headers, GrpcHeaders.StatusDetails), out var details));
        var badRequest = details!.Details.Single(any => any.Is(Google.Rpc.BadRequest.Descriptor)).Unpack<Google.Rpc.BadRequest>();
        Assert.Equal(field, badRequest.FieldViolations.Single().Field);
    }

    [Fact]
    public async Task Answers_a_malformed_timeout_internal()
    {
        using var request = RawHttp2.GrpcRequest(server.Address, EchoPath, new EchoMessage());
        request.Headers.TryAddWithoutValidation(GrpcHeaders.Timeout, "soon");

        using var response = await _http.SendAsync(request);

        Assert.Equal(StatusCode.Internal, (await RawHttp2.ReadStatusAsync(response)).Status);
    }

    [Fact]
    public async Task Refuses_a_non_post_request_to_a_grpc_route()
    {
        using var request = RawHttp2.GrpcRequest(server.Address, EchoPath, new EchoMessage());
        request.Method = HttpMethod.Put;

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
