using GrpcExports.Protocol.Errors;
using GrpcExports.Protocol.V1;
using Npgsql;

namespace GrpcExports.Server.Exports.Jobs;

/// <summary>The columns every read of export_jobs selects, and the record they make.</summary>
internal static class ExportJobRows
{
    public const string Columns = """
        export_id, owner_id, status, name, project_id, project_version, folder_id, options, client_task_id, webhook_url,
        duration_seconds, progress_percent, progress_stage, frames_done, frames_total, render_fps, eta_milliseconds,
        progress_updated_at, lease_owner, attempts, output_path, output_size_bytes, output_sha256, output_width, output_height,
        output_has_audio, skipped_item_ids, error_reason, error_message, created_at, started_at, finished_at
        """;

    public static ExportJob Read(NpgsqlDataReader reader) => new()
    {
        ExportId = reader.GetGuid(0),
        OwnerId = reader.GetString(1),
        Status = ExportStatuses.FromColumn(reader.GetString(2)),
        Name = reader.GetString(3),
        ProjectId = reader.IsDBNull(4) ? null : reader.GetGuid(4),
        ProjectVersion = reader.GetInt64(5),
        FolderId = reader.GetString(6),
        Options = ExportOptions.Parser.ParseFrom(reader.GetFieldValue<byte[]>(7)),
        ClientTaskId = reader.GetString(8),
        WebhookUrl = reader.GetString(9),
        DurationSeconds = reader.GetDouble(10),
        Progress = new ExportJobProgress(
            reader.GetDouble(11),
            (ExportStage)reader.GetInt16(12),
            reader.GetInt64(13),
            reader.GetInt64(14),
            reader.GetDouble(15),
            reader.IsDBNull(16) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(16)),
            reader.IsDBNull(17) ? null : reader.GetFieldValue<DateTimeOffset>(17)),
        LeaseOwner = reader.IsDBNull(18) ? null : reader.GetString(18),
        Attempts = reader.GetInt32(19),
        Output = reader.IsDBNull(20)
            ? null
            : new ExportJobOutput(reader.GetString(20), reader.GetInt64(21), reader.GetString(22), reader.GetInt32(23), reader.GetInt32(24),
                reader.GetBoolean(25)),
        SkippedItemIds = reader.GetFieldValue<string[]>(26),
        ErrorReason = reader.IsDBNull(27) ? null : ErrorReasons.FromWire(reader.GetString(27)),
        ErrorMessage = reader.IsDBNull(28) ? null : reader.GetString(28),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(29),
        StartedAt = reader.IsDBNull(30) ? null : reader.GetFieldValue<DateTimeOffset>(30),
        FinishedAt = reader.IsDBNull(31) ? null : reader.GetFieldValue<DateTimeOffset>(31),
    };

    /// <summary>The rows <paramref name="command"/> returns (it selects <see cref="Columns"/>).</summary>
    public static async Task<List<ExportJob>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var jobs = new List<ExportJob>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            jobs.Add(Read(reader));
        }
        return jobs;
    }
}
