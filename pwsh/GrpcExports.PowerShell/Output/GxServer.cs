namespace GrpcExports.PowerShell.Output;

/// <summary>What Get-GxServer returns: the server the session talks to, and how it is.</summary>
public sealed class GxServer
{
    internal GxServer(Uri endpoint, string health, string? serverVersion, string apiKeySource)
    {
        Endpoint = endpoint;
        Health = health;
        ServerVersion = serverVersion;
        ApiKeySource = apiKeySource;
    }

    public Uri Endpoint { get; }

    /// <summary>The standard health status of the whole server: SERVING, NOT_SERVING, ...</summary>
    public string Health { get; }

    /// <summary>The server's product version; null while the server does not report it.</summary>
    public string? ServerVersion { get; }

    /// <summary>Where the API key the calls carry came from: -ApiKey, -Credential, $env:GX_API_KEY, the credentials file, or None.</summary>
    public string ApiKeySource { get; }

    /// <summary>True when the calls carry an API key.</summary>
    public bool UsesApiKey => ApiKeySource != "None";
}
