using System.Runtime.CompilerServices;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Client;
using GrpcExports.PowerShell.Output;
using GrpcExports.Protocol.V1;

namespace GrpcExports.PowerShell.Engine;

/// <summary>ExportService's calls.</summary>
internal sealed partial class GxSession
{
    public Task<(GxExport Export, bool Deduplicated)> CreateExportAsync(NewExport export, CancellationToken cancellationToken) => Translated(async () =>
    {
        var request = new CreateExportRequest
        {
            ProjectVersion = export.ProjectVersion,
            Options = ExportOptionsMessages.ToMessage(export.Settings),
            Name = export.Name ?? "",
            ClientTaskId = export.ClientTaskId ?? "",
            WebhookUrl = export.WebhookUrl ?? "",
        };
        if (export.ProjectId is not null)
        {
            request.ProjectId = export.ProjectId;
        }
        else
        {
            request.EditorState = EditorStateMessages.FromJson(export.EditorStateJson!);
        }
        var response = await _exports.CreateExportAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (ExportOutputs.Export(response.Export), response.Deduplicated);
    });

    public Task<GxExport> GetExportAsync(string id, CancellationToken cancellationToken) => Translated(async () =>
    {
        var response = await _exports.GetExportAsync(new GetExportRequest { ExportId = id }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ExportOutputs.Export(response.Export);
    });

    public Task<Page<GxExport>> ListExportsAsync(ExportFilter filter, PageRequest page, CancellationToken cancellationToken) => Translated(async () =>
    {
        var request = new ListExportsRequest
        {
            PageSize = page.Size,
            PageToken = page.Token,
            ProjectId = filter.ProjectId ?? "",
            FolderId = filter.FolderId ?? "",
            CreateTimeAfter = filter.CreatedAfter is { } after ? Timestamp.FromDateTime(after.ToUniversalTime()) : null,
            CreateTimeBefore = filter.CreatedBefore is { } before ? Timestamp.FromDateTime(before.ToUniversalTime()) : null,
            ClientTaskId = filter.ClientTaskId ?? "",
        };
        request.Statuses.AddRange(filter.Statuses.Select(status => System.Enum.Parse<ExportStatus>(status, ignoreCase: true)));
        var response = await _exports.ListExportsAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new Page<GxExport>(response.Exports.Select(ExportOutputs.Export).ToArray(), response.NextPageToken);
    });

    public async IAsyncEnumerable<GxExport> WatchExportAsync(string id, TimeSpan? timeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var call = _exports.WatchExportAsync(new WatchExportRequest { ExportId = id }, new CallOptions { Timeout = timeout }, cancellationToken);
        await using var messages = call.GetAsyncEnumerator(cancellationToken);
        while (await NextAsync(messages).ConfigureAwait(false) is { } message)
        {
            yield return ExportOutputs.Export(message.Export);
        }
    }

    public Task<GxExport> CancelExportAsync(string id, CancellationToken cancellationToken) => Translated(async () =>
    {
        var response = await _exports.CancelExportAsync(new CancelExportRequest { ExportId = id }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return ExportOutputs.Export(response.Export);
    });

    public Task<GxExportDeletion> DeleteExportAsync(string id, CancellationToken cancellationToken) => Translated(async () =>
    {
        var response = await _exports.DeleteExportAsync(new DeleteExportRequest { ExportId = id }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new GxExportDeletion(response.ExportId, response.FreedBytes);
    });
}
