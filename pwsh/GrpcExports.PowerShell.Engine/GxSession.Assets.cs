using System.Runtime.CompilerServices;
using GrpcExports.PowerShell.Output;
using GrpcExports.Protocol.V1;

namespace GrpcExports.PowerShell.Engine;

/// <summary>AssetService's calls.</summary>
internal sealed partial class GxSession
{
    // Well under the server's receive limit; large enough that the framing costs nothing.
    private const int UploadChunkSize = 256 * 1024;

    public async IAsyncEnumerable<TransferStep<GxAsset>> UploadAssetAsync(NewAsset asset, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var file = new FileStream(asset.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        var total = file.Length;
        using var call = _assets.UploadAssetAsync(cancellationToken: cancellationToken);
        var header = new AssetUploadHeader
        {
            FileName = asset.FileName,
            MediaType = asset.MediaType ?? "",
            ProjectId = asset.ProjectId ?? "",
            SizeBytes = total,
        };
        await Translated(() => call.RequestStream.WriteAsync(new UploadAssetRequest { Header = header }, cancellationToken)).ConfigureAwait(false);
        yield return new TransferStep<GxAsset>(0, total, null);
        var buffer = new byte[UploadChunkSize];
        long sent = 0;
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            var chunk = Google.Protobuf.ByteString.CopyFrom(buffer, 0, read);
            await Translated(() => call.RequestStream.WriteAsync(new UploadAssetRequest { Chunk = chunk }, cancellationToken)).ConfigureAwait(false);
            sent += read;
            yield return new TransferStep<GxAsset>(sent, total, null);
        }
        await Translated(() => call.RequestStream.CompleteAsync()).ConfigureAwait(false);
        var response = await Translated(() => call.ResponseAsync).ConfigureAwait(false);
        yield return new TransferStep<GxAsset>(sent, total, AssetOutputs.Asset(response.Asset, response.ContentDeduplicated));
    }

    public Task<GxAsset> GetAssetAsync(string id, CancellationToken cancellationToken) => Translated(async () =>
    {
        var response = await _assets.GetAssetAsync(new GetAssetRequest { AssetId = id }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return AssetOutputs.Asset(response.Asset);
    });

    public Task<Page<GxAsset>> ListAssetsAsync(AssetFilter filter, PageRequest page, CancellationToken cancellationToken) => Translated(async () =>
    {
        var request = new ListAssetsRequest
        {
            PageSize = page.Size,
            PageToken = page.Token,
            ProjectId = filter.ProjectId ?? "",
            Kind = filter.Kind is null ? AssetKind.Unspecified : Enum.Parse<AssetKind>(filter.Kind, ignoreCase: true),
        };
        var response = await _assets.ListAssetsAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new Page<GxAsset>(response.Assets.Select(asset => AssetOutputs.Asset(asset)).ToArray(), response.NextPageToken);
    });

    public Task<GxAssetDeletion> DeleteAssetAsync(string id, CancellationToken cancellationToken) => Translated(async () =>
    {
        var response = await _assets.DeleteAssetAsync(new DeleteAssetRequest { AssetId = id }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new GxAssetDeletion(response.AssetId, response.FreedBytes);
    });
}
