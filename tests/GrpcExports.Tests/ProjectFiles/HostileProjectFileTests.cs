using System.IO.Compression;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Tests.ProjectFiles;

/// <summary>
/// Corrupt, truncated, oversized and hostile project files: ImportProjectFile refuses each with INVALID_ARGUMENT
/// INVALID_PROJECT_FILE naming the entry (or RESOURCE_EXHAUSTED over the size cap), ValidateProjectFile reports the same
/// problem, and nothing is kept: no project, no asset, no file in the data directory and none where an entry points.
/// </summary>
public sealed class HostileProjectFileTests(OneProjectFileServer fixture) : IClassFixture<OneProjectFileServer>
{
    private static readonly string Escape = $"gx-escape-{Guid.NewGuid():N}.txt";

    private ProjectFileServer Server => fixture.Server;

    public static TheoryData<string> Cases() => [.. HostileFiles.Keys];

    private static readonly Dictionary<string, (Func<byte[]> File, string Entry, string[] Codes)> HostileFiles = new()
    {
        ["parent path"] = (() => HandMadeProjectFiles.Build(zip => HandMadeProjectFiles.Add(zip, $"../../{Escape}", "root:x:0:0"u8.ToArray())),
            $"../../{Escape}", ["unsafe-path"]),
        ["absolute path"] = (() => HandMadeProjectFiles.Build(zip => HandMadeProjectFiles.Add(zip, $"/tmp/{Escape}", "x"u8.ToArray())),
            $"/tmp/{Escape}", ["unsafe-path"]),
        ["symbolic link"] = (() => HandMadeProjectFiles.Build(zip =>
        {
            var link = zip.CreateEntry("assets/passwd");
            link.ExternalAttributes = unchecked((int)(0xA1FFu << 16));
            using var target = link.Open();
            target.Write("/etc/passwd"u8);
        }), "assets/passwd", ["symlink"]),
        ["duplicate name"] = (() => HandMadeProjectFiles.Build(zip => HandMadeProjectFiles.Add(zip, "editor-state.json", "{}"u8.ToArray())),
            "editor-state.json", ["duplicate-entry"]),
        ["bomb by declared size"] = (() => HandMadeProjectFiles.WithDeclaredSize(
                HandMadeProjectFiles.Build(zip => HandMadeProjectFiles.Add(zip, "assets/bomb.bin", new byte[4096])), "assets/bomb.bin", 0xFFFF_FFF0),
            "assets/bomb.bin", ["compression-ratio", "too-large"]),
        ["bomb by real size"] = (() => HandMadeProjectFiles.WithDeclaredSize(
                HandMadeProjectFiles.Build(editorState: new byte[96 * 1024 * 1024], declaredEditorState: HandMadeProjectFiles.EditorState),
                "editor-state.json", (uint)HandMadeProjectFiles.EditorState.Length),
            // Decompression stops at the declared size (ours, and .NET's own reader), so what comes out is cut short and does not match.
            "editor-state.json", ["too-large", "corrupt", "checksum-mismatch"]),
        ["checksum mismatch"] = (() => HandMadeProjectFiles.Build(editorState: [.. HandMadeProjectFiles.EditorState, .. " "u8],
                declaredEditorState: HandMadeProjectFiles.EditorState),
            "editor-state.json", ["checksum-mismatch"]),
        ["unknown format version"] = (() => HandMadeProjectFiles.Build(formatVersion: 2), "manifest.json", ["unknown-format-version"]),
        ["missing manifest"] = (() =>
        {
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                HandMadeProjectFiles.Add(zip, "editor-state.json", HandMadeProjectFiles.EditorState);
            }
            return buffer.ToArray();
        }, "manifest.json", ["missing-entry"]),
        ["not a zip"] = (() => [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251))], "", ["corrupt"]),
        ["truncated"] = (() => HandMadeProjectFiles.Build()[..300], "", ["truncated"]),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task IsRefusedNamingTheEntryAndLeavesNothingBehind(string name)
    {
        var (file, entry, codes) = HostileFiles[name];
        var bytes = file();
        var before = await Server.StoredAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Server.Projects.ImportFileAsync(bytes, "hostile.gxproj"));
        var report = await Server.Projects.ValidateFileAsync(bytes, "hostile.gxproj");

        Assert.Equal((StatusCode.InvalidArgument, "INVALID_PROJECT_FILE"), (error.StatusCode, error.Reason));
        Assert.Contains(error.ErrorInfo!.Metadata["problem"], codes);
        Assert.Equal(entry, error.ErrorInfo.Metadata.TryGetValue("entry", out var named) ? named : "");
        Assert.Contains(error.BadRequest!.FieldViolations, violation => violation.Field == "chunk" && violation.Description.StartsWith(entry, StringComparison.Ordinal));
        Assert.False(report.Valid);
        Assert.Contains(report.FileProblems, problem => problem.Entry == entry && codes.Contains(problem.Code));
        await AssertNothingKeptAsync(before);
    }

    [Fact]
    public async Task AFileDeclaredLargerThanTheCapIsRefusedBeforeItsBytes()
    {
        var before = await Server.StoredAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Server.Projects.ImportChunksAsync(
            new ImportProjectFileHeader { FileName = "big.gxproj", SizeBytes = ProjectFileServer.MaxFileBytes + 1 }, [new byte[1024]]));

        Assert.Equal((StatusCode.ResourceExhausted, "PAYLOAD_TOO_LARGE"), (error.StatusCode, error.Reason));
        Assert.Equal(ProjectFileServer.MaxFileBytes.ToString(), error.ErrorInfo!.Metadata["limitBytes"]);
        await AssertNothingKeptAsync(before);
    }

    [Fact]
    public async Task AFileThatGrowsPastTheCapIsRefusedWhenItCrossesIt()
    {
        var before = await Server.StoredAsync();
        var chunk = new byte[ProjectFileCalls.ChunkSize];

        var error = await Assert.ThrowsAsync<RpcException>(() => Server.Projects.ImportChunksAsync(
            new ImportProjectFileHeader { FileName = "growing.gxproj" }, Enumerable.Repeat(chunk, (int)(ProjectFileServer.MaxFileBytes / chunk.Length) + 2)));

        Assert.Equal((StatusCode.ResourceExhausted, "PAYLOAD_TOO_LARGE"), (error.StatusCode, error.Reason));
        await AssertNothingKeptAsync(before);
    }

    [Fact]
    public async Task ABadHeaderNamesItsField()
    {
        var file = HandMadeProjectFiles.Build();

        var name = await Assert.ThrowsAsync<RpcException>(() => Server.Projects.ImportFileAsync(file, "../up.gxproj"));
        var sha = await Assert.ThrowsAsync<RpcException>(() => Server.Projects.ImportFileAsync(file, sha256: new string('0', 64)));
        var size = await Assert.ThrowsAsync<RpcException>(() => Server.Projects.ImportFileAsync(file, sizeBytes: file.Length + 1));

        Assert.Equal((StatusCode.InvalidArgument, "INVALID_FILE_NAME", "header.file_name"), (name.StatusCode, name.Reason, name.BadRequest!.FieldViolations[0].Field));
        Assert.Equal((StatusCode.InvalidArgument, "CHECKSUM_MISMATCH", "header.sha256"), (sha.StatusCode, sha.Reason, sha.BadRequest!.FieldViolations[0].Field));
        Assert.Equal((StatusCode.InvalidArgument, "UPLOAD_INCOMPLETE"), (size.StatusCode, size.Reason));
    }

    [Fact]
    public async Task ARetryWithTheSameIdempotencyKeyReplaysTheImport()
    {
        var file = HandMadeProjectFiles.Build();
        var options = new CallOptions { Headers = new Metadata { { "idempotency-key", $"import-{Guid.NewGuid():N}" } } };
        var before = await Server.StoredAsync();

        var first = await Server.Projects.ImportFileAsync(file, title: "Once", options: options);
        var retry = await Server.Projects.ImportFileAsync(file, title: "Once", options: options);
        var other = await Assert.ThrowsAsync<RpcException>(() => Server.Projects.ImportFileAsync(file, title: "Twice", options: options));

        Assert.Equal(first, retry);
        Assert.Equal((StatusCode.FailedPrecondition, "IDEMPOTENCY_KEY_REUSED"), (other.StatusCode, other.Reason));
        Assert.Equal(before.Projects + 1, (await Server.StoredAsync()).Projects);
    }

    [Fact]
    public async Task TheHandMadeFileItselfImports()
    {
        var imported = await Server.Projects.ImportFileAsync(HandMadeProjectFiles.Build(), title: "Hand made import");

        Assert.Equal(("Hand made import", 1L, 0, 0), (imported.Project.Title, imported.Project.Version, imported.AssetsUploaded, imported.AssetsRelinked));
    }

    private async Task AssertNothingKeptAsync((long Projects, long Assets, string[] Files) before)
    {
        var after = await Server.StoredAsync();
        Assert.Equal((before.Projects, before.Assets), (after.Projects, after.Assets));
        Assert.Equal(before.Files, after.Files);
        foreach (var root in new[] { Server.DataDirectory, Server.AssetDirectory, Path.Combine(Server.AssetDirectory, "incoming"), Environment.CurrentDirectory })
        {
            Assert.False(File.Exists(Path.GetFullPath(Path.Combine(root, "../..", Escape))), $"An entry escaped to {root}/../..");
        }
        Assert.False(File.Exists(Path.Combine("/tmp", Escape)));
    }
}
