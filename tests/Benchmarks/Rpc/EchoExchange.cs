using Benchmarks.Protos;
using Google.Protobuf;
using GrpcExports.Protocol.Wire;

namespace Benchmarks.Rpc;

/// <summary>
/// The one call the benchmark makes, as bytes on the wire: the framed request h2load posts and the framed response
/// our layer answers it with, which the raw Kestrel host replays.
/// </summary>
public sealed record EchoExchange(string Path, byte[] RequestFrame, byte[] ResponseFrame)
{
    public static EchoExchange Create(int payloadBytes)
    {
        var payload = new byte[payloadBytes];
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)('a' + i % 26);
        }
        var bytes = ByteString.CopyFrom(payload);
        var method = EchoService.Descriptor.FindMethodByName(nameof(EchoService.Echo));
        return new EchoExchange(
            $"/{EchoService.Descriptor.FullName}/{method.Name}",
            MessageFraming.Frame(new EchoRequest { Payload = bytes }, gzip: false, int.MaxValue),
            MessageFraming.Frame(new EchoResponse { Payload = bytes }, gzip: false, int.MaxValue));
    }
}
