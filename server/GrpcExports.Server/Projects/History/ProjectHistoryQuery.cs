using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Database;
using GrpcExports.Server.EditorState.JsonPatch;
using GrpcExports.Server.Projects.Storage;
using Npgsql;

namespace GrpcExports.Server.Projects.History;

/// <summary>
/// One page of a project's events as history entries, newest or oldest first, optionally only some types, from a
/// version on (keyset on the stream version, so events appended meanwhile never shift a page).
/// </summary>
internal sealed class ProjectHistoryQuery(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        SELECT version, event_type, data::text, actor_user_id, actor_api_key_id, actor_api_key_name, client_info, recorded_at
        FROM events
        WHERE stream_id = @id AND (@all_types OR event_type = ANY(@types))
        """;

    // Two statements rather than one with CASE, so that both walk events_stream_version_key in index order.
    private const string OldestFirst = Columns + " AND version >= @from ORDER BY version LIMIT @limit";
    private const string NewestFirst = Columns + " AND version <= @from ORDER BY version DESC LIMIT @limit";

    private const int MaxUserAgentLength = 256;

    /// <summary>
    /// Up to <paramref name="pageSize"/> events from version <paramref name="fromVersion"/> on, in the direction asked,
    /// and the version the next page starts at (null on the last page). <paramref name="types"/> null means all.
    /// </summary>
    public Task<(IReadOnlyList<ProjectEvent> Events, long? NextVersion)> ReadPageAsync(Guid projectId, bool oldestFirst, long fromVersion,
        string[]? types, int pageSize, CancellationToken cancellationToken) =>
        DatabaseFailures.TranslateAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(oldestFirst ? OldestFirst : NewestFirst, connection);
            command.Parameters.Add(new NpgsqlParameter<Guid>("id", projectId));
            command.Parameters.Add(new NpgsqlParameter<bool>("all_types", types is null));
            command.Parameters.Add(new NpgsqlParameter<string[]>("types", types ?? []));
            command.Parameters.Add(new NpgsqlParameter<long>("from", fromVersion));
            command.Parameters.Add(new NpgsqlParameter<int>("limit", pageSize + 1));
            var events = new List<ProjectEvent>(pageSize + 1);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    events.Add(ToEvent(reader));
                }
            }
            if (events.Count <= pageSize)
            {
                return ((IReadOnlyList<ProjectEvent>)events, (long?)null);
            }
            var next = events[pageSize].Version;
            events.RemoveAt(pageSize);
            return (events, next);
        });

    private static ProjectEvent ToEvent(NpgsqlDataReader reader)
    {
        var eventType = reader.GetString(1);
        var dataText = reader.GetString(2);
        var data = JsonNodes.Parse(dataText) as JsonObject ?? [];
        var sizeBytes = Encoding.UTF8.GetByteCount(dataText);
        var userAgent = Text(reader, 6);
        var entry = new ProjectEvent
        {
            Version = reader.GetInt64(0),
            Type = HistoryEventTypes.ToContract(eventType),
            CreateTime = Timestamp.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(7)),
            Actor = new Actor
            {
                UserId = Text(reader, 3),
                ApiKeyId = Text(reader, 4),
                ApiKeyName = Text(reader, 5),
                UserAgent = userAgent.Length <= MaxUserAgentLength ? userAgent : userAgent[..MaxUserAgentLength],
            },
            Summary = EventSummary.Describe(eventType, data, sizeBytes),
            SizeBytes = sizeBytes,
            StateChanged = ProjectEventData.ChangesState(eventType),
        };
        if (eventType == ProjectEventData.Reverted && data["restoredVersion"] is { } restored)
        {
            entry.RestoredVersion = restored.GetValue<long>();
        }
        if (data[ProjectEventData.ExportIdKey] is { } exportId)
        {
            entry.ExportId = exportId.GetValue<string>();
        }
        if (eventType == ProjectEventData.Created && data["clonedFrom"] is JsonObject source)
        {
            entry.ClonedFrom = new ProjectVersionRef { ProjectId = source["projectId"]!.GetValue<string>(), Version = source["version"]!.GetValue<long>() };
        }
        return entry;
    }

    private static string Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? "" : reader.GetString(ordinal);
}
