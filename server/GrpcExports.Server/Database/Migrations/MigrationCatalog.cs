using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace GrpcExports.Server.Database.Migrations;

/// <summary>
/// The schema migrations this build carries: the files <c>Database/Migrations/NNNN_name.sql</c>, embedded in the
/// assembly, in version order. Versions start at 1 and have no gaps, so a missing or duplicated file stops start-up.
/// </summary>
internal static partial class MigrationCatalog
{
    private const string ResourcePrefix = "Migrations/";

    private static readonly Lazy<IReadOnlyList<Migration>> Embedded = new(() => Load(typeof(MigrationCatalog).Assembly));

    /// <summary>Every migration of this build, oldest first.</summary>
    public static IReadOnlyList<Migration> All => Embedded.Value;

    /// <summary>The migrations among <paramref name="files"/> (resource names "Migrations/NNNN_name.sql"), checked and ordered.</summary>
    public static IReadOnlyList<Migration> Order(IEnumerable<(string ResourceName, string Sql)> files)
    {
        var migrations = new List<Migration>();
        foreach (var (resourceName, sql) in files)
        {
            var fileName = resourceName.StartsWith(ResourcePrefix, StringComparison.Ordinal) ? resourceName[ResourcePrefix.Length..] : resourceName;
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration file '{fileName}' is not named NNNN_name.sql.");
            }
            migrations.Add(new Migration(int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), match.Groups["name"].Value, sql));
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var index = 0; index < migrations.Count; index++)
        {
            if (migrations[index].Version != index + 1)
            {
                throw new InvalidOperationException(
                    $"Migration versions must run 1, 2, 3, ... without gaps or repeats; found {string.Join(", ", migrations.Select(m => m.Version))}.");
            }
        }
        return migrations;
    }

    private static IReadOnlyList<Migration> Load(Assembly assembly) => Order(assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
        .Select(name => (name, Read(assembly, name))));

    private static string Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>[0-9]{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();
}
