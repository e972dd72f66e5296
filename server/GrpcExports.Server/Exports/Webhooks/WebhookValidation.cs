using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Exports.Webhooks;

/// <summary>Fails start-up with the exact problem when the webhook settings are unusable.</summary>
internal sealed class WebhookValidation : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
