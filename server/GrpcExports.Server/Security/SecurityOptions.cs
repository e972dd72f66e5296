namespace GrpcExports.Server.Security;

/// <summary>The "Security" configuration section.</summary>
internal sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Lets the server listen on a non-loopback address without TLS, for a trusted network or a TLS-terminating proxy
    /// in front of it. Off by default: API keys would otherwise cross the network in clear text.
    /// </summary>
    public bool AllowInsecureNonLoopback { get; set; }

    /// <summary>
    /// Where the first run writes the local key; empty means the agreed place: <c>$GX_CREDENTIALS_FILE</c>, else
    /// <c>${XDG_CONFIG_HOME:-$HOME/.config}/grpcexports/credentials.json</c>.
    /// </summary>
    public string? CredentialsFile { get; set; }
}
