using GrpcExports.Server.Projects.Storage;
using GrpcExports.Server.Projects.SyncRateLimiting;

namespace GrpcExports.Server.Projects;

internal static class ProjectRegistration
{
    /// <summary>Adds the project store and its options (section "Projects").</summary>
    public static IServiceCollection AddProjectStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProjectOptions>(configuration.GetSection(ProjectOptions.SectionName));
        services.AddSingleton<ProjectStore>();
        services.AddSyncRateLimiting(configuration);
        return services;
    }
}
