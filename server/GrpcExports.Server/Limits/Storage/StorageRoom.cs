using System.Globalization;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.Errors;

namespace GrpcExports.Server.Limits.Storage;

/// <summary>A user's storage quota and what is used of it when read; a quota of 0 is no quota.</summary>
internal sealed record StorageRoom(long QuotaBytes, long UsedBytes)
{
    public static readonly StorageRoom Unlimited = new(0, 0);

    /// <summary>Whether <paramref name="bytes"/> more fit; 0 bytes fit while the user is below the quota.</summary>
    public bool Fits(long bytes) => QuotaBytes == 0 || (bytes == 0 ? UsedBytes < QuotaBytes : UsedBytes + bytes <= QuotaBytes);

    /// <summary>RESOURCE_EXHAUSTED / STORAGE_QUOTA_EXCEEDED with the quota, the used bytes and the bytes asked for.</summary>
    public RpcException Exceeded(long requestedBytes) =>
        ProductErrors.Create(StatusCode.ResourceExhausted, ErrorReason.StorageQuotaExceeded,
            $"Storing {Number(requestedBytes)} more bytes would exceed the storage quota of {Number(QuotaBytes)} bytes, "
            + $"{Number(UsedBytes)} of which are used. Delete assets or exports to make room.",
            new Dictionary<string, string>
            {
                ["quotaBytes"] = Number(QuotaBytes),
                ["usedBytes"] = Number(UsedBytes),
                ["requestedBytes"] = Number(requestedBytes),
            });

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
