using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Limits;

/// <summary>Fails start-up with the exact problem when "Limits" is unusable.</summary>
internal sealed class LimitsOptionsValidation : IValidateOptions<LimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, LimitsOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
