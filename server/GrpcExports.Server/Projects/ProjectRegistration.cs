using GrpcExports.Server.Projects.History;
using GrpcExports.Server.Projects.Idempotency;
using GrpcExports.Server.Projects.Listing;
using GrpcExports.Server.Projects.Storage;
using GrpcExports.Server.Projects.SyncRateLimiting;

namespace GrpcExports.Server.Projects;

internal static class ProjectRegistration
{
    /// <summary>Adds the project store, its queries, idempotent writes with their expiry, and its options (section "Projects").</summary>
    public static IServiceCollection AddProjectStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProjectOptions>(configuration.GetSection(ProjectOptions.SectionName));
        services.AddSingleton<LatestStateCache>();
        services.AddSingleton<ProjectStore>();
        services.AddSingleton<ProjectListQuery>();
        services.AddSingleton<ProjectHistoryQuery>();
        services.AddIdempotentWrites(configuration);
        services.AddSyncRateLimiting(configuration);
        return services;
    }
}
