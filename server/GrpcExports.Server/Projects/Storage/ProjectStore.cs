using System.Text;
using GrpcExports.Server.Database;
using GrpcExports.Server.EditorState.JsonPatch;
using GrpcExports.Server.Events;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GrpcExports.Server.Projects.Storage;

/// <summary>
/// Projects as event streams plus the projection table projects, written in one transaction. The latest state is
/// read from the projection alone; a sync locks the projection row, checks the expected state version, and appends a
/// patch against the previous state (or, every <see cref="ProjectOptions.SnapshotEvery"/> versions, the full state).
/// </summary>
internal sealed class ProjectStore(NpgsqlDataSource dataSource, EventStore events, IOptions<ProjectOptions> options)
{
    private readonly int _snapshotEvery = Math.Max(1, options.Value.SnapshotEvery);

    public Task<ProjectRow> CreateAsync(string ownerId, string title, string description, string folderId, string editorStateJson,
        EventMetadata metadata, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            var projectId = Guid.NewGuid();
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var appended = await events.AppendAsync(transaction, projectId, ProjectEventData.StreamType, 0,
                [new NewEvent(ProjectEventData.Created, ProjectEventData.CreatedData(title, description, folderId, editorStateJson))],
                metadata, cancellationToken).ConfigureAwait(false);
            var row = new ProjectRow(projectId, ownerId, title, description, folderId, appended.Version, appended.Version,
                editorStateJson, CompactSize(editorStateJson), appended.Version, appended.RecordedAt, appended.RecordedAt, appended.RecordedAt);
            await ProjectRows.InsertAsync(transaction, row, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return row;
        });

    /// <summary>The caller's live project from the projection (no events read), or null.</summary>
    public Task<ProjectRow?> GetLatestAsync(Guid projectId, string ownerId, bool includeState, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await ProjectRows.ReadAsync(connection, null, projectId, ownerId, includeState, forUpdate: false, cancellationToken)
                .ConfigureAwait(false);
        });

    /// <summary>
    /// The project as it was right after <paramref name="version"/> (1..current), rebuilt from the nearest full state
    /// plus patches. Title, description and folder are the current ones (nothing changes them after creation yet).
    /// </summary>
    public Task<ProjectRow> GetAtVersionAsync(ProjectRow latest, long version, bool includeState, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var (json, stateVersion, stateTime, eventTime) = await StateHistory.ReadAsync(connection, latest.ProjectId, version, cancellationToken)
                .ConfigureAwait(false);
            return latest with
            {
                Version = version,
                StateVersion = stateVersion,
                EditorStateJson = includeState ? json : null,
                EditorStateSizeBytes = CompactSize(json),
                UpdatedAt = eventTime,
                StateUpdatedAt = stateTime,
            };
        });

    /// <summary>The version of the project's last event at or before <paramref name="time"/>; 0 when it did not exist yet.</summary>
    public Task<long> VersionAtAsync(Guid projectId, DateTimeOffset time, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await StateHistory.VersionAtAsync(connection, projectId, time, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>
    /// Replaces the editor state. Null when the caller has no such live project. ABORTED STALE_STATE_VERSION when
    /// <paramref name="expectedStateVersion"/> is set (not 0) and is not the current state version.
    /// </summary>
    public Task<SyncOutcome?> SyncAsync(Guid projectId, string ownerId, long expectedStateVersion, string editorStateJson,
        EventMetadata metadata, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var current = await ProjectRows.ReadAsync(connection, transaction, projectId, ownerId, includeState: true, forUpdate: true,
                cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return null;
            }
            if (expectedStateVersion != 0 && expectedStateVersion != current.StateVersion)
            {
                throw StaleStreamVersion.Error(projectId, expectedStateVersion, current.StateVersion);
            }
            if (string.Equals(current.EditorStateJson, editorStateJson, StringComparison.Ordinal))
            {
                return new SyncOutcome(current.Version, current.StateVersion, current.StateUpdatedAt, Unchanged: true, StoredBytes: 0);
            }
            var newVersion = current.Version + 1;
            var isSnapshot = newVersion - current.SnapshotVersion >= _snapshotEvery;
            var data = isSnapshot
                ? ProjectEventData.SnapshotData(editorStateJson)
                : ProjectEventData.PatchData(JsonDiff.Diff(JsonNodes.Parse(current.EditorStateJson!), JsonNodes.Parse(editorStateJson)));
            var appended = await events.AppendAsync(transaction, projectId, ProjectEventData.StreamType, current.Version,
                [new NewEvent(ProjectEventData.Synced, data)], metadata, cancellationToken).ConfigureAwait(false);
            var updated = current with
            {
                Version = appended.Version,
                StateVersion = appended.Version,
                EditorStateJson = editorStateJson,
                EditorStateSizeBytes = CompactSize(editorStateJson),
                SnapshotVersion = isSnapshot ? appended.Version : current.SnapshotVersion,
                UpdatedAt = appended.RecordedAt,
                StateUpdatedAt = appended.RecordedAt,
            };
            await ProjectRows.UpdateStateAsync(transaction, updated, isSnapshot, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new SyncOutcome(appended.Version, appended.Version, appended.RecordedAt, Unchanged: false, Encoding.UTF8.GetByteCount(data));
        });

    /// <summary>The size of the document as compact UTF-8 JSON.</summary>
    private static long CompactSize(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer,
                   new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }
        return buffer.Length;
    }
}
