using System.Management.Automation;
using System.Net;
using System.Security;
using GrpcExports.PowerShell.Engine;
using GrpcExports.PowerShell.Output;
using GrpcExports.PowerShell.Session;

namespace GrpcExports.PowerShell.Cmdlets.Connection;

/// <summary>Opens the session the other cmdlets use, after checking the server answers its health check.</summary>
[Cmdlet(VerbsCommunications.Connect, "GxServer", DefaultParameterSetName = ApiKeySet)]
[OutputType(typeof(GxServer))]
public sealed class ConnectGxServer : GxCmdlet
{
    private const string ApiKeySet = "ApiKey";
    private const string CredentialSet = "Credential";
    private const string ApiKeyVariable = "GX_API_KEY";

    [Parameter(Position = 0)]
    [ValidateNotNull]
    public Uri Endpoint { get; set; } = new("http://127.0.0.1:5000");

    [Parameter(ParameterSetName = ApiKeySet)]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException($"The endpoint must be an absolute http:// or https:// address, not '{Endpoint}'."),
                "INVALID_ENDPOINT", ErrorCategory.InvalidArgument, Endpoint));
        }
        var session = ServerSession.Open(Endpoint, ResolveApiKey());
        string health;
        var madeCurrent = false;
        try
        {
            if (!TryCall(session, "grpc.health.v1.Health/Check", Endpoint, (server, cancellation) => server.CheckHealthAsync(cancellation), out health))
            {
                return;
            }
            ServerSession.Replace(session);
            madeCurrent = true;
        }
        finally
        {
            // A failed or stopped check leaves the previous session in place and closes the new one.
            if (!madeCurrent)
            {
                session.Dispose();
            }
        }
        if (PassThru)
        {
            TryCall(session, "grpcexports.v1.AccountService/GetAccount", Endpoint, (server, cancellation) => server.GetServerVersionAsync(cancellation), out var version);
            WriteObject(new GxServer(Endpoint, health, version));
        }
    }

    private string? ResolveApiKey()
    {
        if (Credential is not null)
        {
            return Credential.GetNetworkCredential().Password;
        }
        if (ApiKey is not null)
        {
            return new NetworkCredential(string.Empty, ApiKey).Password;
        }
        var fromEnvironment = Environment.GetEnvironmentVariable(ApiKeyVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            WriteVerbose($"Using the API key in ${ApiKeyVariable}.");
            return fromEnvironment;
        }
        WriteVerbose("No API key given: calls go without authorization.");
        return null;
    }
}
