using GrpcExports.Grpc.Hosting;
using GrpcExports.Server.Errors;
using GrpcExports.Server.Security.Audit;
using GrpcExports.Server.Security.Authentication;
using GrpcExports.Server.Security.Keys;
using GrpcExports.Server.Security.LocalCredentials;
using GrpcExports.Server.Security.Transport;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Security;

internal static class SecurityRegistration
{
    /// <summary>
    /// Adds API keys, the audit log and the authentication every product call passes (section "Security"), the
    /// product's reason for request bytes that do not decode, and the first run's local key. Stops here when the configuration would listen off loopback without TLS.
    /// </summary>
    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        InsecureBindingCheck.Run(configuration);
        services.AddKeyStores(configuration);
        services.AddGrpcInterceptor<ApiKeyAuthentication>();
        services.AddGrpcInterceptor<MalformedRequests>();
        services.AddHostedService<FirstRunKey>();
        return services;
    }

    /// <summary>The key store and the audit log alone, for the key-management command.</summary>
    public static IServiceCollection AddKeyStores(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<AuditLog>();
        return services;
    }
}
