using GrpcExports.Protocol.V1;
using GrpcExports.Server.Assets.Probing;
using GrpcExports.Server.Assets.Storage;
using GrpcExports.Server.Limits.Storage;
using GrpcExports.Server.Projects;
using GrpcExports.Server.Projects.Storage;
using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Assets.Upload;

/// <summary>
/// One UploadAsset call from header to stored asset: check the header and the owner's storage quota, stream the bytes to
/// an incoming file (hashed, capped by size and quota), probe it, then add the row and the content. Every failure, and a
/// cancelled call, leaves no row and no file.
/// </summary>
internal sealed class AssetUploads(IOptions<AssetOptions> options, AssetContentFiles files, MediaProber prober, AssetStore store,
    ProjectStore projects, StorageQuota quota)
{
    public async Task<UploadAssetResponse> UploadAsync(IAsyncEnumerable<UploadAssetRequest> requests, string ownerId,
        CancellationToken cancellationToken)
    {
        var maxUploadBytes = options.Value.MaxUploadBytes;
        await using var messages = requests.GetAsyncEnumerator(cancellationToken);
        if (!await messages.MoveNextAsync().ConfigureAwait(false) || messages.Current.PayloadCase != UploadAssetRequest.PayloadOneofCase.Header)
        {
            throw AssetErrors.Incomplete("header", "The first message of an upload must carry its header.");
        }
        var claim = UploadHeaderCheck.Check(messages.Current.Header, maxUploadBytes);
        if (claim.ProjectId is { } projectId
            && await projects.GetLatestAsync(projectId, ownerId, includeState: false, cancellationToken).ConfigureAwait(false) is null)
        {
            throw ProjectErrors.NotFound(projectId);
        }
        var room = await quota.RoomAsync(ownerId, cancellationToken).ConfigureAwait(false);
        if (claim.DeclaredSize is { } declaredSize && !room.Fits(declaredSize))
        {
            throw room.Exceeded(declaredSize);
        }
        await using var file = IncomingFile.Create(files.Incoming);
        var sha256 = await UploadReceiver.ReceiveAsync(messages, claim, maxUploadBytes, room, file, cancellationToken).ConfigureAwait(false);
        if (file.Length == 0)
        {
            throw AssetErrors.Unreadable(claim.FileName, claim.Type.MediaType, "the file is empty");
        }
        var probed = await prober.ProbeAsync(file.Path, claim.FileName, claim.Type, cancellationToken).ConfigureAwait(false);
        // Again now that the size is known: other uploads and exports may have used the room while this one streamed.
        await quota.EnsureRoomAsync(ownerId, file.Length, cancellationToken).ConfigureAwait(false);
        var row = new AssetRow(Guid.CreateVersion7(), ownerId, claim.ProjectId, claim.FileName, probed.Type.MediaType, probed.Kind,
            file.Length, sha256, probed.Info, WholeMicroseconds(DateTimeOffset.UtcNow));
        var deduplicated = await store.AddAsync(row, file.Path, cancellationToken).ConfigureAwait(false);
        return new UploadAssetResponse { Asset = AssetMessages.ToAsset(row), ContentDeduplicated = deduplicated };
    }

    /// <summary>PostgreSQL keeps microseconds: the response shows the time as it will be read back.</summary>
    private static DateTimeOffset WholeMicroseconds(DateTimeOffset time) => new(time.Ticks - time.Ticks % 10, TimeSpan.Zero);
}
