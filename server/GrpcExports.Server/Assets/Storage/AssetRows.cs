using Google.Protobuf;
using GrpcExports.Protocol.V1;
using Npgsql;
using NpgsqlTypes;

namespace GrpcExports.Server.Assets.Storage;

/// <summary>Reading and writing rows of the assets table.</summary>
internal static class AssetRows
{
    public const string Columns = "asset_id, owner_id, project_id, file_name, media_type, kind, size_bytes, sha256, media, created_at";

    public static AssetRow Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetGuid(2),
        reader.GetString(3),
        reader.GetString(4),
        (AssetKind)reader.GetInt32(5),
        reader.GetInt64(6),
        reader.GetString(7),
        JsonParser.Default.Parse<MediaInfo>(reader.GetString(8)),
        reader.GetFieldValue<DateTimeOffset>(9));

    public static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AssetRow row, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"INSERT INTO assets ({Columns}) VALUES (@id, @owner, @project, @name, @type, @kind, @size, @sha, @media, @created)",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid>("id", row.AssetId));
        command.Parameters.Add(new NpgsqlParameter<string>("owner", row.OwnerId));
        command.Parameters.Add(new NpgsqlParameter("project", NpgsqlDbType.Uuid) { Value = (object?)row.ProjectId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<string>("name", row.FileName));
        command.Parameters.Add(new NpgsqlParameter<string>("type", row.MediaType));
        command.Parameters.Add(new NpgsqlParameter<int>("kind", (int)row.Kind));
        command.Parameters.Add(new NpgsqlParameter<long>("size", row.SizeBytes));
        command.Parameters.Add(new NpgsqlParameter<string>("sha", row.Sha256));
        command.Parameters.Add(new NpgsqlParameter<string>("media", NpgsqlDbType.Jsonb) { TypedValue = JsonFormatter.Default.Format(row.Media) });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("created", row.CreatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
