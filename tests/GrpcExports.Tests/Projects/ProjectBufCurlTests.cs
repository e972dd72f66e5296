using System.Text.Json;
using GrpcExports.Tests.Independent;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Projects;

/// <summary>The new project RPCs through `buf curl`, an independent client: JSON field masks, the idempotency-key header, history.</summary>
public sealed class ProjectBufCurlTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Service = "grpcexports.v1.ProjectService/";

    [Fact]
    public async Task CreatesOnceUnderAKeyRenamesWithAJsonMaskAndReadsTheHistory()
    {
        string[] key = ["-H", "idempotency-key: buf-" + Guid.NewGuid().ToString("N")];
        var folder = "buf-" + Guid.NewGuid().ToString("N");
        var create = $$"""{"project": {"title": "Draft", "folderId": "{{folder}}"} }""";

        var first = await CallAsync("CreateProject", create, key);
        var retry = await CallAsync("CreateProject", create, key);
        var id = first.GetProperty("project").GetProperty("id").GetString();
        var renamed = await CallAsync("UpdateProject", $$"""{"project": {"id": "{{id}}", "title": "Launch"}, "updateMask": "title"}""");
        var listed = await CallAsync("ListProjects", $$"""{"folderId": "{{folder}}"}""");
        var history = await CallAsync("ListProjectHistory", $$"""{"projectId": "{{id}}"}""");

        Assert.Equal(id, retry.GetProperty("project").GetProperty("id").GetString());
        Assert.Equal(("Launch", "2"), (renamed.GetProperty("project").GetProperty("title").GetString(),
            renamed.GetProperty("project").GetProperty("version").GetString()));
        Assert.Single(listed.GetProperty("projects").EnumerateArray());
        var newest = history.GetProperty("events")[0];
        Assert.Equal("PROJECT_EVENT_TYPE_METADATA_UPDATED", newest.GetProperty("type").GetString());
        Assert.Equal("title: 'Draft' -> 'Launch'", newest.GetProperty("summary").GetString());
        Assert.StartsWith("buf/", newest.GetProperty("actor").GetProperty("userAgent").GetString()!.Split(' ')[^1]);
    }

    [Fact]
    public async Task RefusesAnEditorStateMaskWithTheReasonTheIndependentClientCanRead()
    {
        var id = (await CallAsync("CreateProject", "{}")).GetProperty("project").GetProperty("id").GetString();

        var result = await BufCurl.CallWithKeyAsync(server.Address, server.ApiKey, Service + "UpdateProject",
            $$"""{"project": {"id": "{{id}}"}, "updateMask": "editorState"}""");

        Assert.NotEqual(0, result.ExitCode);
        using var error = JsonDocument.Parse(result.StandardError);
        Assert.Equal("invalid_argument", error.RootElement.GetProperty("code").GetString());
        Assert.Contains("'editor_state'", error.RootElement.GetProperty("message").GetString());
    }

    private async Task<JsonElement> CallAsync(string method, string json, params string[] arguments)
    {
        var result = await BufCurl.CallWithKeyAsync(server.Address, server.ApiKey, Service + method, json, arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.StandardOutput);
        return document.RootElement.Clone();
    }
}
