using GrpcExports.Server.Events;
using GrpcExports.Tests.Support;
using Npgsql;
using static GrpcExports.Tests.Events.EventStoreAssertions;

namespace GrpcExports.Tests.Events;

/// <summary>
/// Concurrent appends with the same expected version, on separate connections: exactly one wins, every other one is
/// ABORTED / STALE_STATE_VERSION, including when both got past the version check and the unique key stopped the second.
/// </summary>
public sealed class EventStoreConcurrencyTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    private EventStore Store => database.Events;

    [Theory]
    [InlineData(0L)]
    [InlineData(3L)]
    public async Task WhenBothAppendsPassTheCheckTheUniqueKeyStopsTheSecondAsStale(long expectedVersion)
    {
        var streamId = Guid.NewGuid();
        if (expectedVersion > 0)
        {
            await AppendCommittedAsync(database.DataSource, Store, streamId, 0, SampleEvents((int)expectedVersion));
        }
        await using var winnerConnection = await database.DataSource.OpenConnectionAsync();
        await using var winner = await winnerConnection.BeginTransactionAsync();
        await using var loserConnection = await database.DataSource.OpenConnectionAsync();
        await using var loser = await loserConnection.BeginTransactionAsync();

        // The winner appends but has not committed: the loser's check still sees the old version and passes.
        await Store.AppendAsync(winner, streamId, "project", expectedVersion, [new NewEvent("Synced", """{"by":"winner"}""")], EventMetadata.None);
        var losing = Store.AppendAsync(loser, streamId, "project", expectedVersion, [new NewEvent("Synced", """{"by":"loser"}""")], EventMetadata.None);
        await WaitUntilWaitingForALockAsync(loserConnection.ProcessID, losing);
        await winner.CommitAsync();

        var error = await Assert.ThrowsAsync<StreamVersionConflictException>(() => losing);

        AssertStale(error, streamId, expectedVersion, currentVersion: expectedVersion + 1);
        var cause = Assert.IsType<PostgresException>(error.InnerException);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, cause.SqlState);
        Assert.Equal(StreamAppend.VersionConstraint, cause.ConstraintName);

        // Only the append was undone: the loser's transaction is still usable.
        await using (var stillUsable = new NpgsqlCommand("SELECT 1", loserConnection, loser))
        {
            Assert.Equal(1, await stillUsable.ExecuteScalarAsync());
        }
        await loser.CommitAsync();
        var events = (await Store.ReadStreamAsync(streamId, ReadDirection.Backward, long.MaxValue, 1)).Events;
        Assert.Equal((expectedVersion + 1, """{"by":"winner"}"""), (events[0].Version, events[0].Data));
        Assert.Equal(expectedVersion + 1, await Store.GetVersionAsync(streamId));
    }

    [Fact]
    public async Task ManyWritersRacingForEachVersionLoseNothingAndLeaveNoGaps()
    {
        const int Writers = 6;
        const int TargetVersion = 30;
        var streamId = Guid.NewGuid();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var writers = Enumerable.Range(0, Writers).Select(async writer =>
        {
            await start.Task;
            var (appended, aborted) = (0, 0);
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var version = await Store.GetVersionAsync(streamId);
                if (version >= TargetVersion)
                {
                    break;
                }
                try
                {
                    await AppendCommittedAsync(database.DataSource, Store, streamId, version,
                        new NewEvent("Synced", $$"""{"writer":{{writer}},"attempt":{{attempt}}}"""));
                    appended++;
                }
                catch (StreamVersionConflictException)
                {
                    aborted++;
                }
            }
            return (appended, aborted);
        }).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(writers).WaitAsync(HangGuard);

        Assert.Equal(TargetVersion, outcomes.Sum(outcome => outcome.appended));
        Assert.Equal(TargetVersion, await Store.GetVersionAsync(streamId));
        var events = (await Store.ReadStreamAsync(streamId, ReadDirection.Forward, 1, 100)).Events;
        Assert.Equal(Enumerable.Range(1, TargetVersion).Select(v => (long)v), events.Select(e => e.Version));
        Assert.Equal(events.Select(e => e.Position).Order(), events.Select(e => e.Position));
        Assert.Equal(events.Select(e => e.RecordedAt).Order(), events.Select(e => e.RecordedAt));
    }

    /// <summary>Waits until the backend is blocked on a lock: it got past the version check and is writing.</summary>
    private async Task WaitUntilWaitingForALockAsync(int backendProcessId, Task append)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        while (true)
        {
            Assert.False(append.IsCompleted, "the second append finished before it had to wait for the first");
            await using var command = database.DataSource.CreateCommand("SELECT wait_event_type FROM pg_stat_activity WHERE pid = @pid");
            command.Parameters.AddWithValue("pid", backendProcessId);
            if (await command.ExecuteScalarAsync(guard.Token) is "Lock")
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(10), guard.Token);
        }
    }
}
