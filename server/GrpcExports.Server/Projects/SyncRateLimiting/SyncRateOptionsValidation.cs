using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Projects.SyncRateLimiting;

/// <summary>Fails start-up with the exact problem when "Projects:SyncRate" is unusable.</summary>
internal sealed class SyncRateOptionsValidation : IValidateOptions<SyncRateOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncRateOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
