namespace GrpcExports.Tests.PowerShell;

/// <summary>The manifest parses as a PowerShell data file, says what the module needs, and names only files that exist.</summary>
public sealed class ModuleManifestTests
{
    private readonly Dictionary<string, object> _manifest = PackedModule.ReadManifest();

    [Fact]
    public void TheManifestDescribesACoreModuleForPowerShell74AndLater()
    {
        Assert.Equal("GrpcExports.PowerShell.dll", _manifest["RootModule"]);
        Assert.Equal(PackedModule.Version, _manifest["ModuleVersion"]);
        Assert.True(Guid.TryParse((string)_manifest["GUID"], out _));
        Assert.Equal(["Core"], (List<object>)_manifest["CompatiblePSEditions"]);
        Assert.Equal("7.4", _manifest["PowerShellVersion"]);
        var psData = (Dictionary<string, object>)((Dictionary<string, object>)_manifest["PrivateData"])["PSData"];
        Assert.Contains("GrpcExports", (List<object>)psData["Tags"]);
        Assert.True(Uri.TryCreate((string)psData["ProjectUri"], UriKind.Absolute, out _));
        Assert.Empty((List<object>)_manifest["FunctionsToExport"]);
    }

    [Fact]
    public void EveryFileTheManifestNamesIsInThePackedModule()
    {
        var referenced = new[] { (string)_manifest["RootModule"] }
            .Concat(((List<object>)_manifest["FormatsToProcess"]).Cast<string>());

        Assert.All(referenced, file => Assert.True(File.Exists(Path.Combine(PackedModule.Directory, file)), $"{file} is missing"));
        Assert.True(File.Exists(PackedModule.HelpPath));
        Assert.True(File.Exists(Path.Combine(PackedModule.Directory, "en-US", "about_GrpcExports.help.txt")));
    }

    [Fact]
    public void TheEngineAndItsDependenciesSitInThePrivateFolderNotBesideTheManifest()
    {
        var dependencies = Path.Combine(PackedModule.Directory, "dependencies");

        Assert.True(File.Exists(Path.Combine(dependencies, "GrpcExports.PowerShell.Engine.dll")));
        Assert.True(File.Exists(Path.Combine(dependencies, "Google.Protobuf.dll")));
        Assert.Equal(["GrpcExports.PowerShell.dll"], Directory.GetFiles(PackedModule.Directory, "*.dll").Select(Path.GetFileName));
        Assert.False(File.Exists(Path.Combine(dependencies, "GrpcExports.PowerShell.dll")), "the cmdlet assembly must load once, in the default context");
    }

    [Fact]
    public void TheDataFileReaderRefusesWhatIsNotAPowerShellDataFile()
    {
        var parsed = PowerShellDataFile.Parse("""
            # comment
            @{ A = 'it''s'; B = @('x', "y"
              'z'); C = @{ D = 42 }; E = $true }
            """);

        Assert.Equal("it's", parsed["a"]);
        Assert.Equal(["x", "y", "z"], (List<object>)parsed["B"]);
        Assert.Equal(42L, ((Dictionary<string, object>)parsed["C"])["D"]);
        Assert.Equal(true, parsed["E"]);
        Assert.Throws<FormatException>(() => PowerShellDataFile.Parse("@{ A = 'open }"));
        Assert.Throws<FormatException>(() => PowerShellDataFile.Parse("@{ A = \"$env:HOME\" }"));
        Assert.Throws<FormatException>(() => PowerShellDataFile.Parse("@{ A = 1; A = 2 }"));
        Assert.Throws<FormatException>(() => PowerShellDataFile.Parse("@{ A = Get-Date }"));
    }
}
