namespace GrpcExports.Tests.Assets;

/// <summary>Compares <see cref="StoredAssets"/> by content (records compare arrays by reference).</summary>
internal sealed class StoredAssetsComparer : IEqualityComparer<StoredAssets>
{
    public static StoredAssetsComparer Instance { get; } = new();

    public bool Equals(StoredAssets? x, StoredAssets? y) => x is not null && y is not null && x.Rows == y.Rows
        && x.ContentFiles.SequenceEqual(y.ContentFiles) && x.IncomingFiles.SequenceEqual(y.IncomingFiles);

    public int GetHashCode(StoredAssets obj) => obj.Rows.GetHashCode();
}
