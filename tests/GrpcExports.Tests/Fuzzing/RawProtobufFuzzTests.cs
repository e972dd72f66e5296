using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using GrpcExports.Client;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Fuzzing.Wire;
using GrpcExports.Tests.Security;
using GrpcExports.Tests.Support;
using Xunit.Abstractions;

namespace GrpcExports.Tests.Fuzzing;

/// <summary>
/// Every method of every service the server binds, sent well-formed messages with random values, truncated messages,
/// wrong wire types, length prefixes that run past the end and plain noise, straight over HTTP/2 with a valid admin
/// key. No answer is INTERNAL or UNKNOWN, every INVALID_ARGUMENT names its reason and a field, and the server still
/// answers its health check afterwards.
/// </summary>
public sealed class RawProtobufFuzzTests(ServerFixture server, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    private const int CallsPerKind = 2;

    private static readonly ServiceDescriptor[] Services =
    [
        .. ProductMethods.Services,
        HealthReflection.Descriptor.Services[0],
        global::Grpc.Reflection.V1.ReflectionReflection.Descriptor.Services[0],
        global::Grpc.Reflection.V1Alpha.ReflectionReflection.Descriptor.Services[0],
    ];

    public static TheoryData<string> Methods => new(Services.SelectMany(service => service.Methods).Select(method => method.FullName));

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Hostile_request_bytes_are_refused_with_a_reason_and_a_field(string methodName)
    {
        output.WriteLine(FuzzSeed.Describe(CallsPerKind * Enum.GetValues<RequestBytesKind>().Length));
        var method = Services.SelectMany(service => service.Methods).Single(candidate => candidate.FullName == methodName);
        var random = FuzzSeed.Random(methodName);
        var bytes = new RequestBytes(random);
        using var http = RawHttp2.CreateClient();

        foreach (var kind in Enum.GetValues<RequestBytesKind>())
        {
            for (var call = 0; call < CallsPerKind; call++)
            {
                var messages = Enumerable.Range(0, method.IsClientStreaming ? random.Next(1, 4) : 1)
                    .Select(index => bytes.For(method.InputType, index == 0 ? kind : RequestBytesKind.Valid)).ToList();
                var outcome = await RawCall.SendAsync(http, server.Address, server.ApiKey, method, messages);
                var sent = $"{kind} #{call}: {string.Join(" | ", messages.Select(message => Convert.ToHexString(message.AsSpan(0, Math.Min(message.Length, 96)))))}";
                output.WriteLine($"{sent} -> {outcome.Status} {outcome.ErrorInfo?.Reason} {outcome.Message}");

                Assert.False(outcome.Status is StatusCode.Internal or StatusCode.Unknown, $"{sent} -> {outcome.Status}: {outcome.Message}");
                if (outcome.Status == StatusCode.InvalidArgument)
                {
                    Assert.False(string.IsNullOrEmpty(outcome.ErrorInfo?.Reason), $"{sent} -> INVALID_ARGUMENT without a reason: {outcome.Message}");
                    Assert.True(outcome.BadRequest?.FieldViolations.Any(violation => violation.Field.Length > 0) == true,
                        $"{sent} -> INVALID_ARGUMENT {outcome.ErrorInfo!.Reason} names no field: {outcome.Message}");
                }
            }
        }

        using var connection = server.Connect();
        var health = await new HealthClient(connection).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }
}
