using FsCheck;
using FsCheck.Fluent;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Server.EditorState.Validation;
using GrpcExports.Server.ProjectFiles;
using GrpcExports.Tests.Fuzzing.ProjectFiles;
using GrpcExports.Tests.Support;
using Xunit.Abstractions;

namespace GrpcExports.Tests.Fuzzing;

/// <summary>
/// Two thousand generated project files read by the server's reader, in process: opening one never throws, every
/// problem has a known code and names its entry, and a file without problems yields a manifest, an editor state and
/// assets that the next steps of an import (reading the document, validating it, summing it up, rendering it) take
/// without throwing.
/// </summary>
public sealed class ProjectFileFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 2_000;

    private static readonly HashSet<string> KnownCodes =
    [
        ProblemCodes.Corrupt, ProblemCodes.Truncated, ProblemCodes.UnsafePath, ProblemCodes.Symlink, ProblemCodes.DuplicateEntry,
        ProblemCodes.TooLarge, ProblemCodes.CompressionRatio, ProblemCodes.ChecksumMismatch, ProblemCodes.UnknownFormatVersion,
        ProblemCodes.MissingEntry,
    ];

    // Problems of the archive as a whole; every other problem concerns one entry and names it.
    private static readonly HashSet<string> FileLevelCodes = [ProblemCodes.Corrupt, ProblemCodes.Truncated, ProblemCodes.TooLarge];

    [Fact]
    public void Reader_never_throws_and_every_problem_names_its_entry()
    {
        output.WriteLine(FuzzSeed.Describe(Cases));
        using var directory = new TemporaryDirectory();
        var outcomes = new int[2];

        Prop.ForAll(ProjectFileCase.Arbitrary, @case => outcomes[Check(@case, directory.Path) ? 1 : 0]++).Check(FuzzSeed.Checks(Cases));

        output.WriteLine($"{outcomes[1]} files without problems, {outcomes[0]} with");
        Assert.True(outcomes[1] >= Cases / 10, $"only {outcomes[1]} of {Cases} generated files had no problem");
        Assert.True(outcomes[0] >= Cases / 5, $"only {outcomes[0]} of {Cases} generated files had a problem");
    }

    /// <summary>Reads one file as an import would; true when the archive had no problem.</summary>
    private static bool Check(ProjectFileCase @case, string directory)
    {
        var path = Path.Combine(directory, "case.gxproj");
        File.WriteAllBytes(path, @case.Bytes());
        using var archive = ProjectFileArchive.OpenAsync(path, new ProjectFileOptions(), CancellationToken.None).GetAwaiter().GetResult();
        foreach (var problem in archive.Problems)
        {
            Assert.Contains(problem.Code, KnownCodes);
            Assert.NotEqual("", problem.Message);
            Assert.True(problem.Entry.Length > 0 || FileLevelCodes.Contains(problem.Code), $"a '{problem.Code}' problem names no entry: {problem.Message}");
        }
        if (archive.Problems.Count > 0)
        {
            return false;
        }
        Assert.NotNull(archive.Manifest);
        foreach (var asset in archive.IncludedAssets)
        {
            archive.ReadAssetAsync(asset, (_, _) => Task.CompletedTask, CancellationToken.None).GetAwaiter().GetResult();
        }
        var json = archive.EditorStateJson!;
        if (EditorStateEntry.Read(json, out var unreadable) is not { } document)
        {
            Assert.Equal(ProblemCodes.Corrupt, unreadable!.Code);
            return true;
        }
        var report = EditorStateValidator.Validate(document);
        DocumentSummary.Of(json);
        if (report.Valid)
        {
            EditorStateReader.Parse(json);
        }
        return true;
    }
}
