using System.Text.Json;

namespace GrpcExports.PowerShell.Session;

/// <summary>
/// The credentials file a local server writes on its first start, <c>{"endpoint": "http://127.0.0.1:5000", "apiKey": "..."}</c>:
/// at $GX_CREDENTIALS_FILE when set, else at ${XDG_CONFIG_HOME:-$HOME/.config}/grpcexports/credentials.json.
/// </summary>
internal sealed record CredentialsFile(string Path, Uri Endpoint, string ApiKey)
{
    public const string PathVariable = "GX_CREDENTIALS_FILE";

    public static string DefaultPath()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured)
        {
            return configured;
        }
        var configHome = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : System.IO.Path.Combine(Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home
                ? home
                : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return System.IO.Path.Combine(configHome, "grpcexports", "credentials.json");
    }

    /// <summary>The file at <paramref name="path"/>; null when there is none. A file that is not what the server writes throws <see cref="FormatException"/>.</summary>
    public static CredentialsFile? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("endpoint", out var endpoint) && endpoint.ValueKind == JsonValueKind.String
                && Uri.TryCreate(endpoint.GetString(), UriKind.Absolute, out var endpointUri)
                && root.TryGetProperty("apiKey", out var apiKey) && apiKey.ValueKind == JsonValueKind.String && apiKey.GetString() is { Length: > 0 } key)
            {
                return new CredentialsFile(path, endpointUri, key);
            }
        }
        catch (JsonException error)
        {
            throw new FormatException($"The credentials file {path} is not JSON: {error.Message}", error);
        }
        throw new FormatException($"The credentials file {path} needs a string \"endpoint\" (an absolute URI) and a string \"apiKey\".");
    }

    /// <summary>Whether the key belongs to <paramref name="endpoint"/>: it is never sent to another server.</summary>
    public bool IsFor(Uri endpoint) => Uri.Compare(Endpoint, endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
