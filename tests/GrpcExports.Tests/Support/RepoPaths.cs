namespace GrpcExports.Tests.Support;

/// <summary>Where the repository, the shared corpus and the test clients are, found from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The Indream editor-state corpus beside the work tree (../shared/indream-editor-state).</summary>
    public static string EditorStateCorpus => RequireDirectory(Path.Combine(Root, "..", "shared", "indream-editor-state"));

    public static string Clients => Path.Combine(Root, "tests", "clients");

    /// <summary>The buf CLI installed by build.sh into tests/clients/node_modules.</summary>
    public static string Buf => RequireFile(Path.Combine(Clients, "node_modules", ".bin", "buf"));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GrpcExports.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No GrpcExports.sln above {AppContext.BaseDirectory}.");
    }

    private static string RequireFile(string path) => File.Exists(path)
        ? path
        : throw new InvalidOperationException($"{path} is missing: run ./build.sh test (it installs the test clients).");

    private static string RequireDirectory(string path) => Directory.Exists(path)
        ? Path.GetFullPath(path)
        : throw new InvalidOperationException($"{Path.GetFullPath(path)} is missing: the shared corpus must sit beside the work tree.");
}
