using Microsoft.Extensions.Logging;
using Npgsql;

namespace GrpcExports.Server.Database.Migrations;

/// <summary>
/// Brings the database's schema up to this build's migrations at start-up. Everything happens in one transaction that
/// first takes a transaction-level advisory lock, so servers starting together against one database wait for each
/// other: the first applies what is missing, the others then find it applied. A failed migration rolls back whole.
/// The table <c>schema_migrations</c> records each applied version. Migrations therefore must not use statements
/// that cannot run inside a transaction (CREATE INDEX CONCURRENTLY, ALTER TYPE ... ADD VALUE before PostgreSQL 12).
/// </summary>
internal sealed class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    /// <summary>The advisory lock every GrpcExports version takes to migrate: "GrpcExpM" in ASCII.</summary>
    public const long AdvisoryLockKey = 0x4772_7063_4578_704D;

    private const string CreateMigrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer     PRIMARY KEY,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    /// <summary>Applies this build's missing migrations; returns those it applied (none when the schema is current).</summary>
    public Task<IReadOnlyList<Migration>> ApplyAsync(CancellationToken cancellationToken) =>
        ApplyAsync(MigrationCatalog.All, cancellationToken);

    public async Task<IReadOnlyList<Migration>> ApplyAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await RequireUtf8Async(connection, cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            command.Parameters.AddWithValue("key", AdvisoryLockKey);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await ExecuteAsync(connection, transaction, CreateMigrationsTable, cancellationToken).ConfigureAwait(false);
        var applied = await ReadAppliedVersionsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

        var pending = migrations.Where(migration => !applied.Contains(migration.Version)).ToList();
        foreach (var migration in pending)
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES (@version, @name)", connection, transaction);
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("name", migration.Name);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        var newest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        var unknown = applied.Where(version => version > newest).Order().ToList();
        if (unknown.Count > 0)
        {
            logger.LogWarning("The database has schema versions this build does not know ({Versions}): a newer server migrated it.",
                string.Join(", ", unknown));
        }
        foreach (var migration in pending)
        {
            logger.LogInformation("Applied schema migration {Version} ({Name}).", migration.Version, migration.Name);
        }
        return pending;
    }

    /// <summary>The editor state is stored as JSON text exactly as sent: the database must hold any Unicode text.</summary>
    private static async Task RequireUtf8Async(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SHOW server_encoding", connection);
        var encoding = (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (!string.Equals(encoding, "UTF8", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Database '{connection.Database}' uses the encoding {encoding}; GrpcExports needs UTF8 (CREATE DATABASE ... ENCODING 'UTF8' TEMPLATE template0).");
        }
    }

    private static async Task<HashSet<int>> ReadAppliedVersionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        var versions = new HashSet<int>();
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(reader.GetInt32(0));
        }
        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
