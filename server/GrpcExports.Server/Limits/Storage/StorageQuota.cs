using Microsoft.Extensions.Options;

namespace GrpcExports.Server.Limits.Storage;

/// <summary>
/// "Limits:StorageQuotaBytes" per user. Uploads ask for room for their bytes before anything is kept; exports, whose
/// size is known only once rendered, ask for any room at all, and a finished export is kept even when it goes over
/// (the next upload or export is refused until the user deletes something).
/// </summary>
internal sealed class StorageQuota(IOptions<LimitsOptions> options, StorageUsage usage)
{
    public long QuotaBytes => options.Value.StorageQuotaBytes;

    /// <summary>The user's room now: unlimited without a quota, else the quota and what is used of it.</summary>
    public async Task<StorageRoom> RoomAsync(string userId, CancellationToken cancellationToken) =>
        QuotaBytes == 0 ? StorageRoom.Unlimited : new StorageRoom(QuotaBytes, await usage.UsedBytesAsync(userId, cancellationToken).ConfigureAwait(false));

    /// <summary>RESOURCE_EXHAUSTED STORAGE_QUOTA_EXCEEDED unless <paramref name="requestedBytes"/> more fit (0: unless any room is left).</summary>
    public async Task EnsureRoomAsync(string userId, long requestedBytes, CancellationToken cancellationToken)
    {
        var room = await RoomAsync(userId, cancellationToken).ConfigureAwait(false);
        if (!room.Fits(requestedBytes))
        {
            throw room.Exceeded(requestedBytes);
        }
    }
}
