using GrpcExports.Server.Exports.Webhooks.Addresses;
using GrpcExports.Server.Exports.Webhooks.Delivery;
using GrpcExports.Server.Exports.Webhooks.Outbox;
using GrpcExports.Server.Exports.Webhooks.Signing;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Exports.Webhooks;

internal static class WebhookRegistration
{
    /// <summary>Adds the webhook settings (checked at start-up), the URL check, the signing secrets, the outbox with its delivery log, and the senders.</summary>
    public static IServiceCollection AddExportWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookValidation>();
        services.AddSingleton<WebhookAddressPolicy>();
        services.AddSingleton<WebhookUrlCheck>();
        services.AddSingleton<WebhookSecretStore>();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<WebhookDeliveryLog>();
        services.AddSingleton<WebhookHttpClient>();
        services.AddHostedService<WebhookSender>();
        return services;
    }
}
