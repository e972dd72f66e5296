using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GrpcExports.Server.Database.Embedded;

/// <summary>What a private cluster needs to know: where it lives, which programs and user run it, its settings.</summary>
internal sealed record EmbeddedClusterOptions(
    string RootDirectory,
    string? PostgresBinDirectory = null,
    string ClusterUser = "postgres",
    IReadOnlyDictionary<string, string>? ServerSettings = null,
    TimeSpan? StartTimeout = null);

/// <summary>
/// A private PostgreSQL cluster in a directory of the server's: initialised on first use (initdb, UTF-8, trust
/// authentication on a unix socket only, in a folder only its user can enter), started with pg_ctl and stopped with
/// <c>pg_ctl stop -m fast</c>. An initialised directory is reused; a postmaster.pid left by a crash is dealt with
/// (<see cref="PostmasterLock"/>); a postmaster still running from a server process that was killed is adopted and
/// stopped at the end.
/// </summary>
internal sealed class EmbeddedCluster : IAsyncDisposable
{
    private readonly ClusterLayout _layout;
    private readonly ClusterAccount _account;
    private readonly EmbeddedClusterOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PostgresBinaries? _binaries;
    private bool _running;

    public EmbeddedCluster(EmbeddedClusterOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _layout = new ClusterLayout(options.RootDirectory);
        _account = ClusterAccount.ForThisProcess(options.ClusterUser);
    }

    public ClusterLayout Layout => _layout;

    /// <summary>The user the cluster runs as: the configured system user when the server is root, else null (the server's own).</summary>
    public string? SystemUser => _account.SystemUser;

    private TimeSpan StartTimeout => _options.StartTimeout ?? TimeSpan.FromSeconds(60);

