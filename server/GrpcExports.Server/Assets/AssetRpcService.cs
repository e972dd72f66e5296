using System.Globalization;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Assets.Storage;
using GrpcExports.Server.Assets.Upload;
using GrpcExports.Server.Errors;
using GrpcExports.Server.Projects;
using GrpcExports.Server.Projects.Paging;
using GrpcExports.Server.Projects.Storage;
using GrpcExports.Server.Security.Audit;
using GrpcExports.Server.Security.Authentication;

namespace GrpcExports.Server.Assets;

/// <summary>
/// grpcexports.v1.AssetService: uploads (Upload/AssetUploads.cs), reads, listing and deletion of the caller's assets.
/// Every asset belongs to the calling user (<see cref="CallerContext.Caller"/>).
/// </summary>
internal sealed class AssetRpcService(AssetUploads uploads, AssetStore store, AssetListQuery listing, ProjectStore projects) : IGrpcService
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;

    public static ServiceDescriptor Descriptor => AssetServiceReflection.Descriptor.Services[0];

    public Task<UploadAssetResponse> UploadAsset(IAsyncEnumerable<UploadAssetRequest> requests, ServerCallContext context) =>
        uploads.UploadAsync(requests, context.Caller().UserId, context.CancellationToken);

    public async Task<GetAssetResponse> GetAsset(GetAssetRequest request, ServerCallContext context)
    {
        var assetId = AssetId(request.AssetId);
        var row = await store.GetAsync(assetId, context.Caller().UserId, context.CancellationToken).ConfigureAwait(false)
            ?? throw AssetErrors.NotFound(assetId);
        return new GetAssetResponse { Asset = AssetMessages.ToAsset(row) };
    }

    public async Task<ListAssetsResponse> ListAssets(ListAssetsRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Resolve(request.PageSize, DefaultPageSize, MaxPageSize);
        Guid? projectId = request.ProjectId.Length == 0 ? null : ProjectRequests.ProjectId(request.ProjectId);
        if (!Enum.IsDefined(request.Kind))
        {
            throw ProjectErrors.InvalidRequest("kind", $"{(int)request.Kind} is not an AssetKind.");
        }
        var fingerprint = PageToken.Fingerprint(nameof(ListAssets), context.Caller().UserId, request.ProjectId, ((int)request.Kind).ToString(CultureInfo.InvariantCulture));
        (DateTimeOffset, Guid)? after = null;
        if (request.PageToken.Length > 0)
        {
            var cursor = PageToken.Read(request.PageToken, fingerprint, cursorLength: 2);
            after = (new DateTimeOffset(long.Parse(cursor[0], CultureInfo.InvariantCulture), TimeSpan.Zero), Guid.Parse(cursor[1]));
        }
        if (projectId is { } id && await projects.GetLatestAsync(id, context.Caller().UserId, includeState: false, context.CancellationToken).ConfigureAwait(false) is null)
        {
            throw ProjectErrors.NotFound(id);
        }
        // One row more than the page tells whether another page follows.
        var rows = await listing.PageAsync(context.Caller().UserId, projectId, request.Kind, after, pageSize + 1, context.CancellationToken).ConfigureAwait(false);
        var page = rows.Take(pageSize).ToList();
        var response = new ListAssetsResponse { Assets = { page.Select(AssetMessages.ToAsset) } };
        if (rows.Count > pageSize)
        {
            var last = page[^1];
            response.NextPageToken = PageToken.Issue(fingerprint, [last.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), last.AssetId.ToString()]);
        }
        return response;
    }

    /// <summary>Hard deletion: the row goes, and the content file with it when no other asset shares it.</summary>
    public async Task<DeleteAssetResponse> DeleteAsset(DeleteAssetRequest request, ServerCallContext context)
    {
        var assetId = AssetId(request.AssetId);
        context.NameAuditedResource("asset", assetId);
        var freed = await store.DeleteAsync(assetId, context.Caller().UserId, context.CancellationToken).ConfigureAwait(false)
            ?? throw AssetErrors.NotFound(assetId);
        return new DeleteAssetResponse { AssetId = assetId.ToString(), FreedBytes = freed };
    }

    private static Guid AssetId(string value)
    {
        if (value.Length == 0)
        {
            throw ProductErrors.MissingField("asset_id", "An asset id is required.");
        }
        return Guid.TryParseExact(value, "D", out var id)
            ? id
            : throw ProjectErrors.InvalidRequest("asset_id", "An asset id is a UUID such as 0b6c2f0e-5a53-4a8e-9d3c-2f1c7d5e8a10.");
    }
}
