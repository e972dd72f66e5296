using FsCheck;
using FsCheck.Fluent;
using GrpcExports.Client;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.EditorState.Validation;
using GrpcExports.Tests.Fuzzing.EditorStates;
using GrpcExports.Tests.Fuzzing.ProjectFiles;
using GrpcExports.Tests.ProjectFiles;
using GrpcExports.Tests.Support;
using Xunit.Abstractions;

namespace GrpcExports.Tests.Fuzzing;

/// <summary>
/// Generated editor states and project files through the real server: ValidateEditorState, CreateProject, SyncProject,
/// CreateExport with the state inline, ImportProjectFile and ValidateProjectFile. Nothing is INTERNAL or UNKNOWN, every
/// INVALID_ARGUMENT names a field, and the server agrees with the in-process validator on what is valid.
/// </summary>
public sealed class ServerEditorStateFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int EditorStateCases = 150;
    private const int ProjectFileCases = 100;

    private RunningServer? _server;
    private GrpcConnection? _connection;

    private ProjectServiceClient Projects => new(_connection!);

    private ExportServiceClient Exports => new(_connection!);

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync("--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0", $"--Projects:SyncRate:Burst={EditorStateCases * 2}");
        _connection = _server.Connect();
    }

    public async Task DisposeAsync()
    {
        _connection?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Editor_states_are_answered_or_refused_with_a_field_by_every_rpc_that_takes_one()
    {
        output.WriteLine(FuzzSeed.Describe(EditorStateCases));
        var project = (await Projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { Title = "fuzz target" } })).Project;
        var stateVersion = project.StateVersion;
        var statuses = new Dictionary<string, int>();

        Prop.ForAll(EditorStateCase.Arbitrary, @case =>
        {
            var document = StructOfJson.Convert(@case.Document());
            var expected = EditorStateValidator.Validate(document);
            var validation = new ValidateEditorStateResponse();
            var validated = Run(@case, "ValidateEditorState", async () =>
                validation = await Projects.ValidateEditorStateAsync(new ValidateEditorStateRequest { EditorState = document }));
            Count(statuses, "ValidateEditorState", validated);
            if (validated == StatusCode.OK)
            {
                Assert.Equal(expected.Valid, validation.Valid);
            }
            Count(statuses, "CreateProject", Run(@case, "CreateProject", () =>
                Projects.CreateProjectAsync(new CreateProjectRequest { Project = new Project { Title = "fuzzed", EditorState = document } })));
            Count(statuses, "SyncProject", Run(@case, "SyncProject", async () =>
                stateVersion = (await Projects.SyncProjectAsync(new SyncProjectRequest
                {
                    ProjectId = project.Id, EditorState = document, ExpectedStateVersion = stateVersion,
                })).StateVersion));
            Count(statuses, "CreateExport", Run(@case, "CreateExport", async () =>
            {
                var export = (await Exports.CreateExportAsync(new CreateExportRequest { EditorState = document })).Export;
                await Exports.CancelExportAsync(new CancelExportRequest { ExportId = export.Id });
            }));
        }).Check(FuzzSeed.Checks(EditorStateCases));

        output.WriteLine(string.Join(", ", statuses.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}: {pair.Value}")));
    }

    [Fact]
    public void Project_files_are_imported_or_refused_with_a_field_and_always_validated()
    {
        output.WriteLine(FuzzSeed.Describe(ProjectFileCases));
        var statuses = new Dictionary<string, int>();

        Prop.ForAll(ProjectFileCase.Arbitrary, @case =>
        {
            var file = @case.Bytes();
            Count(statuses, "ImportProjectFile", Run(@case, "ImportProjectFile", () => Projects.ImportFileAsync(file)));
            // A bad file is an answer of ValidateProjectFile, never an error.
            Assert.Equal(StatusCode.OK, Run(@case, "ValidateProjectFile", () => Projects.ValidateFileAsync(file)));
        }).Check(FuzzSeed.Checks(ProjectFileCases));

        output.WriteLine(string.Join(", ", statuses.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}: {pair.Value}")));
    }

    private static StatusCode Run(object @case, string rpc, Func<Task> call) =>
        ServerRefusals.CheckAsync($"{rpc} of {@case}", call).GetAwaiter().GetResult();

    private static void Count(Dictionary<string, int> statuses, string rpc, StatusCode status) =>
        statuses[$"{rpc} {status}"] = statuses.GetValueOrDefault($"{rpc} {status}") + 1;
}
