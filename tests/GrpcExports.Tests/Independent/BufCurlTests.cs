using System.Text.Json;
using Google.Protobuf.Reflection;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Independent;

/// <summary>The server as `buf curl` sees it: reflection (v1 and v1alpha), JSON calls, errors.</summary>
public sealed class BufCurlTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("grpc-v1")]
    [InlineData("grpc-v1alpha")]
    public async Task Lists_every_service_through_reflection(string reflectProtocol)
    {
        var result = await BufCurl.RunAsync(server.Address, "--reflect-protocol", reflectProtocol, "--list-services", server.Address.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        var services = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Superset(new HashSet<string>
        {
            "grpcexports.v1.ProjectService", "grpcexports.v1.ExportService", "grpcexports.v1.AssetService",
            "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection",
        }, services.ToHashSet());
    }

    [Fact]
    public async Task Lists_the_methods_of_the_services()
    {
        var result = await BufCurl.RunAsync(server.Address, "--list-methods", server.Address.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("grpcexports.v1.ExportService/WatchExport", result.StandardOutput);
        Assert.Contains("grpcexports.v1.ExportService/DownloadExport", result.StandardOutput);
    }

    [Fact]
    public async Task Describes_a_service_with_its_comments_file_and_dependencies_through_reflection()
    {
        var result = await BufCurl.CallAsync(server.Address, "grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
            """{"fileContainingSymbol": "grpcexports.v1.ProjectService"}""");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var response = JsonDocument.Parse(result.StandardOutput);
        var files = response.RootElement.GetProperty("fileDescriptorResponse").GetProperty("fileDescriptorProto")
            .EnumerateArray().Select(f => FileDescriptorProto.Parser.ParseFrom(f.GetBytesFromBase64())).ToList();
        var service = files[0].Service.Single(s => s.Name == "ProjectService");
        Assert.Contains(service.Method, m => m.Name == "SyncProject" && m.InputType == ".grpcexports.v1.SyncProjectRequest");
        var names = files.Select(f => f.Name).ToHashSet();
        Assert.Contains("google/protobuf/struct.proto", names);
        Assert.Contains(files[0].SourceCodeInfo.Location, location => location.LeadingComments.Contains("autosave", StringComparison.OrdinalIgnoreCase));
        Assert.All(files.SelectMany(f => f.Dependency), dependency => Assert.Contains(dependency, names));
    }

    [Fact]
    public async Task Calls_with_json_and_gets_json_back()
    {
        var result = await BufCurl.CallAsync(server.Address, "grpc.health.v1.Health/Check", "{}");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var response = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("SERVING", response.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Round_trips_an_editor_state_document_as_json()
    {
        var document = await File.ReadAllTextAsync(Path.Combine(RepoPaths.EditorStateCorpus, "editor-state.valid.json"));

        var result = await BufCurl.CallWithKeyAsync(server.Address, server.ApiKey, "grpcexports.v1.ProjectService/ValidateEditorState",
            $$"""{"editorState": {{document}}}""");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var response = JsonDocument.Parse(result.StandardOutput);
        var returned = response.RootElement.GetProperty("editorState").GetRawText();
        Assert.Null(JsonEquivalence.FindDifference(document, returned));
    }

    [Fact]
    public async Task Reports_an_error_with_its_code_and_details()
    {
        var result = await BufCurl.CallWithKeyAsync(server.Address, server.ApiKey, "grpcexports.v1.ProjectService/ValidateEditorState", "{}");

        Assert.NotEqual(0, result.ExitCode);
        using var error = JsonDocument.Parse(result.StandardError);
        Assert.Equal("invalid_argument", error.RootElement.GetProperty("code").GetString());
        var details = error.RootElement.GetProperty("details").EnumerateArray()
            .ToDictionary(d => d.GetProperty("type").GetString()!, d => Base64Unpadded(d.GetProperty("value").GetString()!));
        var info = Google.Rpc.ErrorInfo.Parser.ParseFrom(details["google.rpc.ErrorInfo"]);
        Assert.Equal("INVALID_REQUEST", info.Reason);
        Assert.Equal("grpcexports.dev", info.Domain);
        var badRequest = Google.Rpc.BadRequest.Parser.ParseFrom(details["google.rpc.BadRequest"]);
        Assert.Equal("editor_state", badRequest.FieldViolations.Single().Field);
    }

    [Fact]
    public async Task Answers_an_unknown_method_unimplemented()
    {
        var result = await BufCurl.CallAsync(server.Address, "grpcexports.v1.ProjectService/NoSuchMethod", "{}",
            "--schema", Path.Combine(RepoPaths.Root, "protos"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("NoSuchMethod", result.StandardError);
    }

    private static byte[] Base64Unpadded(string value) => Convert.FromBase64String(value.PadRight((value.Length + 3) / 4 * 4, '='));
}
