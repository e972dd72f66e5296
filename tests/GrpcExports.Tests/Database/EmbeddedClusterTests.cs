using System.Diagnostics;
using GrpcExports.Server.Database.Embedded;
using GrpcExports.Tests.Support;
using Npgsql;

namespace GrpcExports.Tests.Database;

/// <summary>The private cluster's life: initialise, start, stop, restart on the same data, and start again after crashes.</summary>
public sealed class EmbeddedClusterTests : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    private readonly TemporaryDirectory _directory = new();

    private string Root => Path.Combine(_directory.Path, "postgresql");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task StartsStopsAndRestartsWithTheSameData()
    {
        await using (var cluster = TestPostgres.NewCluster(Root))
        {
            await cluster.StartAsync(CancellationToken.None);
            await cluster.EnsureDatabaseAsync("app", CancellationToken.None);
            await ExecuteAsync(cluster, "app", "CREATE TABLE marker (value text); INSERT INTO marker VALUES ('kept')");

            Assert.Equal("", await QueryAsync<string>(cluster, "postgres", "SHOW listen_addresses"));
            Assert.Equal("UTF8", await QueryAsync<string>(cluster, "app", "SHOW server_encoding"));
            if (OperatingSystem.IsLinux())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(cluster.Layout.Sockets));
            }
            if (Environment.IsPrivilegedProcess)
            {
                Assert.Equal("postgres", cluster.SystemUser);
                Assert.Equal("postgres", await OwnerOfAsync(cluster.Layout.Data));
            }

            await cluster.StopAsync(CancellationToken.None);
            Assert.False(File.Exists(cluster.Layout.PostmasterPidFile));
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => QueryAsync<int>(cluster, "postgres", "SELECT 1"));
        }

        await using var restarted = TestPostgres.NewCluster(Root);
        await restarted.StartAsync(CancellationToken.None);
        await restarted.EnsureDatabaseAsync("app", CancellationToken.None);
        Assert.Equal("kept", await QueryAsync<string>(restarted, "app", "SELECT value FROM marker"));
    }

    [Fact]
    public async Task StartsAfterTheWholeClusterWasKilledAndKeepsWhatWasCommitted()
    {
        // Durable settings: with synchronous_commit off a commit may still sit in memory when the processes die.
        await using var cluster = TestPostgres.NewCluster(Root, durable: true);
        await cluster.StartAsync(CancellationToken.None);
        await ExecuteAsync(cluster, "postgres", "CREATE TABLE marker (value text); INSERT INTO marker VALUES ('committed')");
        var postmaster = ReadPostmasterProcessId(cluster.Layout);

        // Like a power cut for the processes (not for the disk): the postmaster and every backend die at once.
        await KillProcessTreeAsync(postmaster);
        Assert.True(File.Exists(cluster.Layout.PostmasterPidFile), "a killed postmaster leaves its pid file behind");

        await using var restarted = TestPostgres.NewCluster(Root, durable: true);
        await restarted.StartAsync(CancellationToken.None);
        Assert.Equal("committed", await QueryAsync<string>(restarted, "postgres", "SELECT value FROM marker"));
        Assert.NotEqual(postmaster, ReadPostmasterProcessId(restarted.Layout));
    }

    [Fact]
    public async Task StartsWhenThePidFileNamesALiveProcessThatIsNotPostgres()
    {
        await using (var cluster = TestPostgres.NewCluster(Root))
        {
            await cluster.StartAsync(CancellationToken.None);
            await cluster.StopAsync(CancellationToken.None);
        }
        var layout = new ClusterLayout(Root);
        // After a reboot the old postmaster's id may belong to anything; here it is this test process. PostgreSQL
        // alone would refuse to start ("lock file already exists").
        var staleLock = $"{Environment.ProcessId}\n{layout.Data}\n";
        File.WriteAllText(layout.PostmasterPidFile, staleLock);
        File.WriteAllText(layout.SocketLockFile, staleLock);

        await using var restarted = TestPostgres.NewCluster(Root);
        await restarted.StartAsync(CancellationToken.None);

        Assert.Equal(1, await QueryAsync<int>(restarted, "postgres", "SELECT 1"));
        Assert.NotEqual(Environment.ProcessId, ReadPostmasterProcessId(layout));
    }

    [Fact]
    public async Task AdoptsAPostmasterLeftRunningByAServerThatWasKilledAndStopsIt()
    {
        // Disposed last: by then the next instance has stopped the postmaster, and this one's stop finds nothing to do.
        await using var abandoned = TestPostgres.NewCluster(Root);
        await abandoned.StartAsync(CancellationToken.None);
        var postmaster = ReadPostmasterProcessId(abandoned.Layout);

        await using (var next = TestPostgres.NewCluster(Root))
        {
            await next.StartAsync(CancellationToken.None);
            Assert.Equal(postmaster, ReadPostmasterProcessId(next.Layout));
            Assert.Equal(1, await QueryAsync<int>(next, "postgres", "SELECT 1"));
        }

        Assert.False(File.Exists(abandoned.Layout.PostmasterPidFile));
    }

    [Fact]
    public async Task AnInterruptedInitdbIsStartedOver()
    {
        var layout = new ClusterLayout(Root);
        // initdb writes PG_VERSION early: a half-built cluster has one too.
        Directory.CreateDirectory(layout.DataBeingInitialized);
        File.WriteAllText(Path.Combine(layout.DataBeingInitialized, "PG_VERSION"), "15\n");

        await using var cluster = TestPostgres.NewCluster(Root);
        await cluster.StartAsync(CancellationToken.None);

        Assert.Equal(1, await QueryAsync<int>(cluster, "postgres", "SELECT 1"));
        Assert.False(Directory.Exists(layout.DataBeingInitialized));
        Assert.True(layout.IsInitialized);
    }

    private static int ReadPostmasterProcessId(ClusterLayout layout) => int.Parse(File.ReadLines(layout.PostmasterPidFile).First());

    private static async Task<T> QueryAsync<T>(EmbeddedCluster cluster, string database, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cluster.ConnectionString(database)) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(EmbeddedCluster cluster, string database, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cluster.ConnectionString(database)) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> OwnerOfAsync(string path)
    {
        var result = await ClusterCommand.RunAsync(new ProcessStartInfo("stat") { ArgumentList = { "-c", "%U", path } }, CancellationToken.None);
        return result.Output.Trim();
    }

    /// <summary>SIGKILLs the process and its children together, and waits until all of them are gone.</summary>
    private static async Task KillProcessTreeAsync(int processId)
    {
        int[] tree = [processId, .. ChildrenOf(processId)];
        foreach (var id in tree)
        {
            try
            {
                using var process = Process.GetProcessById(id);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
        using var guard = new CancellationTokenSource(HangGuard);
        while (tree.Any(id => Directory.Exists($"/proc/{id}") && !IsZombie(id)))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), guard.Token);
        }
    }

    private static IEnumerable<int> ChildrenOf(int parentId) => Directory.EnumerateDirectories("/proc")
        .Select(Path.GetFileName)
        .Where(name => name!.All(char.IsAsciiDigit))
        .Select(name => int.Parse(name!))
        .Where(id => ParentOf(id) == parentId)
        .ToList();

    private static int? ParentOf(int processId) => ReadStatFields(processId) is { Length: > 1 } fields ? int.Parse(fields[1]) : null;

    private static bool IsZombie(int processId) => ReadStatFields(processId) is { Length: > 0 } fields && fields[0] is "Z" or "X";

    /// <summary>The fields of /proc/PID/stat after "PID (comm)": state, parent id, ...</summary>
    private static string[]? ReadStatFields(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}
