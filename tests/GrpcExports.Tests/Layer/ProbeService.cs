using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.Wire;
using GrpcExports.Tests.Layer.Probe;

namespace GrpcExports.Tests.Layer;

/// <summary>The probe service's handlers; see probe.proto for what each provokes.</summary>
public sealed class ProbeService(CancellationLedger ledger) : IGrpcService
{
    public const string CrashText = "secret handler detail that must stay on the server";

    public static ServiceDescriptor Descriptor => ProbeReflection.Descriptor.Services[0];

    public Task<EchoMessage> Echo(EchoMessage request, ServerCallContext context)
    {
        if (request.FailCode != 0)
        {
            var info = new ErrorInfo { Reason = request.FailReason, Domain = "probe.test" };
            info.Metadata["echo"] = "yes";
            throw RpcException.WithDetails((StatusCode)request.FailCode, request.FailMessage, info,
                new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "fail_code", Description = "asked to fail" } } });
        }
        var payload = request.ResponseSize > 0 ? ByteString.CopyFrom(new byte[request.ResponseSize]) : request.Payload;
        return Task.FromResult(new EchoMessage { Payload = payload });
    }

    public async Task Count(CountRequest request, IServerStreamWriter<Counted> responses, ServerCallContext context)
    {
        for (var number = 1; number <= request.Count; number++)
        {
            await responses.WriteAsync(new Counted { Number = number });
        }
    }

    public async Task<SumReply> Sum(IAsyncEnumerable<Counted> requests, ServerCallContext context)
    {
        var reply = new SumReply();
        await foreach (var counted in requests)
        {
            reply.Sum += counted.Number;
            reply.Messages++;
        }
        return reply;
    }

    public async Task Chat(IAsyncEnumerable<EchoMessage> requests, IServerStreamWriter<EchoMessage> responses, ServerCallContext context)
    {
        await foreach (var message in requests)
        {
            await responses.WriteAsync(message);
        }
    }

    public async Task<EchoMessage> Hang(HangRequest request, ServerCallContext context)
    {
        try
        {
            ledger.RecordStarted(request.Tag);
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        finally
        {
            ledger.Record(request.Tag, context.CancellationToken.IsCancellationRequested);
        }
        return new EchoMessage();
    }

    public Task<EchoMessage> Crash(EchoMessage request, ServerCallContext context) =>
        throw new InvalidOperationException(CrashText);

    public Task<FlakyReply> Flaky(FlakyRequest request, ServerCallContext context)
    {
        var attempt = ledger.CountAttempt(request.Tag);
        return attempt <= request.Failures
            ? throw new RpcException(StatusCode.Unavailable, $"Attempt {attempt} fails on purpose.")
            : Task.FromResult(new FlakyReply { Attempts = attempt });
    }
}
