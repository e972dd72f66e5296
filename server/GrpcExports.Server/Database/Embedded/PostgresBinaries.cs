namespace GrpcExports.Server.Database.Embedded;

/// <summary>The directory holding one PostgreSQL installation's server programs: initdb, pg_ctl and postgres.</summary>
internal sealed record PostgresBinaries(string Directory)
{
    /// <summary>Where Debian and Ubuntu install each major version's server programs.</summary>
    public const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>The Debian package that brings them (the version build.sh installs).</summary>
    public const string DebianPackage = "postgresql-15";

    private static readonly string[] Programs = ["initdb", "pg_ctl", "postgres"];

    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>
    /// Finds the programs: in <paramref name="configuredDirectory"/> when given, else in the first PATH directory
    /// that has initdb (following a symbolic link to the installation it belongs to), else in the newest
    /// <c>/usr/lib/postgresql/N/bin</c>.
    /// </summary>
    public static PostgresBinaries Locate(string? configuredDirectory) =>
        Locate(configuredDirectory, Environment.GetEnvironmentVariable("PATH"), DebianRoot);

    /// <summary><see cref="Locate(string?)"/> with the search path and the Debian root given (tests point them elsewhere).</summary>
    public static PostgresBinaries Locate(string? configuredDirectory, string? searchPath, string debianRoot)
    {
        if (!string.IsNullOrWhiteSpace(configuredDirectory))
        {
            return HasAllPrograms(configuredDirectory)
                ? new PostgresBinaries(Path.GetFullPath(configuredDirectory))
                : throw new EmbeddedClusterException(
                    $"Database:PostgresBinDirectory is '{configuredDirectory}', which does not hold {string.Join(", ", Programs)}.");
        }
        return FromSearchPath(searchPath) ?? NewestDebianInstallation(debianRoot) ?? throw NotInstalled();
    }

    private static PostgresBinaries? FromSearchPath(string? searchPath)
    {
        foreach (var entry in (searchPath ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initDb = Path.Combine(entry, "initdb");
            if (!File.Exists(initDb))
            {
                continue;
            }
            // /usr/local/bin/initdb may be a link into /usr/lib/postgresql/15/bin: use that installation as a whole.
            var target = File.ResolveLinkTarget(initDb, returnFinalTarget: true)?.FullName ?? initDb;
            var directory = Path.GetDirectoryName(Path.GetFullPath(target))!;
            if (HasAllPrograms(directory))
            {
                return new PostgresBinaries(directory);
            }
        }
        return null;
    }

    private static PostgresBinaries? NewestDebianInstallation(string debianRoot)
    {
        if (!System.IO.Directory.Exists(debianRoot))
        {
            return null;
        }
        return System.IO.Directory.EnumerateDirectories(debianRoot)
            .Select(versionDirectory => (Version: MajorVersion(Path.GetFileName(versionDirectory)), Bin: Path.Combine(versionDirectory, "bin")))
            .Where(candidate => candidate.Version is not null && HasAllPrograms(candidate.Bin))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => new PostgresBinaries(candidate.Bin))
            .FirstOrDefault();
    }

    private static Version? MajorVersion(string name) =>
        Version.TryParse(name.Contains('.') ? name : name + ".0", out var version) ? version : null;

    private static bool HasAllPrograms(string directory) => Programs.All(program => File.Exists(Path.Combine(directory, program)));

    private static EmbeddedClusterException NotInstalled() => new(
        "PostgreSQL's server programs (initdb, pg_ctl, postgres) were found neither on PATH nor under " +
        $"{DebianRoot}/*/bin. Install them (Debian/Ubuntu: apt-get install {DebianPackage}; ./build.sh does this), " +
        "set Database:PostgresBinDirectory to where they are, or set Database:ConnectionString to use an existing server.");
}
