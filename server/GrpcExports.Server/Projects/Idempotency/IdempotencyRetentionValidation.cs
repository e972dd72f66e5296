using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Projects.Idempotency;

/// <summary>Fails start-up with the exact problem when the idempotency retention settings are unusable.</summary>
internal sealed class IdempotencyRetentionValidation : IValidateOptions<IdempotencyRetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, IdempotencyRetentionOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
