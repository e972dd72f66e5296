using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Exports.Retention;

/// <summary>Fails start-up with the exact problem when the retention settings are unusable.</summary>
internal sealed class RetentionValidation : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
