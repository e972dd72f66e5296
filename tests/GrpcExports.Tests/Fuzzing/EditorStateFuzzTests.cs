using FsCheck;
using FsCheck.Fluent;
using GrpcExports.Rendering.Timeline;
using GrpcExports.Server.EditorState;
using GrpcExports.Server.EditorState.Validation;
using GrpcExports.Server.ProjectFiles;
using GrpcExports.Tests.Fuzzing.EditorStates;
using Xunit.Abstractions;

namespace GrpcExports.Tests.Fuzzing;

/// <summary>
/// Ten thousand mutated editor states, in process: the validator never throws and every violation points into the
/// document (or at a missing member of something that is there); whatever it accepts, the renderer's reader reads;
/// whatever it can store, ValidateProjectFile's summary describes.
/// </summary>
public sealed class EditorStateFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 10_000;

    [Fact]
    public void Validator_points_into_the_document_and_the_reader_takes_every_accepted_one()
    {
        output.WriteLine(FuzzSeed.Describe(Cases));
        var outcomes = new int[2];

        Prop.ForAll(EditorStateCase.Arbitrary, @case => outcomes[Check(@case) ? 1 : 0]++).Check(FuzzSeed.Checks(Cases));

        output.WriteLine($"{outcomes[1]} accepted, {outcomes[0]} refused");
        // The reader's property means something only if a fair share of the cases is accepted.
        Assert.True(outcomes[1] >= Cases / 50, $"only {outcomes[1]} of {Cases} generated documents were accepted");
        Assert.True(outcomes[0] >= Cases / 2, $"only {outcomes[0]} of {Cases} generated documents were refused");
    }

    /// <summary>Checks one document; true when the validator accepted it.</summary>
    private static bool Check(EditorStateCase @case)
    {
        var document = StructOfJson.Convert(@case.Document());
        var report = EditorStateValidator.Validate(document);
        foreach (var violation in report.Violations)
        {
            foreach (var path in violation.RelatedPaths.Prepend(violation.Path))
            {
                Assert.True(StructPointer.ExistsOrParentExists(document, path),
                    $"{violation.Kind} at '{violation.Path}' names '{path}', which is not in the document: {violation.Message}");
            }
        }
        if (!report.Storable)
        {
            Assert.False(report.Valid);
            return false;
        }
        var json = EditorStateJson.Write(document);
        DocumentSummary.Of(json);
        if (report.Valid)
        {
            EditorStateReader.Parse(json);
        }
        return report.Valid;
    }
}
