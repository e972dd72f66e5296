using System.Text;
using System.Text.Json.Nodes;
using GrpcExports.Server.Assets.InUse;
using GrpcExports.Server.Database;
using GrpcExports.Server.EditorState.JsonPatch;
using GrpcExports.Server.Events;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GrpcExports.Server.Projects.Storage;

/// <summary>
/// Projects as event streams plus the projection table projects. The latest state is read from the projection alone.
/// Every write runs in the caller's transaction (so an idempotency record can commit with it), locks the projection
/// row, appends its event at the row's version and updates the row. A replaced editor state is stored as a patch
/// against the previous one, or every <see cref="ProjectOptions.SnapshotEvery"/> versions as the full state. Each
/// document is parsed once per write: the previous state usually comes parsed from <see cref="LatestStateCache"/>.
/// The uploaded assets a saved state names are recorded in the same transaction (<see cref="ProjectAssetReferences"/>).
/// </summary>
internal sealed class ProjectStore(NpgsqlDataSource dataSource, EventStore events, LatestStateCache stateCache, IOptions<ProjectOptions> options)
{
    private readonly int _snapshotEvery = Math.Max(1, options.Value.SnapshotEvery);

    /// <summary>A new project at version 1; <paramref name="clonedFrom"/> records the version it was copied from.</summary>
    public Task<ProjectRow> CreateAsync(NpgsqlTransaction transaction, string ownerId, string title, string description,
        string folderId, string editorStateJson, ProjectVersionPointer? clonedFrom, EventMetadata metadata, CancellationToken cancellationToken) =>
        StartAsync(transaction, ownerId, title, description, folderId, editorStateJson, clonedFrom, ProjectEventData.Created,
            ProjectEventData.CreatedData(title, description, folderId, editorStateJson, clonedFrom), metadata, cancellationToken);

    /// <summary>A new project at version 1 from a project file (event ProjectImported).</summary>
    public Task<ProjectRow> ImportAsync(NpgsqlTransaction transaction, string ownerId, string title, string description,
        string folderId, string editorStateJson, ImportSource source, EventMetadata metadata, CancellationToken cancellationToken) =>
        StartAsync(transaction, ownerId, title, description, folderId, editorStateJson, clonedFrom: null, ProjectEventData.Imported,
            ProjectEventData.ImportedData(title, description, folderId, editorStateJson, source), metadata, cancellationToken);

    private async Task<ProjectRow> StartAsync(NpgsqlTransaction transaction, string ownerId, string title, string description,
        string folderId, string editorStateJson, ProjectVersionPointer? clonedFrom, string eventType, string data, EventMetadata metadata,
        CancellationToken cancellationToken)
    {
        var projectId = Guid.NewGuid();
        var document = JsonNodes.Parse(editorStateJson);
        var compactSize = CompactJsonSize.Of(document);
        var appended = await events.AppendAsync(transaction, projectId, ProjectEventData.StreamType, 0,
            [new NewEvent(eventType, data)], metadata, cancellationToken).ConfigureAwait(false);
        var row = new ProjectRow(projectId, ownerId, title, description, folderId, appended.Version, appended.Version,
            editorStateJson, compactSize, appended.Version, appended.RecordedAt, appended.RecordedAt, appended.RecordedAt,
            clonedFrom);
        await ProjectRows.InsertAsync(transaction, row, cancellationToken).ConfigureAwait(false);
        await ProjectAssetReferences.RecordAsync(transaction, projectId, appended.Version, document, cancellationToken).ConfigureAwait(false);
        stateCache.Remember(projectId, appended.Positions[0], editorStateJson, document, compactSize);
        return row;
    }

