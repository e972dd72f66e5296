using GrpcExports.Grpc.Hosting;
using GrpcExports.Protocol.Reflection;
using GrpcExports.Server.Accounts;
using GrpcExports.Server.Admin;
using GrpcExports.Server.Assets;
using GrpcExports.Server.Exports;
using GrpcExports.Server.Projects;

namespace GrpcExports.Server.Hosting;

internal static class ProductServices
{
    /// <summary>The product's gRPC services: projects, exports, assets, accounts and administration.</summary>
    public static IServiceCollection AddProductServices(this IServiceCollection services) => services
        .AddGrpcService<ProjectRpcService>()
        .AddGrpcService<ExportRpcService>()
        .AddGrpcService<AssetRpcService>()
        .AddSingleton<AccountUsageQuery>()
        .AddGrpcService<AccountRpcService>()
        .AddGrpcService<AdminRpcService>()
        .AddGrpcReflectionDocumentation(DocumentedDescriptors.Files);
}
