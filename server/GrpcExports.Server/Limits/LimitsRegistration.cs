using GrpcExports.Server.Limits.EditorState;
using GrpcExports.Server.Limits.Storage;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Limits;

internal static class LimitsRegistration
{
    /// <summary>Adds the per-user limits (section "Limits"), checked at start-up: editor-state size and counts, and the storage quota.</summary>
    public static IServiceCollection AddLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LimitsOptions>, LimitsOptionsValidation>();
        services.AddSingleton<EditorStateLimits>();
        services.AddSingleton<StorageUsage>();
        services.AddSingleton<StorageQuota>();
        return services;
    }
}
