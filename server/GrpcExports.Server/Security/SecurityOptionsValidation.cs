using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Security;

/// <summary>Fails start-up with the exact problem when "Security" is unusable.</summary>
internal sealed class SecurityOptionsValidation : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