    /// <summary>The caller's live project from the projection (no events read), or null.</summary>
    public Task<ProjectRow?> GetLatestAsync(Guid projectId, string ownerId, bool includeState, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await ProjectRows.ReadAsync(connection, null, projectId, ownerId, includeState, forUpdate: false, cancellationToken)
                .ConfigureAwait(false);
        });

    /// <summary>
    /// The project as it was right after <paramref name="version"/> (1..current): its editor state rebuilt from the
    /// nearest full state plus patches, its title, description and folder from the metadata events up to it.
    /// </summary>
    public Task<ProjectRow> GetAtVersionAsync(ProjectRow latest, long version, bool includeState, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await ReadAtVersionAsync(connection, latest, version, includeState, cancellationToken).ConfigureAwait(false);
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
    public async Task<SyncOutcome?> SyncAsync(NpgsqlTransaction transaction, Guid projectId, string ownerId, long expectedStateVersion,
        string editorStateJson, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var cached = stateCache.Find(projectId);
        var current = await ProjectRows.LockForStateChangeAsync(transaction, projectId, ownerId, cached?.EventPosition ?? 0, cancellationToken)
            .ConfigureAwait(false);
        if (current is null)
        {
            return null;
        }
        CheckExpectedStateVersion(current, expectedStateVersion);
        // No state text came back exactly when the cached state is the current one (the same event set it).
        var previousJson = current.EditorStateJson ?? cached!.Json;
        if (string.Equals(previousJson, editorStateJson, StringComparison.Ordinal))
        {
            return new SyncOutcome(current.Version, current.StateVersion, current.StateUpdatedAt, Unchanged: true, StoredBytes: 0);
        }
        var previousDocument = IsSnapshotDue(current) ? null
            : current.EditorStateJson is null ? cached!.Document : JsonNodes.Parse(previousJson);
        var (updated, storedBytes) = await ReplaceStateAsync(transaction, current, previousDocument, expectedStateVersion, editorStateJson,
            JsonNodes.Parse(editorStateJson), ProjectEventData.Synced, restoredVersion: null, metadata, cancellationToken).ConfigureAwait(false);
        return new SyncOutcome(updated.Version, updated.StateVersion, updated.StateUpdatedAt, Unchanged: false, storedBytes);
    }

    /// <summary>
    /// Restores the editor state of <paramref name="version"/> with a new event; nothing is appended when it is the
    /// current state already. Null when the caller has no such live project; NOT_FOUND PROJECT_VERSION_NOT_FOUND
    /// beyond the current version; ABORTED STALE_STATE_VERSION as for a sync.
    /// </summary>
    public async Task<RevertOutcome?> RevertAsync(NpgsqlTransaction transaction, Guid projectId, string ownerId, long version,
        long expectedStateVersion, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var current = await LockAsync(transaction, projectId, ownerId, expectedStateVersion, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return null;
        }
        if (version > current.Version)
        {
            throw ProjectErrors.VersionNotFound(projectId, current.Version, version);
        }
        var (restoredJson, _, _, _) = await StateHistory.ReadAsync(transaction.Connection!, projectId, version, cancellationToken)
            .ConfigureAwait(false);
        var restored = JsonNodes.Parse(restoredJson);
        var currentDocument = JsonNodes.Parse(current.EditorStateJson!);
        if (JsonNodes.AreEqual(restored, currentDocument))
        {
            return new RevertOutcome(current, Unchanged: true);
        }
        var (updated, _) = await ReplaceStateAsync(transaction, current, currentDocument, expectedStateVersion, restoredJson, restored,
            ProjectEventData.Reverted, version, metadata, cancellationToken).ConfigureAwait(false);
        return new RevertOutcome(updated, Unchanged: false);
    }

    /// <summary>
    /// Changes the fields <paramref name="update"/> sets; appends nothing when they already have those values. The
    /// editor state and its version are never touched. Null when the caller has no such live project.
    /// </summary>
    public async Task<ProjectRow?> UpdateMetadataAsync(NpgsqlTransaction transaction, Guid projectId, string ownerId,
        MetadataUpdate update, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var current = await ProjectRows.ReadAsync(transaction.Connection!, transaction, projectId, ownerId, includeState: false,
            forUpdate: true, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return null;
        }
        var changes = update.ChangesFrom(current);
        if (changes.Count == 0)
        {
            return current;
        }
        var appended = await AppendAsync(transaction, current, expectedStateVersion: 0, ProjectEventData.MetadataUpdated,
            ProjectEventData.MetadataUpdatedData(changes), metadata, cancellationToken).ConfigureAwait(false);
        var updated = update.ApplyTo(current) with { Version = appended.Version, UpdatedAt = appended.RecordedAt };
        await ProjectRows.UpdateMetadataAsync(transaction, updated, cancellationToken).ConfigureAwait(false);
        return updated;
    }

    /// <summary>Soft-deletes the project: an event and the projection's flag; its events and rows stay. Null when there is no such live project.</summary>
    public async Task<DateTimeOffset?> DeleteAsync(NpgsqlTransaction transaction, Guid projectId, string ownerId, EventMetadata metadata,
        CancellationToken cancellationToken)
    {
        var current = await ProjectRows.ReadAsync(transaction.Connection!, transaction, projectId, ownerId, includeState: false,
            forUpdate: true, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return null;
        }
        var appended = await AppendAsync(transaction, current, expectedStateVersion: 0, ProjectEventData.Deleted,
            ProjectEventData.DeletedData, metadata, cancellationToken).ConfigureAwait(false);
        await ProjectRows.MarkDeletedAsync(transaction, projectId, appended.Version, appended.RecordedAt, cancellationToken).ConfigureAwait(false);
        return appended.RecordedAt;
    }

    /// <summary>
    /// Appends an export's event (<see cref="ProjectEventData"/>'s Export* types) to the project's stream. It moves the
    /// version only: the state version stays, so autosaves holding it are not made stale, and update_time stays, so an
    /// export does not reorder project listings. False when the owner has no such live project (deleted meanwhile):
    /// nothing is appended then.
    /// </summary>
    public async Task<bool> RecordExportAsync(NpgsqlTransaction transaction, Guid projectId, string ownerId, string eventType, string data,
        EventMetadata metadata, CancellationToken cancellationToken)
    {
        var current = await ProjectRows.ReadAsync(transaction.Connection!, transaction, projectId, ownerId, includeState: false,
            forUpdate: true, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return false;
        }
        var appended = await AppendAsync(transaction, current, expectedStateVersion: 0, eventType, data, metadata, cancellationToken)
            .ConfigureAwait(false);
        await ProjectRows.UpdateVersionAsync(transaction, projectId, appended.Version, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task<ProjectRow> ReadAtVersionAsync(NpgsqlConnection connection, ProjectRow latest, long version, bool includeState,
        CancellationToken cancellationToken)
    {
        var (json, stateVersion, stateTime, eventTime) = await StateHistory.ReadAsync(connection, latest.ProjectId, version, cancellationToken)
            .ConfigureAwait(false);
        var (title, description, folderId) = await MetadataHistory.ReadAsync(connection, latest.ProjectId, version, cancellationToken)
            .ConfigureAwait(false);
        return latest with
        {
            Title = title,
            Description = description,
            FolderId = folderId,
            Version = version,
            StateVersion = stateVersion,
            EditorStateJson = includeState ? json : null,
            EditorStateSizeBytes = CompactJsonSize.Of(json),
            UpdatedAt = eventTime,
            StateUpdatedAt = stateTime,
        };
    }

    /// <summary>Locks the caller's live project with its state, checking the expected state version (0: no check).</summary>
    private static async Task<ProjectRow?> LockAsync(NpgsqlTransaction transaction, Guid projectId, string ownerId, long expectedStateVersion,
        CancellationToken cancellationToken)
    {
        var current = await ProjectRows.ReadAsync(transaction.Connection!, transaction, projectId, ownerId, includeState: true,
            forUpdate: true, cancellationToken).ConfigureAwait(false);
        if (current is not null)
        {
            CheckExpectedStateVersion(current, expectedStateVersion);
        }
        return current;
    }

    /// <summary>ABORTED STALE_STATE_VERSION unless <paramref name="expectedStateVersion"/> is 0 (no check) or the current state version.</summary>
    private static void CheckExpectedStateVersion(ProjectRow current, long expectedStateVersion)
    {
        if (expectedStateVersion != 0 && expectedStateVersion != current.StateVersion)
        {
            throw ProjectErrors.StaleStateVersion(current.ProjectId, expectedStateVersion, current.StateVersion, current.Version);
        }
    }

    /// <summary>Whether the next state change stores the full state rather than a patch.</summary>
    private bool IsSnapshotDue(ProjectRow current) => current.Version + 1 - current.SnapshotVersion >= _snapshotEvery;

    /// <summary>
    /// Appends a state change (the patch from <paramref name="previousDocument"/> to <paramref name="document"/>, or the
    /// full state when a snapshot is due; the previous document is not needed then), records it in the projection, and
    /// remembers the new state with its tree for the next change.
    /// </summary>
    private async Task<(ProjectRow Updated, long StoredBytes)> ReplaceStateAsync(NpgsqlTransaction transaction, ProjectRow current,
        JsonNode? previousDocument, long expectedStateVersion, string editorStateJson, JsonNode? document, string eventType, long? restoredVersion,
        EventMetadata metadata, CancellationToken cancellationToken)
    {
        var isSnapshot = IsSnapshotDue(current);
        var data = isSnapshot
            ? ProjectEventData.StateData(editorStateJson, null, restoredVersion)
            : ProjectEventData.StateData(null, JsonDiff.Diff(previousDocument, document), restoredVersion);
        var appended = await AppendAsync(transaction, current, expectedStateVersion, eventType, data, metadata, cancellationToken)
            .ConfigureAwait(false);
        var compactSize = CompactJsonSize.Of(document);
        var updated = current with
        {
            Version = appended.Version,
            StateVersion = appended.Version,
            EditorStateJson = editorStateJson,
            EditorStateSizeBytes = compactSize,
            SnapshotVersion = isSnapshot ? appended.Version : current.SnapshotVersion,
            UpdatedAt = appended.RecordedAt,
            StateUpdatedAt = appended.RecordedAt,
        };
        await ProjectRows.UpdateStateAsync(transaction, updated, isSnapshot, cancellationToken).ConfigureAwait(false);
        await ProjectAssetReferences.RecordAsync(transaction, current.ProjectId, appended.Version, document, cancellationToken).ConfigureAwait(false);
        stateCache.Remember(current.ProjectId, appended.Positions[0], editorStateJson, document, compactSize);
        return (updated, Encoding.UTF8.GetByteCount(data));
    }

    /// <summary>
    /// Appends one event at the locked row's version. The row lock keeps other project writers out, so a conflict
    /// means something appended to the stream without the row; it is answered in the state versions clients hold.
    /// </summary>
    private async Task<AppendResult> AppendAsync(NpgsqlTransaction transaction, ProjectRow current, long expectedStateVersion,
        string eventType, string data, EventMetadata metadata, CancellationToken cancellationToken)
    {
        try
        {
            return await events.AppendAsync(transaction, current.ProjectId, ProjectEventData.StreamType, current.Version,
                [new NewEvent(eventType, data)], metadata, cancellationToken).ConfigureAwait(false);
        }
        catch (StreamVersionConflictException conflict)
        {
            throw ProjectErrors.StaleStateVersion(current.ProjectId, expectedStateVersion == 0 ? current.StateVersion : expectedStateVersion,
                current.StateVersion, conflict.CurrentVersion, conflict);
        }
    }
}
