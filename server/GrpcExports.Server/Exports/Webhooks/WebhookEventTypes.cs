using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.Exports.Webhooks;

/// <summary>The event types and delivery states as webhook_events and webhook_deliveries spell them.</summary>
internal static class WebhookEventTypes
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Abandoned = "abandoned";

    /// <summary>webhook_events.event_type is the export's terminal status.</summary>
    public static WebhookEventType FromColumn(string eventType) => eventType switch
    {
        "succeeded" => WebhookEventType.ExportSucceeded,
        "failed" => WebhookEventType.ExportFailed,
        "cancelled" => WebhookEventType.ExportCancelled,
        _ => throw new InvalidOperationException($"webhook_events.event_type '{eventType}' is not a known type."),
    };

    public static WebhookDeliveryState StateFromColumn(string state) => state switch
    {
        Pending => WebhookDeliveryState.Pending,
        Delivered => WebhookDeliveryState.Delivered,
        Abandoned => WebhookDeliveryState.Abandoned,
        _ => throw new InvalidOperationException($"Webhook delivery state '{state}' is not a known state."),
    };
}
