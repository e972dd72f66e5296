namespace GrpcExports.Server.Database;

/// <summary>
/// The "Database" configuration section (appsettings.json, <c>Database__ConnectionString</c> in the environment, or
/// <c>--Database:ConnectionString=...</c> on the command line).
/// </summary>
internal sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>
    /// An Npgsql connection string to an existing PostgreSQL server. When empty (the default) the server starts a
    /// private cluster under <see cref="DataDirectory"/> instead.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Where the server keeps its data; the private cluster lives in its <c>postgresql</c> folder. Relative paths are
    /// relative to the content root. Default: <see cref="DefaultDataDirectory"/>.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>The private cluster's application database.</summary>
    public string DatabaseName { get; set; } = "grpcexports";

    /// <summary>Where initdb, pg_ctl and postgres are; found on PATH or under /usr/lib/postgresql/*/bin when empty.</summary>
    public string? PostgresBinDirectory { get; set; }

    /// <summary>
    /// The unprivileged system user that runs the private cluster when the server runs as root (PostgreSQL refuses
    /// root). Ignored otherwise: then the cluster runs as the server's own user.
    /// </summary>
    public string ClusterUser { get; set; } = "postgres";

    /// <summary>
    /// PostgreSQL settings for the private cluster (postgresql.conf names and values, for example
    /// <c>Database:ServerSettings:shared_buffers=256MB</c>), written to its grpcexports.conf at every start.
    /// </summary>
    public Dictionary<string, string> ServerSettings { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long start-up waits for the cluster to accept connections, or for a configured server to answer.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The data directory to use when none is configured: <c>/var/lib/grpcexports</c> when running as root (the
    /// cluster's system user must be able to reach it, which it cannot under /root), otherwise
    /// <c>$XDG_DATA_HOME/grpcexports</c> (<c>~/.local/share/grpcexports</c>).
    /// </summary>
    public static string DefaultDataDirectory()
    {
        if (Environment.IsPrivilegedProcess)
        {
            return "/var/lib/grpcexports";
        }
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(dataHome) || !Path.IsPathRooted(dataHome))
        {
            dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }
        return Path.Combine(dataHome, "grpcexports");
    }

    /// <summary>The data directory as an absolute path: the configured one (relative to <paramref name="contentRoot"/>) or the default.</summary>
    public string ResolveDataDirectory(string contentRoot) => string.IsNullOrWhiteSpace(DataDirectory)
        ? DefaultDataDirectory()
        : Path.GetFullPath(DataDirectory, contentRoot);
}
