using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.PowerShell;

/// <summary>
/// The module folder every build lays out (artifacts/module/GrpcExports/&lt;version&gt;, see
/// pwsh/GrpcExports.PowerShell.Engine/ModuleLayout.targets), and its manifest.
/// </summary>
public static class PackedModule
{
    public const string Version = "0.1.0";

    public static string Directory { get; } = FindDirectory();

    public static string ManifestPath => Path.Combine(Directory, "GrpcExports.psd1");

    public static string CmdletAssemblyPath => Path.Combine(Directory, "GrpcExports.PowerShell.dll");

    public static string HelpPath => Path.Combine(Directory, "en-US", "GrpcExports.PowerShell.dll-Help.xml");

    public static string FormatPath => Path.Combine(Directory, "GrpcExports.format.ps1xml");

    public static Dictionary<string, object> ReadManifest() => PowerShellDataFile.Parse(File.ReadAllText(ManifestPath));

    private static string FindDirectory()
    {
        var directory = Path.Combine(RepoPaths.Root, "artifacts", "module", "GrpcExports", Version);
        return System.IO.Directory.Exists(directory)
            ? directory
            : throw new InvalidOperationException($"{directory} is missing: build the solution (./build.sh build) to lay out the module.");
    }
}
