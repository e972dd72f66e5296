using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Projects.Idempotency;

internal static class IdempotencyRegistration
{
    /// <summary>Adds idempotent writes and the periodic deletion of expired keys, with its options checked at start-up.</summary>
    public static IServiceCollection AddIdempotentWrites(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdempotencyRetentionOptions>().Bind(configuration.GetSection(IdempotencyRetentionOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdempotencyRetentionOptions>, IdempotencyRetentionValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IdempotentWrites>();
        services.AddHostedService<IdempotencyKeyExpiry>();
        return services;
    }
}
