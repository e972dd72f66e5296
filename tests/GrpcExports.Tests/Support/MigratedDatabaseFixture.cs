using GrpcExports.Server.Database.Migrations;
using GrpcExports.Server.Events;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GrpcExports.Tests.Support;

/// <summary>A fresh database on the test run's cluster with the server's schema applied, and an event store over it; one per test class.</summary>
public sealed class MigratedDatabaseFixture : IAsyncLifetime
{
    private NpgsqlDataSource? _dataSource;

    internal NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The database is not ready.");

    internal EventStore Events => new(DataSource);

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await TestPostgres.CreateDatabaseAsync());
        await new SchemaMigrator(_dataSource, NullLogger<SchemaMigrator>.Instance).ApplyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
