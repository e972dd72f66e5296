using System.Globalization;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Exports.Requests;
using GrpcExports.Server.Exports.Webhooks.Outbox;
using GrpcExports.Server.Projects;
using GrpcExports.Server.Projects.Paging;
using GrpcExports.Server.Security.Authentication;

namespace GrpcExports.Server.Exports;

internal sealed partial class ExportRpcService
{
    private const int DefaultDeliveryPageSize = 50, MaxDeliveryPageSize = 200;

    /// <summary>The delivery log of one of the caller's exports, oldest attempt first, a keyset page at a time.</summary>
    public async Task<ListWebhookDeliveriesResponse> ListWebhookDeliveries(ListWebhookDeliveriesRequest request, ServerCallContext context)
    {
        var exportId = ExportIds.Parse(request.ExportId);
        var pageSize = PageSize.Resolve(request.PageSize, DefaultDeliveryPageSize, MaxDeliveryPageSize);
        _ = await jobs.GetAsync(exportId, context.Caller().UserId, context.CancellationToken) ?? throw ExportErrors.NotFound(exportId);
        var fingerprint = PageToken.Fingerprint(nameof(ListWebhookDeliveries), context.Caller().UserId, exportId.ToString());
        WebhookDeliveryCursor? after = null;
        if (request.PageToken.Length > 0)
        {
            var cursor = PageToken.Read(request.PageToken, fingerprint, cursorLength: 3);
            after = new WebhookDeliveryCursor(new DateTimeOffset(long.Parse(cursor[0], CultureInfo.InvariantCulture), TimeSpan.Zero),
                Guid.Parse(cursor[1]), int.Parse(cursor[2], CultureInfo.InvariantCulture));
        }
        var (page, next) = await deliveryLog.ReadPageAsync(exportId, after, pageSize, context.CancellationToken);
        return new ListWebhookDeliveriesResponse
        {
            Deliveries = { page },
            NextPageToken = next is null ? "" : PageToken.Issue(fingerprint,
                [Ticks(next.AttemptedAt), next.EventId.ToString(), next.Attempt.ToString(CultureInfo.InvariantCulture)]),
        };
    }
}
