using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Projects.SyncRateLimiting;

internal static class SyncRateRegistration
{
    /// <summary>Adds the per-project sync rate limiter and its options (section "Projects:SyncRate"), checked at start-up.</summary>
    public static IServiceCollection AddSyncRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SyncRateOptions>().Bind(configuration.GetSection(SyncRateOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SyncRateOptions>, SyncRateOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SyncRateLimiter>();
        return services;
    }
}
