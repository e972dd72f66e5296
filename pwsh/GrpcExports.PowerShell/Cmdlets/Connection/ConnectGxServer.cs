using System.Management.Automation;
using System.Net;
using System.Security;
using GrpcExports.PowerShell.Engine;
using GrpcExports.PowerShell.Output;
using GrpcExports.PowerShell.Session;

namespace GrpcExports.PowerShell.Cmdlets.Connection;

/// <summary>
/// Opens the session the other cmdlets use, after checking the server answers its health check. The API key comes from
/// -ApiKey, else the password of -Credential, else $env:GX_API_KEY, else the credentials file a local server writes
/// (whose endpoint is also the default one).
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "GxServer", DefaultParameterSetName = ApiKeySet)]
[OutputType(typeof(GxServer))]
public sealed class ConnectGxServer : GxCmdlet
{
    private const string ApiKeySet = "ApiKey";
    private const string CredentialSet = "Credential";
    private const string ApiKeyVariable = "GX_API_KEY";

    private static readonly Uri DefaultEndpoint = new("http://127.0.0.1:5000");

    /// <summary>The server; default: the credentials file's endpoint, else http://127.0.0.1:5000.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNull]
    public Uri? Endpoint { get; set; }

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
        var credentialsFile = ReadCredentialsFile();
        var endpoint = Endpoint ?? credentialsFile?.Endpoint ?? DefaultEndpoint;
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException($"The endpoint must be an absolute http:// or https:// address, not '{endpoint}'."),
                "INVALID_ENDPOINT", ErrorCategory.InvalidArgument, endpoint));
        }
        var (apiKey, source) = ResolveApiKey(endpoint, credentialsFile);
        var session = ServerSession.Open(endpoint, apiKey);
        string health;
        var madeCurrent = false;
        try
        {
            if (!TryCall(session, "grpc.health.v1.Health/Check", endpoint, (server, cancellation) => server.CheckHealthAsync(cancellation), out health))
            {
                return;
            }
            ServerSession.Replace(session, source);
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
            TryCall(session, "grpcexports.v1.AccountService/GetAccount", endpoint, (server, cancellation) => server.GetServerVersionAsync(cancellation), out var version);
            WriteObject(new GxServer(endpoint, health, version, source));
        }
    }

    private (string? Key, string Source) ResolveApiKey(Uri endpoint, CredentialsFile? credentialsFile)
    {
        if (Credential is not null)
        {
            return (Credential.GetNetworkCredential().Password, "Credential");
        }
        if (ApiKey is not null)
        {
            return (new NetworkCredential(string.Empty, ApiKey).Password, "ApiKey");
        }
        var fromEnvironment = Environment.GetEnvironmentVariable(ApiKeyVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            WriteVerbose($"Using the API key in ${ApiKeyVariable}.");
            return (fromEnvironment, "Environment");
        }
        if (credentialsFile is not null)
        {
            if (credentialsFile.IsFor(endpoint))
            {
                WriteVerbose($"Using the API key in {credentialsFile.Path}.");
                return (credentialsFile.ApiKey, "CredentialsFile");
            }
            WriteVerbose($"The key in {credentialsFile.Path} is for {credentialsFile.Endpoint}, not {endpoint}: it is not sent.");
        }
        WriteVerbose("No API key given: calls go without authorization.");
        return (null, ServerSession.NoApiKey);
    }

    /// <summary>The credentials file, when there is one; a broken one is ignored with a warning.</summary>
    private CredentialsFile? ReadCredentialsFile()
    {
        try
        {
            return CredentialsFile.Read(CredentialsFile.DefaultPath());
        }
        catch (Exception error) when (error is FormatException or IOException or UnauthorizedAccessException)
        {
            WriteWarning($"{error.Message} It is ignored.");
            return null;
        }
    }
}
