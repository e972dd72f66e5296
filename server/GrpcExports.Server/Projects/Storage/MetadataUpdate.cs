namespace GrpcExports.Server.Projects.Storage;

/// <summary>New values for the metadata fields an UpdateProject mask names; null leaves a field as it is.</summary>
internal sealed record MetadataUpdate(string? Title, string? Description, string? FolderId)
{
    /// <summary>The fields whose value would change, as (event data key, old value, new value).</summary>
    public IReadOnlyList<(string Key, string Old, string New)> ChangesFrom(ProjectRow current)
    {
        var changes = new List<(string, string, string)>();
        Add(ProjectEventData.TitleKey, current.Title, Title);
        Add(ProjectEventData.DescriptionKey, current.Description, Description);
        Add(ProjectEventData.FolderKey, current.FolderId, FolderId);
        return changes;

        void Add(string key, string old, string? value)
        {
            if (value is not null && !string.Equals(old, value, StringComparison.Ordinal))
            {
                changes.Add((key, old, value));
            }
        }
    }

    public ProjectRow ApplyTo(ProjectRow current) => current with
    {
        Title = Title ?? current.Title,
        Description = Description ?? current.Description,
        FolderId = FolderId ?? current.FolderId,
    };
}