    /// <summary>A connection string to <paramref name="database"/> on this cluster, over its unix socket.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = _layout.Sockets,
        Port = ClusterLayout.Port,
        Username = ClusterLayout.SuperUser,
        Database = database,
    }.ConnectionString;

    /// <summary>Unpooled: a pooled connection would outlive a restart of the cluster and fail on first use.</summary>
    private string UnpooledConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString(database)) { Pooling = false }.ConnectionString;

    /// <summary>Initialises the cluster if needed, starts it (or adopts a running postmaster) and waits until it accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_running)
            {
                return;
            }
            _binaries ??= PostgresBinaries.Locate(_options.PostgresBinDirectory);
            await PrepareDirectoriesAsync(cancellationToken).ConfigureAwait(false);
            if (!_layout.IsInitialized)
            {
                await InitializeAsync(_binaries, cancellationToken).ConfigureAwait(false);
            }
            ClusterSettingsFile.Write(_layout, _options.ServerSettings ?? new Dictionary<string, string>());
            await _account.TakeOwnershipAsync([_layout.SettingsFile], cancellationToken).ConfigureAwait(false);

            var runningPostmaster = PostmasterLock.FindRunningPostmasterOrClearStaleLock(_layout);
            if (runningPostmaster is { } processId)
            {
                _logger.LogWarning("Reusing the PostgreSQL postmaster (pid {ProcessId}) still running in {DataDirectory}, " +
                    "left by an earlier server process that did not stop it.", processId, _layout.Data);
            }
            else
            {
                await RunPgCtlStartAsync(_binaries, cancellationToken).ConfigureAwait(false);
            }
            _running = true;
            await WaitUntilAcceptingConnectionsAsync(cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("PostgreSQL cluster in {DataDirectory} accepts connections on {SocketDirectory}.", _layout.Data, _layout.Sockets);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the cluster (<c>pg_ctl stop -m fast</c>: running transactions roll back) if this instance started or adopted it.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (!_running || _binaries is null)
            {
                return;
            }
            var stop = _account.Command(_binaries.PgCtl, "stop", "-D", _layout.Data, "-m", "fast", "-w", "-s",
                "-t", Seconds(StartTimeout));
            var result = await ClusterCommand.RunAsync(stop, cancellationToken).ConfigureAwait(false);
            _running = false;
            if (result.Succeeded)
            {
                _logger.LogInformation("PostgreSQL cluster in {DataDirectory} stopped.", _layout.Data);
            }
            else
            {
                _logger.LogWarning("pg_ctl stop for {DataDirectory} failed (exit {ExitCode}): {Diagnostics}",
                    _layout.Data, result.ExitCode, result.Diagnostics);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Creates <paramref name="database"/> (UTF-8, like the cluster) unless it exists; safe when several callers race.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        if (await ClusterConnections.CreateDatabaseIfMissingAsync(UnpooledConnectionString("postgres"), database, cancellationToken).ConfigureAwait(false))
        {
            _logger.LogInformation("Created database {Database}.", database);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _gate.Dispose();
    }

    /// <summary>
    /// Creates the root and socket folders and gives them to the cluster's user, with access for nobody else: the
    /// socket trusts whoever can reach it.
    /// </summary>
    private async Task PrepareDirectoriesAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_layout.Root);
        Directory.CreateDirectory(_layout.Sockets);
        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            File.SetUnixFileMode(_layout.Root, OwnerOnly);
            File.SetUnixFileMode(_layout.Sockets, OwnerOnly);
        }
        await _account.TakeOwnershipAsync([_layout.Root, _layout.Sockets], cancellationToken).ConfigureAwait(false);
        // What an interrupted initdb left holds no data yet.
        if (Directory.Exists(_layout.DataBeingInitialized))
        {
            RemoveUnfinishedCluster(_layout.DataBeingInitialized);
        }
        if (Directory.Exists(_layout.Data) && !_layout.IsInitialized)
        {
            RemoveUnfinishedCluster(_layout.Data);
        }
    }

    private void RemoveUnfinishedCluster(string directory)
    {
        _logger.LogWarning("Removing {Directory}, which an interrupted initdb left unfinished.", directory);
        Directory.Delete(directory, recursive: true);
    }

    private async Task InitializeAsync(PostgresBinaries binaries, CancellationToken cancellationToken)
    {
        _logger.LogInformation("Initialising a PostgreSQL cluster in {DataDirectory} with {InitDb}{AsUser}.", _layout.Data,
            binaries.InitDb, _account.SystemUser is null ? "" : $" as the system user '{_account.SystemUser}'");
        // Built aside and renamed into place when complete, so that a data directory is always a finished cluster.
        var initDb = _account.Command(binaries.InitDb,
            "--pgdata", _layout.DataBeingInitialized,
            "--username", ClusterLayout.SuperUser,
            // Trust is safe here: the cluster listens on no TCP port, and only its user can enter the socket's folder.
            "--auth", "trust",
            "--encoding", "UTF8",
            "--no-locale",
            "--no-instructions");
        var result = await ClusterCommand.RunAsync(initDb, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new EmbeddedClusterException(
                $"initdb failed (exit {result.ExitCode}) for {_layout.Data}: {result.Diagnostics}{ReachabilityHint()}");
        }
        ClusterSettingsFile.IncludeFromPostgresqlConf(_layout.DataBeingInitialized);
        Directory.Move(_layout.DataBeingInitialized, _layout.Data);
    }

    private async Task RunPgCtlStartAsync(PostgresBinaries binaries, CancellationToken cancellationToken)
    {
        var start = _account.Command(binaries.PgCtl, "start", "-D", _layout.Data, "-l", _layout.LogFile, "-w", "-s",
            "-t", Seconds(StartTimeout));
        var result = await ClusterCommand.RunAsync(start, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new EmbeddedClusterException(
                $"pg_ctl start failed (exit {result.ExitCode}) for {_layout.Data}: {result.Diagnostics}\n" +
                $"Last lines of {_layout.LogFile}:\n{LogTail()}{ReachabilityHint()}");
        }
    }

    private async Task WaitUntilAcceptingConnectionsAsync(CancellationToken cancellationToken)
    {
        var failure = await ClusterConnections.WaitUntilAcceptingAsync(UnpooledConnectionString("postgres"), StartTimeout, cancellationToken)
            .ConfigureAwait(false);
        if (failure is not null)
        {
            throw new EmbeddedClusterException(
                $"The PostgreSQL cluster in {_layout.Data} did not accept connections on {_layout.Sockets} within " +
                $"{StartTimeout.TotalSeconds:0} s: {failure.Message}. Last lines of {_layout.LogFile}:\n{LogTail()}", failure);
        }
    }

    private string LogTail()
    {
        try
        {
            return string.Join('\n', File.ReadLines(_layout.LogFile).TakeLast(20));
        }
        catch (IOException)
        {
            return "(no log)";
        }
        catch (UnauthorizedAccessException)
        {
            return "(the log cannot be read)";
        }
    }

    private string ReachabilityHint() => _account.SystemUser is null
        ? ""
        : $"\nThe server runs as root, so the cluster runs as the system user '{_account.SystemUser}', which must be " +
          $"able to reach {_layout.Root} (every folder above it must be searchable by others; /root is not). " +
          "Set Database:DataDirectory elsewhere if it is not.";

    private static string Seconds(TimeSpan timeout) =>
        Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
