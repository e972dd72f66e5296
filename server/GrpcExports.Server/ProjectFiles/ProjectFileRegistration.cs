using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GrpcExports.Server.ProjectFiles;

internal static class ProjectFileRegistration
{
    /// <summary>Adds export, import and validation of portable project files and their limits (section "ProjectFiles").</summary>
    public static IServiceCollection AddProjectFiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProjectFileOptions>(configuration.GetSection(ProjectFileOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OwnedContent>();
        services.AddSingleton<ProjectFileExports>();
        services.AddSingleton<ProjectFileImports>();
        services.AddSingleton<ProjectFileValidation>();
        return services;
    }
}
