using GrpcExports.Protocol.V1;
using GrpcExports.Server.Projects.Storage;

namespace GrpcExports.Server.Projects.History;

/// <summary>The stored event types of a project stream and the contract's ProjectEventType for each.</summary>
internal static class HistoryEventTypes
{
    private static readonly Dictionary<string, ProjectEventType> ByStoredName = new(StringComparer.Ordinal)
    {
        [ProjectEventData.Created] = ProjectEventType.Created,
        [ProjectEventData.Imported] = ProjectEventType.Imported,
        [ProjectEventData.Synced] = ProjectEventType.StateSynced,
        [ProjectEventData.MetadataUpdated] = ProjectEventType.MetadataUpdated,
        [ProjectEventData.Reverted] = ProjectEventType.Reverted,
        [ProjectEventData.ExportRequested] = ProjectEventType.ExportRequested,
        [ProjectEventData.ExportSucceeded] = ProjectEventType.ExportSucceeded,
        [ProjectEventData.ExportFailed] = ProjectEventType.ExportFailed,
        [ProjectEventData.ExportCancelled] = ProjectEventType.ExportCancelled,
    };

    /// <summary>The contract's type of a stored event; UNSPECIFIED for types it has no name for.</summary>
    public static ProjectEventType ToContract(string storedName) =>
        ByStoredName.TryGetValue(storedName, out var type) ? type : ProjectEventType.Unspecified;

    /// <summary>The stored names of the requested types (types nothing is stored as yet match no event).</summary>
    public static string[] StoredNames(IEnumerable<ProjectEventType> types)
    {
        var wanted = types.ToHashSet();
        return ByStoredName.Where(pair => wanted.Contains(pair.Value)).Select(pair => pair.Key).Order(StringComparer.Ordinal).ToArray();
    }
}
