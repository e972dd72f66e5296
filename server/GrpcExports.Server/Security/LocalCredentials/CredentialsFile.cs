using System.Text.Json;
using System.Text.Json.Serialization;

namespace GrpcExports.Server.Security.LocalCredentials;

/// <summary>
/// The local credentials file the PowerShell module and the README's grpcurl examples read:
/// <c>{"endpoint":"http://127.0.0.1:5000","apiKey":"gx_..."}</c>, readable only by its user (mode 0600).
/// </summary>
internal sealed record CredentialsFile(
    [property: JsonPropertyName("endpoint")] string Endpoint,
    [property: JsonPropertyName("apiKey")] string ApiKey)
{
    public const string EnvironmentVariable = "GX_CREDENTIALS_FILE";

    /// <summary>The configured path, else <c>$GX_CREDENTIALS_FILE</c>, else <c>${XDG_CONFIG_HOME:-$HOME/.config}/grpcexports/credentials.json</c>.</summary>
    public static string ResolvePath(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return Path.GetFullPath(fromEnvironment);
        }
        var configHome = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(configHome) || !Path.IsPathRooted(configHome))
        {
            configHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        }
        return Path.Combine(configHome, "grpcexports", "credentials.json");
    }

    /// <summary>The file at <paramref name="path"/>, or null when there is none or it is not a credentials file.</summary>
    public static CredentialsFile? TryRead(string path)
    {
        try
        {
            var file = JsonSerializer.Deserialize<CredentialsFile>(File.ReadAllText(path));
            return file is { Endpoint.Length: > 0, ApiKey.Length: > 0 } ? file : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes the file, created with mode 0600 before any byte of the key is in it, through a temporary file renamed
    /// over the old one, so a reader never sees half a file.
    /// </summary>
    public void Write(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var stream = new FileStream(temporary, options))
            {
                JsonSerializer.Serialize(stream, this);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
