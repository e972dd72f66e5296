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

    /// <summary>
    /// How long a server trusts a key it looked up without reading it again: the most a revocation made elsewhere
    /// (another instance, the <c>keys</c> command) takes to be seen here. Zero looks every call up. Default 10 s.
    /// </summary>
    public TimeSpan KeyCacheLifetime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest <see cref="KeyCacheLifetime"/> accepted: a revoked key must stop working within minutes.</summary>
    public static readonly TimeSpan MaxKeyCacheLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Why the options cannot be used, or null when they can.</summary>
    public string? Problem() =>
        KeyCacheLifetime < TimeSpan.Zero || KeyCacheLifetime > MaxKeyCacheLifetime
            ? $"{SectionName}:KeyCacheLifetime must lie between 00:00:00 and {MaxKeyCacheLifetime:c}, not {KeyCacheLifetime:c}."
            : null;
}
