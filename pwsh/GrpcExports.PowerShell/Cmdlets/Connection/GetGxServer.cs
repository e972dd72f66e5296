using System.Management.Automation;
using GrpcExports.PowerShell.Output;
using GrpcExports.PowerShell.Session;

namespace GrpcExports.PowerShell.Cmdlets.Connection;

/// <summary>The connected server: its endpoint, its health, its version when it reports one, and whether calls carry an API key.</summary>
[Cmdlet(VerbsCommon.Get, "GxServer")]
[OutputType(typeof(GxServer))]
public sealed class GetGxServer : GxCmdlet
{
    protected override void EndProcessing()
    {
        var session = Session;
        if (!TryCall("grpc.health.v1.Health/Check", session.Endpoint, (server, cancellation) => server.CheckHealthAsync(cancellation), out var health))
        {
            return;
        }
        TryCall("grpcexports.v1.AccountService/GetAccount", session.Endpoint, (server, cancellation) => server.GetServerVersionAsync(cancellation), out var version);
        WriteObject(new GxServer(session.Endpoint, health, version, ServerSession.ApiKeySource));
    }
}
