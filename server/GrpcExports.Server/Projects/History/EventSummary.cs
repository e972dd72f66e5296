using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GrpcExports.Server.Projects.Storage;

namespace GrpcExports.Server.Projects.History;

/// <summary>The one-line summary of a history event (at most 200 characters), computed from its stored data.</summary>
internal static class EventSummary
{
    public const int MaxLength = 200;

    public static string Describe(string eventType, JsonObject data, long sizeBytes)
    {
        var summary = eventType switch
        {
            ProjectEventData.Created when data["clonedFrom"] is JsonObject source =>
                $"cloned from {source["projectId"]} v{source["version"]}",
            ProjectEventData.Created => "created",
            ProjectEventData.Imported when data["importedFrom"] is JsonObject file => $"imported from {file["fileName"]}",
            ProjectEventData.Synced => StateChange(data, sizeBytes),
            ProjectEventData.Reverted => $"reverted to version {data["restoredVersion"]}",
            ProjectEventData.MetadataUpdated => MetadataChange(data),
            ProjectEventData.Deleted => "deleted",
            ProjectEventData.ExportRequested => string.Create(CultureInfo.InvariantCulture,
                $"export {data[ProjectEventData.ExportIdKey]} requested: {Quote(data["name"]?.GetValue<string>())}, version {data["projectVersion"]}, {data["format"]}"),
            ProjectEventData.ExportSucceeded => $"export {data[ProjectEventData.ExportIdKey]} succeeded ({Size(data["sizeBytes"]!.GetValue<long>())})",
            ProjectEventData.ExportFailed => $"export {data[ProjectEventData.ExportIdKey]} failed ({data["reason"]})",
            ProjectEventData.ExportCancelled => $"export {data[ProjectEventData.ExportIdKey]} cancelled",
            _ => eventType,
        };
        return summary.Length <= MaxLength ? summary : summary[..(MaxLength - 3)] + "...";
    }

    private static string StateChange(JsonObject data, long sizeBytes) =>
        data.ContainsKey("snapshot")
            ? string.Create(CultureInfo.InvariantCulture, $"saved the whole editor state (a periodic snapshot, {sizeBytes / 1024.0:0.#} KB)")
            : PatchSummary.Describe(ProjectEventData.Patch(data));

    private static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB");

    private static string MetadataChange(JsonObject data)
    {
        var previous = data["previous"] as JsonObject;
        var parts = new List<string>();
        foreach (var (key, label) in new[] { (ProjectEventData.TitleKey, "title"), (ProjectEventData.FolderKey, "folder") })
        {
            if (data[key] is { } value)
            {
                parts.Add($"{label}: {Quote(previous?[key]?.GetValue<string>())} -> {Quote(value.GetValue<string>())}");
            }
        }
        if (data.ContainsKey(ProjectEventData.DescriptionKey))
        {
            parts.Add("description changed");
        }
        return string.Join(", ", parts);
    }

    private static string Quote(string? text)
    {
        var value = text ?? "";
        return new StringBuilder("'").Append(value.Length <= 40 ? value : value[..37] + "...").Append('\'').ToString();
    }
}
