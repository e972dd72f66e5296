using GrpcExports.Server.Database.Migrations;
using GrpcExports.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GrpcExports.Tests.Database;

/// <summary>Schema migrations at start-up: in order, once, all or nothing, and safe when several servers start together.</summary>
public sealed class SchemaMigrationTests
{
    [Fact]
    public async Task AppliesEveryMigrationOnceAndThenNothing()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateDatabaseAsync());
        var migrator = Migrator(dataSource);

        var first = await migrator.ApplyAsync(CancellationToken.None);
        var second = await migrator.ApplyAsync(CancellationToken.None);

        Assert.Equal(MigrationCatalog.All.Select(m => m.Version), first.Select(m => m.Version));
        Assert.Empty(second);
        Assert.Equal(MigrationCatalog.All.Select(m => (m.Version, m.Name)), await AppliedAsync(dataSource));
        Assert.True(await TableExistsAsync(dataSource, "events"));
        Assert.True(await TableExistsAsync(dataSource, "event_streams"));
    }

    [Fact]
    public async Task FourServersStartingTogetherApplyEachMigrationExactlyOnce()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        // A slow first migration holds the lock while the others arrive, so they really wait on it.
        IReadOnlyList<Migration> migrations =
        [
            new(1, "slow", "SELECT pg_sleep(0.3); CREATE TABLE first_table (id int)"),
            new(2, "second", "CREATE TABLE second_table (id int)"),
            new(3, "third", "ALTER TABLE second_table ADD COLUMN name text"),
        ];
        var dataSources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();
        try
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var runs = dataSources.Select(async dataSource =>
            {
                await start.Task;
                return await Migrator(dataSource).ApplyAsync(migrations, CancellationToken.None);
            }).ToList();
            start.SetResult();
            var applied = await Task.WhenAll(runs);

            Assert.Equal([1, 2, 3], applied.SelectMany(run => run).Select(m => m.Version).Order());
            Assert.Equal(migrations.Select(m => (m.Version, m.Name)), await AppliedAsync(dataSources[0]));
        }
        finally
        {
            foreach (var dataSource in dataSources)
            {
                await dataSource.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task TheRealMigrationsAreSafeWhenFourServersStartTogether()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var dataSources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();
        try
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var runs = dataSources.Select(async dataSource =>
            {
                await start.Task;
                return await Migrator(dataSource).ApplyAsync(CancellationToken.None);
            }).ToList();
            start.SetResult();
            var applied = await Task.WhenAll(runs);

            Assert.Equal(MigrationCatalog.All.Select(m => m.Version), applied.SelectMany(run => run).Select(m => m.Version).Order());
            Assert.Equal(MigrationCatalog.All.Select(m => (m.Version, m.Name)), await AppliedAsync(dataSources[0]));
        }
        finally
        {
            foreach (var dataSource in dataSources)
            {
                await dataSource.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task AFailingMigrationLeavesNothingBehind()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateDatabaseAsync());
        IReadOnlyList<Migration> migrations =
        [
            new(1, "good", "CREATE TABLE good_table (id int)"),
            new(2, "broken", "CREATE TABLE broken_table (id no_such_type)"),
        ];

        await Assert.ThrowsAsync<PostgresException>(() => Migrator(dataSource).ApplyAsync(migrations, CancellationToken.None));

        Assert.False(await TableExistsAsync(dataSource, "good_table"));
        Assert.False(await TableExistsAsync(dataSource, "schema_migrations"));
    }

    [Fact]
    public async Task ADatabaseThatIsNotUtf8IsRefusedWithTheReason()
    {
        await using (var maintenance = NpgsqlDataSource.Create(await TestPostgres.MaintenanceConnectionStringAsync()))
        {
            await using var create = maintenance.CreateCommand("CREATE DATABASE latin1_database ENCODING 'LATIN1' TEMPLATE template0");
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(await TestPostgres.MaintenanceConnectionStringAsync()) { Database = "latin1_database" };
        await using var dataSource = NpgsqlDataSource.Create(connectionString.ConnectionString);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator(dataSource).ApplyAsync(CancellationToken.None));

        Assert.Contains("UTF8", error.Message);
        Assert.Contains("LATIN1", error.Message);
    }

    [Fact]
    public void TheCatalogStartsAtOneWithoutGapsAndHoldsTheEventStore()
    {
        Assert.Equal(Enumerable.Range(1, MigrationCatalog.All.Count), MigrationCatalog.All.Select(m => m.Version));
        Assert.Equal("event_store", MigrationCatalog.All[0].Name);
        Assert.Contains("events_stream_version_key", MigrationCatalog.All[0].Sql);
    }

    [Theory]
    [InlineData("Migrations/0001_a.sql", "Migrations/0003_c.sql")]
    [InlineData("Migrations/0001_a.sql", "Migrations/0001_b.sql")]
    [InlineData("Migrations/0002_b.sql")]
    [InlineData("Migrations/1_a.sql")]
    [InlineData("Migrations/0001-a.sql")]
    public void TheCatalogRefusesGapsRepeatsAndBadNames(params string[] resourceNames)
    {
        Assert.Throws<InvalidOperationException>(() => MigrationCatalog.Order(resourceNames.Select(name => (name, "SELECT 1"))));
    }

    [Fact]
    public void TheCatalogOrdersByVersion()
    {
        var ordered = MigrationCatalog.Order([("Migrations/0002_second.sql", "2"), ("Migrations/0001_first.sql", "1")]);

        Assert.Equal([(1, "first", "1"), (2, "second", "2")], ordered.Select(m => (m.Version, m.Name, m.Sql)));
    }

    private static SchemaMigrator Migrator(NpgsqlDataSource dataSource) => new(dataSource, NullLogger<SchemaMigrator>.Instance);

    private static async Task<List<(int, string)>> AppliedAsync(NpgsqlDataSource dataSource)
    {
        var applied = new List<(int, string)>();
        await using var command = dataSource.CreateCommand("SELECT version, name FROM schema_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            applied.Add((reader.GetInt32(0), reader.GetString(1)));
        }
        return applied;
    }

    private static async Task<bool> TableExistsAsync(NpgsqlDataSource dataSource, string table)
    {
        await using var command = dataSource.CreateCommand("SELECT to_regclass(@table) IS NOT NULL");
        command.Parameters.AddWithValue("table", table);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
