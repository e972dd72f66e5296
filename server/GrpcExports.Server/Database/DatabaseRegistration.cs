using GrpcExports.Server.Database.Migrations;
using Npgsql;

namespace GrpcExports.Server.Database;

internal static class DatabaseRegistration
{
    /// <summary>
    /// Adds the database: options from the "Database" section, the target (a configured server or the private
    /// cluster), one pooled <see cref="NpgsqlDataSource"/>, the schema migrator, and the lifecycle that readies the
    /// database before the server listens and releases it after.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection(DatabaseOptions.SectionName);
        services.Configure<DatabaseOptions>(section);
        services.AddSingleton(provider => DatabaseTarget.From(
            section.Get<DatabaseOptions>() ?? new DatabaseOptions(), contentRoot, provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(provider => new NpgsqlDataSourceBuilder(provider.GetRequiredService<DatabaseTarget>().ConnectionString)
            .UseLoggerFactory(provider.GetRequiredService<ILoggerFactory>())
            .Build());
        services.AddSingleton<SchemaMigrator>();
        services.AddHostedService<DatabaseLifecycle>();
        return services;
    }
}
