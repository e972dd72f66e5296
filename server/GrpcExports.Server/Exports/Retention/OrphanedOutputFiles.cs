using System.Text.RegularExpressions;
using Npgsql;

namespace GrpcExports.Server.Exports.Retention;

/// <summary>
/// Removes what the output directory holds for exports that no longer need it: a finished file (<c>&lt;id&gt;.mp4|webm</c>)
/// is kept while its export succeeded and was neither deleted nor expired; the renderer's partial files
/// (<c>.&lt;id&gt;.mp4|webm.&lt;n&gt;.partial</c>) and scratch folders (<c>.scratch/&lt;id&gt;</c>) only while it renders. A
/// render that stopped cleanly leaves nothing; this catches what a killed server, or a stop between a database mark and
/// a file removal, left behind. Entries younger than the grace period are left alone, so a render that has just
/// started (its status read a moment before it was claimed) keeps its files. Other names are not ours and stay.
/// </summary>
internal sealed partial class OrphanedOutputFiles(NpgsqlDataSource dataSource, ExportDirectories directories)
{
    private const string Statuses = """
        SELECT export_id, status, deleted_at IS NOT NULL OR output_expired_at IS NOT NULL FROM export_jobs WHERE export_id = ANY (@ids)
        """;

    /// <summary>Removes the orphans older than <paramref name="grace"/>; returns how many entries it removed.</summary>
    public async Task<int> RemoveAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        // Listed before the statuses are read: whatever a render creates after its claim shows up as "rendering".
        var entries = Entries().Where(entry => DateTime.UtcNow - entry.Info.LastWriteTimeUtc > grace).ToList();
        if (entries.Count == 0)
        {
            return 0;
        }
        var statuses = await StatusesAsync([.. entries.Select(entry => entry.ExportId).Distinct()], cancellationToken).ConfigureAwait(false);
        var removed = 0;
        foreach (var entry in entries)
        {
            var (status, gone) = statuses.TryGetValue(entry.ExportId, out var known) ? known : (null, true);
            var keep = status == "rendering" || (entry.Kind == EntryKind.Output && status == "succeeded" && !gone);
            if (!keep && Remove(entry.Info))
            {
                removed++;
            }
        }
        return removed;
    }

    private IEnumerable<(Guid ExportId, EntryKind Kind, FileSystemInfo Info)> Entries()
    {
        var output = new DirectoryInfo(directories.Output);
        if (!output.Exists)
        {
            yield break;
        }
        foreach (var file in output.EnumerateFiles())
        {
            if (OutputName().Match(file.Name) is { Success: true } finished)
            {
                yield return (Guid.Parse(finished.Groups["id"].Value), EntryKind.Output, file);
            }
            else if (PartialName().Match(file.Name) is { Success: true } partial)
            {
                yield return (Guid.Parse(partial.Groups["id"].Value), EntryKind.Partial, file);
            }
        }
        var scratch = new DirectoryInfo(Path.Combine(directories.Output, ExportDirectories.ScratchFolder));
        if (scratch.Exists)
        {
            foreach (var folder in scratch.EnumerateDirectories())
            {
                if (Guid.TryParseExact(folder.Name, "D", out var exportId))
                {
                    yield return (exportId, EntryKind.Scratch, folder);
                }
            }
        }
    }

    private async Task<Dictionary<Guid, (string? Status, bool Gone)>> StatusesAsync(Guid[] exportIds, CancellationToken cancellationToken)
    {
        var statuses = new Dictionary<Guid, (string?, bool)>();
        await using var command = dataSource.CreateCommand(Statuses);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", exportIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            statuses[reader.GetGuid(0)] = (reader.GetString(1), reader.GetBoolean(2));
        }
        return statuses;
    }

    /// <summary>Removes a file or folder; false when it had gone already.</summary>
    private static bool Remove(FileSystemInfo entry)
    {
        try
        {
            if (entry is DirectoryInfo folder)
            {
                folder.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
            return true;
        }
        catch (Exception error) when (error is DirectoryNotFoundException or FileNotFoundException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(mp4|webm)$")]
    private static partial Regex OutputName();

    [GeneratedRegex(@"^\.(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(mp4|webm)\.[0-9a-f]+\.partial$")]
    private static partial Regex PartialName();

    private enum EntryKind
    {
        Output,
        Partial,
        Scratch,
    }
}
