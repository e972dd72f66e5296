using System.Globalization;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.Admin;
using GrpcExports.Server.Database;
using GrpcExports.Server.Database.Embedded;
using GrpcExports.Server.Database.Migrations;
using GrpcExports.Server.Security.Audit;
using GrpcExports.Server.Security.Keys;

namespace GrpcExports.Server.Security.Command;

/// <summary>
/// <c>GrpcExports.Server keys create --user U --name N [--tier basic|runtime|admin]</c>, <c>keys list [--user U]
/// [--include-revoked]</c> and <c>keys revoke ID</c>: key management against the configured database (the same
/// appsettings.json, environment and <c>--Section:Key=value</c> arguments as the server), for bootstrapping before any
/// admin key exists. A private cluster that is already running (the server's) is used as it is and left running.
/// </summary>
internal static class KeysCommand
{
    public const string Name = "keys";

    private const string Usage = """
        Usage: GrpcExports.Server keys create --user USER --name NAME [--tier basic|runtime|admin]
               GrpcExports.Server keys list [--user USER] [--include-revoked]
               GrpcExports.Server keys revoke API_KEY_ID
        Configuration arguments (--Database:ConnectionString=...) may follow, as for the server.
        """;

    public static async Task<int> RunAsync(string[] arguments, TextWriter output, TextWriter error)
    {
        var settings = arguments.Where(IsConfiguration).ToArray();
        var words = arguments.Where(argument => !IsConfiguration(argument)).ToList();
        if (words.Count == 0)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        if (!TryParse(words, out var command, out var problem))
        {
            await error.WriteLineAsync(problem + "\n" + Usage);
            return 2;
        }
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(settings)
            .Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddConsole().SetMinimumLevel(LogLevel.Warning))
            .AddDatabase(configuration, AppContext.BaseDirectory)
            .AddKeyStores(configuration);
        await using var provider = services.BuildServiceProvider();
        var database = provider.GetRequiredService<DatabaseTarget>();
        var startedHere = database.Cluster is { } cluster && PostmasterLock.FindRunningPostmasterOrClearStaleLock(cluster.Layout) is null;
        try
        {
            if (database.Cluster is { } embedded)
            {
                await embedded.StartAsync(CancellationToken.None);
                await embedded.EnsureDatabaseAsync(database.DatabaseName, CancellationToken.None);
            }
            await provider.GetRequiredService<SchemaMigrator>().ApplyAsync(CancellationToken.None);
            return await command(provider, output, error);
        }
        finally
        {
            if (startedHere)
            {
                await database.Cluster!.StopAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>Configuration arguments are the server's: --Section:Key=value or --Section:Key value.</summary>
    private static bool IsConfiguration(string argument) => argument.StartsWith("--", StringComparison.Ordinal) && argument.Contains(':');

    private static bool TryParse(List<string> words, out Func<IServiceProvider, TextWriter, TextWriter, Task<int>> command, out string problem)
    {
        command = null!;
        problem = "";
        var verb = words[0];
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (var index = 1; index < words.Count; index++)
        {
            switch (words[index])
            {
                case "--include-revoked":
                    options["--include-revoked"] = "true";
                    break;
                case "--user" or "--name" or "--tier" when index + 1 < words.Count:
                    options[words[index]] = words[++index];
                    break;
                case var word when word.StartsWith("--", StringComparison.Ordinal):
                    problem = $"Unknown or incomplete option '{word}'.";
                    return false;
                case var word:
                    positional.Add(word);
                    break;
            }
        }
        switch (verb)
        {
            case "create" when positional.Count == 0 && options.TryGetValue("--user", out var user) && options.TryGetValue("--name", out var name):
                if (!TryParseTier(options.GetValueOrDefault("--tier", "runtime"), out var tier))
                {
                    problem = $"'{options["--tier"]}' is not a tier: use basic, runtime or admin.";
                    return false;
                }
                command = (provider, output, error) => CreateAsync(provider, user, name, tier, output, error);
                return true;
            case "list" when positional.Count == 0 && !options.ContainsKey("--name") && !options.ContainsKey("--tier"):
                command = (provider, output, _) => ListAsync(provider, options.GetValueOrDefault("--user"), options.ContainsKey("--include-revoked"), output);
                return true;
            case "revoke" when positional.Count == 1 && options.Count == 0:
                command = (provider, output, error) => RevokeAsync(provider, positional[0], output, error);
                return true;
            default:
                problem = $"'{string.Join(' ', words)}' is not a keys command.";
                return false;
        }
    }

    private static bool TryParseTier(string text, out AccessTier tier)
    {
        tier = text.ToLowerInvariant() switch
        {
            "basic" => AccessTier.Basic,
            "runtime" => AccessTier.Runtime,
            "admin" => AccessTier.Admin,
            _ => AccessTier.Unspecified,
        };
        return tier != AccessTier.Unspecified;
    }

    private static async Task<int> CreateAsync(IServiceProvider provider, string userId, string name, AccessTier tier, TextWriter output, TextWriter error)
    {
        var violations = ApiKeyFields.Violations(userId, name, tier, expiresAt: null, DateTimeOffset.UtcNow);
        if (violations.Count > 0)
        {
            await error.WriteLineAsync(string.Join("\n", violations.Select(v => $"{v.Field}: {v.Description}")));
            return 2;
        }
        var (key, secret) = await provider.GetRequiredService<ApiKeyStore>().CreateAsync(userId, name, tier, expiresAt: null, CancellationToken.None);
        await AuditAsync(provider, AuditEventKind.KeyCreated, "keys create", key.ApiKeyId);
        await output.WriteLineAsync(Describe(key));
        await output.WriteLineAsync($"secret: {secret}");
        await output.WriteLineAsync("The secret is shown only this once; send it as the metadata 'authorization: Bearer <secret>'.");
        return 0;
    }

    private static async Task<int> ListAsync(IServiceProvider provider, string? userId, bool includeRevoked, TextWriter output)
    {
        var keys = await provider.GetRequiredService<ApiKeyStore>().ListAsync(userId, includeRevoked, after: null, int.MaxValue, CancellationToken.None);
        foreach (var key in keys)
        {
            await output.WriteLineAsync(Describe(key));
        }
        return 0;
    }

    private static async Task<int> RevokeAsync(IServiceProvider provider, string id, TextWriter output, TextWriter error)
    {
        if (!Guid.TryParseExact(id, "D", out var apiKeyId))
        {
            await error.WriteLineAsync($"'{id}' is not an API key id (a UUID, as `keys list` shows; not the secret).");
            return 2;
        }
        if (await provider.GetRequiredService<ApiKeyStore>().RevokeAsync(apiKeyId, CancellationToken.None) is not { } key)
        {
            await error.WriteLineAsync($"There is no API key {apiKeyId}.");
            return 1;
        }
        await AuditAsync(provider, AuditEventKind.KeyRevoked, "keys revoke", apiKeyId);
        await output.WriteLineAsync(Describe(key));
        return 0;
    }

    private static Task AuditAsync(IServiceProvider provider, AuditEventKind kind, string method, Guid apiKeyId) =>
        provider.GetRequiredService<AuditLog>().AppendAsync(
            new AuditEntry(kind, new Actor { ApiKeyName = "command line" }, method, $"api-key:{apiKeyId}", 0, ""), CancellationToken.None);

    private static string Describe(ApiKeyRow key) => string.Join("  ",
        key.ApiKeyId,
        $"user={key.UserId}",
        $"name={key.Name}",
        $"tier={key.Tier.ToString().ToLowerInvariant()}",
        $"prefix={key.SecretPrefix}",
        $"created={Time(key.CreatedAt)}",
        $"last-used={(key.LastUsedAt is { } used ? Time(used) : "never")}",
        key.RevokedAt is { } revoked ? $"revoked={Time(revoked)}" : "active");

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
