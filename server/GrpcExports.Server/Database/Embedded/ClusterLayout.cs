using System.Security.Cryptography;
using System.Text;

namespace GrpcExports.Server.Database.Embedded;

/// <summary>
/// Where the private cluster's files are, under <see cref="Root"/> (the data directory's <c>postgresql</c> folder,
/// owned by the cluster's user): the cluster itself in <c>data</c> (built in <c>data.initdb</c>), its unix socket in
/// <c>run</c>, and the server log in <c>postgresql.log</c>.
/// </summary>
internal sealed class ClusterLayout
{
    /// <summary>The port number in the socket's name (.s.PGSQL.5432). The cluster listens on no TCP port.</summary>
    public const int Port = 5432;

    /// <summary>The superuser role initdb creates, which the server connects as.</summary>
    public const string SuperUser = "grpcexports";

    /// <summary>The settings file the server writes at every start, included from postgresql.conf.</summary>
    public const string SettingsFileName = "grpcexports.conf";

    // A unix socket path holds at most 107 bytes; the socket's own name takes 14 of them.
    private const int MaxSocketDirectoryBytes = 107 - 14;

    public ClusterLayout(string root)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        Data = Path.Combine(Root, "data");
        LogFile = Path.Combine(Root, "postgresql.log");
        Sockets = SocketDirectoryFor(Root);
    }

    /// <summary>The folder holding everything of the cluster's.</summary>
    public string Root { get; }

    /// <summary>The cluster's data directory (PGDATA).</summary>
    public string Data { get; }

    /// <summary>Where the cluster puts its unix socket.</summary>
    public string Sockets { get; }

    public string LogFile { get; }

    public string SettingsFile => Path.Combine(Data, SettingsFileName);

    public string PostmasterPidFile => Path.Combine(Data, "postmaster.pid");

    /// <summary>The socket's lock file, which a crashed postmaster leaves behind like its pid file.</summary>
    public string SocketLockFile => Path.Combine(Sockets, $".s.PGSQL.{Port}.lock");

    /// <summary>Where initdb builds the cluster; renamed to <see cref="Data"/> once it has finished.</summary>
    public string DataBeingInitialized => Data + ".initdb";

    /// <summary>Whether a finished cluster is here (initdb ran to the end: its directory was renamed into place).</summary>
    public bool IsInitialized => File.Exists(Path.Combine(Data, "PG_VERSION"));

    /// <summary><c>run</c> under the root, or a folder in the temporary directory named after the root when that path is too long for a socket.</summary>
    private static string SocketDirectoryFor(string root)
    {
        var beside = Path.Combine(root, "run");
        if (Encoding.UTF8.GetByteCount(beside) <= MaxSocketDirectoryBytes)
        {
            return beside;
        }
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..16];
        return Path.Combine(Path.GetTempPath(), $"grpcexports-pg-{digest}");
    }
}
