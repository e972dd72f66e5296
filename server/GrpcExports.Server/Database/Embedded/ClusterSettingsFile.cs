using System.Text;

namespace GrpcExports.Server.Database.Embedded;

/// <summary>
/// The cluster's settings that the server owns, in grpcexports.conf beside postgresql.conf (which includes it): no TCP
/// listener, the unix socket in the layout's socket folder, and the configured extra settings. Rewritten at every
/// start, so a moved socket folder or a changed setting takes effect.
/// </summary>
internal static class ClusterSettingsFile
{
    private const string IncludeLine = $"include_if_exists = '{ClusterLayout.SettingsFileName}'";

    /// <summary>Makes the postgresql.conf in <paramref name="dataDirectory"/> include grpcexports.conf (once, right after initdb).</summary>
    public static void IncludeFromPostgresqlConf(string dataDirectory)
    {
        var postgresqlConf = Path.Combine(dataDirectory, "postgresql.conf");
        if (!File.ReadAllText(postgresqlConf).Contains(IncludeLine, StringComparison.Ordinal))
        {
            File.AppendAllText(postgresqlConf, $"\n# Settings the GrpcExports server writes at every start.\n{IncludeLine}\n");
        }
    }

    public static void Write(ClusterLayout layout, IReadOnlyDictionary<string, string> extraSettings)
    {
        var text = new StringBuilder()
            .AppendLine("# Written by the GrpcExports server at every start; edit Database:ServerSettings instead.")
            .AppendLine("listen_addresses = ''")
            .AppendLine($"unix_socket_directories = {Quote(layout.Sockets)}")
            .AppendLine($"port = {ClusterLayout.Port}");
        foreach (var (name, value) in extraSettings.OrderBy(setting => setting.Key, StringComparer.Ordinal))
        {
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.'))
            {
                throw new EmbeddedClusterException($"Database:ServerSettings has a setting named '{name}', which is not a PostgreSQL setting name.");
            }
            if (value.Any(char.IsControl))
            {
                throw new EmbeddedClusterException($"Database:ServerSettings:{name} holds a control character.");
            }
            text.AppendLine($"{name} = {Quote(value)}");
        }
        File.WriteAllText(layout.SettingsFile, text.ToString());
    }

    /// <summary>A postgresql.conf string literal: single quotes, each inner quote doubled.</summary>
    private static string Quote(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
}
