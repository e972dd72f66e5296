namespace GrpcExports.Server.Assets.Storage;

/// <summary>
/// The asset directory: content files named by their SHA-256 (<c>content/ab/abcdef...</c>, one file per distinct
/// content) and the <c>incoming</c> folder that uploads are written to until they are accepted.
/// </summary>
internal sealed class AssetContentFiles(string root)
{
    public string Root { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    public string Incoming => Path.Combine(Root, "incoming");

    public string PathOf(string sha256) => Path.Combine(Root, "content", sha256[..2], sha256);

    /// <summary>Moves an accepted upload into place unless the same content is there already; true when it was moved.</summary>
    public bool Place(string incomingPath, string sha256)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return false;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Move(incomingPath, path);
        return true;
    }

    public void Delete(string sha256) => File.Delete(PathOf(sha256));
}
