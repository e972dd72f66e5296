using System.Text.Json;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Security;

/// <summary>
/// The zero-set-up path: a server on loopback with its private database writes a working admin key for the user
/// "local" to the credentials file, readable only by its user, and leaves a file with a still-valid key alone.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FirstRunCredentialsTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string CredentialsPath => Path.Combine(_directory.Path, "config", "credentials.json");

    [Fact]
    public async Task The_first_run_writes_a_working_key_only_its_user_can_read_and_later_runs_keep_it()
    {
        string firstKey;
        await using (var server = await StartServerAsync())
        {
            var file = ReadFile();
            Assert.Equal(server.Address.GetLeftPart(UriPartial.Authority), file.GetProperty("endpoint").GetString());
            firstKey = file.GetProperty("apiKey").GetString()!;
            Assert.StartsWith("gx_", firstKey, StringComparison.Ordinal);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(CredentialsPath));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(CredentialsPath)!, "*.tmp"));

            using var connection = new GrpcConnection(TestApiKeys.Options(server.Address, firstKey));
            var account = (await new AccountServiceClient(connection).GetAccountAsync(new GetAccountRequest())).Account;
            Assert.Equal("local", account.UserId);
            Assert.Equal(AccessTier.Admin, account.Tier);
        }

        // The port changes from run to run here (port 0), so a restart on the same endpoint is simulated by pointing the
        // file at the endpoint the next run gets: the key is still valid there, so the file stays as it is.
        await using (var server = await StartServerAsync(rewriteEndpointOf: firstKey))
        {
            Assert.Equal(firstKey, ReadFile().GetProperty("apiKey").GetString());
        }
    }

    [Fact]
    public async Task A_file_for_another_endpoint_is_left_alone()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CredentialsPath)!);
        const string Theirs = """{"endpoint":"http://127.0.0.1:1","apiKey":"gx_someone-elses"}""";
        await File.WriteAllTextAsync(CredentialsPath, Theirs);

        await using (await StartServerAsync())
        {
            Assert.Equal(Theirs, await File.ReadAllTextAsync(CredentialsPath));
        }
    }

    /// <param name="rewriteEndpointOf">When set, the file is rewritten to hold this key for whatever endpoint the server gets.</param>
    private async Task<RunningServer> StartServerAsync(string? rewriteEndpointOf = null)
    {
        var port = rewriteEndpointOf is null ? 0 : FreePort();
        if (rewriteEndpointOf is not null)
        {
            await File.WriteAllTextAsync(CredentialsPath, $$"""{"endpoint":"http://127.0.0.1:{{port}}","apiKey":"{{rewriteEndpointOf}}"}""");
        }
        return await RunningServer.StartAsync(
            $"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{port}",
            $"--Database:DataDirectory={_directory.Path}",
            "--Database:ServerSettings:fsync=off",
            $"--Security:CredentialsFile={CredentialsPath}");
    }

    private JsonElement ReadFile() => JsonDocument.Parse(File.ReadAllText(CredentialsPath)).RootElement;

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
