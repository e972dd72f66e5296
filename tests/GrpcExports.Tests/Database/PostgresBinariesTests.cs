using GrpcExports.Tests.Support;
using GrpcExports.Server.Database.Embedded;

namespace GrpcExports.Tests.Database;

/// <summary>Finding initdb, pg_ctl and postgres: configured, on PATH (through links), or the newest Debian installation.</summary>
public sealed class PostgresBinariesTests : IDisposable
{
    private static readonly string[] Programs = ["initdb", "pg_ctl", "postgres"];

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void MissingProgramsGiveOneMessageNamingThePackageAndTheAlternative()
    {
        var error = Assert.Throws<EmbeddedClusterException>(() =>
            PostgresBinaries.Locate(configuredDirectory: null, searchPath: "", debianRoot: Path.Combine(_directory.Path, "none")));

        Assert.Contains("apt-get install postgresql-15", error.Message);
        Assert.Contains("Database:ConnectionString", error.Message);
        Assert.Contains("initdb, pg_ctl, postgres", error.Message);
    }

    [Fact]
    public void AConfiguredDirectoryMustHoldAllThreePrograms()
    {
        var bin = MakeInstallation("configured", Programs.SkipLast(1));

        var error = Assert.Throws<EmbeddedClusterException>(() => PostgresBinaries.Locate(bin, searchPath: "", debianRoot: _directory.Path));

        Assert.Contains("Database:PostgresBinDirectory", error.Message);
    }

    [Fact]
    public void TheNewestDebianVersionWins()
    {
        var debianRoot = Path.Combine(_directory.Path, "usr-lib-postgresql");
        MakeInstallation(Path.Combine("usr-lib-postgresql", "9.6", "bin"), Programs);
        MakeInstallation(Path.Combine("usr-lib-postgresql", "15", "bin"), Programs);
        MakeInstallation(Path.Combine("usr-lib-postgresql", "13", "bin"), Programs);
        MakeInstallation(Path.Combine("usr-lib-postgresql", "17", "bin"), ["initdb"]);

        var found = PostgresBinaries.Locate(configuredDirectory: null, searchPath: "", debianRoot);

        Assert.Equal(Path.Combine(debianRoot, "15", "bin"), found.Directory);
    }

    [Fact]
    public void APathEntryOfLinksResolvesToTheInstallationTheyPointInto()
    {
        var real = PostgresBinaries.Locate(null);
        var links = Directory.CreateDirectory(Path.Combine(_directory.Path, "links")).FullName;
        foreach (var program in Programs)
        {
            File.CreateSymbolicLink(Path.Combine(links, program), Path.Combine(real.Directory, program));
        }

        var found = PostgresBinaries.Locate(null, searchPath: $"/nonexistent:{links}", debianRoot: Path.Combine(_directory.Path, "none"));

        Assert.Equal(real.Directory, found.Directory);
    }

    private string MakeInstallation(string relativeDirectory, IEnumerable<string> programs)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_directory.Path, relativeDirectory)).FullName;
        foreach (var program in programs)
        {
            File.WriteAllText(Path.Combine(bin, program), "");
        }
        return bin;
    }
}
