using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Health;
using GrpcExports.Grpc.Interception;
using GrpcExports.Grpc.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GrpcExports.Grpc.Hosting;

public static class GrpcLayerExtensions
{
    /// <summary>
    /// Adds the gRPC layer with server reflection (v1 and v1alpha) and health checking, its options bound from the
    /// "Grpc" configuration section.
    /// </summary>
    public static IServiceCollection AddGrpcLayer(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GrpcServerOptions>(configuration.GetSection(GrpcServerOptions.SectionName));
        services.AddSingleton<CallLog>();
        services.AddSingleton<CallPipeline>();
        services.AddSingleton<GrpcDispatcher>();
        services.AddSingleton<HealthStatusRegistry>();
        services.AddHostedService<HealthLifetimeTracker>();
        services.AddSingleton<ReflectionIndex>();
        services.AddGrpcService<ReflectionServiceV1>();
        services.AddGrpcService<ReflectionServiceV1Alpha>();
        services.AddGrpcService<HealthService>();
        return services;
    }

    /// <summary>Registers <typeparamref name="TService"/> (a singleton) as the implementation of its protobuf service.</summary>
    public static IServiceCollection AddGrpcService<TService>(this IServiceCollection services)
        where TService : class, IGrpcService
    {
        services.AddSingleton<TService>();
        services.AddSingleton(new ServiceRegistration(typeof(TService), TService.Descriptor));
        return services;
    }

    /// <summary>Serves these documented descriptors through reflection in place of the compiled ones of the same files.</summary>
    public static IServiceCollection AddGrpcReflectionDocumentation(this IServiceCollection services,
        IReadOnlyDictionary<string, Google.Protobuf.ByteString> filesByName)
    {
        services.AddSingleton(new DocumentedFiles(filesByName));
        return services;
    }

    /// <summary>Adds an interceptor that runs around every call, after those added before it.</summary>
    public static IServiceCollection AddGrpcInterceptor<TInterceptor>(this IServiceCollection services)
        where TInterceptor : class, IServerInterceptor
    {
        services.AddSingleton<IServerInterceptor, TInterceptor>();
        return services;
    }

    /// <summary>
    /// Serves the registered gRPC services. Binds every RPC now, so a missing handler stops start-up.
    /// </summary>
    public static IApplicationBuilder UseGrpcLayer(this IApplicationBuilder app)
    {
        var dispatcher = app.ApplicationServices.GetRequiredService<GrpcDispatcher>();
        return app.Use((context, next) => dispatcher.DispatchAsync(context, next));
    }
}
