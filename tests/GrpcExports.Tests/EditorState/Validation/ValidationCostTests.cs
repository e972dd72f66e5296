using System.Diagnostics;
using System.Text;
using GrpcExports.Server.EditorState;
using GrpcExports.Server.EditorState.Validation;
using GrpcExports.Tests.Projects;
using Xunit.Abstractions;

namespace GrpcExports.Tests.EditorState.Validation;

/// <summary>
/// What validating a ~100 KB autosave costs, printed beside the cost of writing the same document as JSON (which every
/// sync does anyway), measured in alternating rounds after a warm-up long enough for the JIT's optimised code. A
/// measurement for the report, not a timed assertion.
/// </summary>
public sealed class ValidationCostTests(ITestOutputHelper output)
{
    private const int WarmUpCalls = 300;
    private const int Rounds = 7;
    private const int CallsPerRound = 100;

    [Fact]
    public void Validating_a_100_KB_document_is_measured_beside_writing_it()
    {
        var json = ProjectDocuments.LargeState(itemCount: 140, movedItem: 7, start: 3);
        var document = ProjectDocuments.Parse(json);
        var bytes = Encoding.UTF8.GetByteCount(json);
        Assert.InRange(bytes, 100_000, 110_000);
        Assert.Empty(EditorStateValidator.Validate(document).Violations);

        Action validate = () => EditorStateValidator.Validate(document);
        Action write = () => EditorStateJson.Write(document);
        WarmUp(validate);
        WarmUp(write);
        var validateTimes = new List<double>();
        var writeTimes = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            validateTimes.Add(MicrosecondsPerCall(validate));
            writeTimes.Add(MicrosecondsPerCall(write));
        }

        var (validateMedian, writeMedian) = (Median(validateTimes), Median(writeTimes));
        output.WriteLine($"{bytes / 1024.0:0.0} KB document, median of {Rounds} rounds of {CallsPerRound} calls, on {Environment.ProcessorCount} cores:");
        output.WriteLine($"  validate (non-finite numbers + schema + timeline rules): {validateMedian:0} µs per document");
        output.WriteLine($"  write as JSON (EditorStateJson.Write, done by every sync): {writeMedian:0} µs per document");
        output.WriteLine($"  validate / write: {validateMedian / writeMedian:0.00}x");
    }

    private static void WarmUp(Action action)
    {
        for (var i = 0; i < WarmUpCalls; i++)
        {
            action();
        }
    }

    private static double MicrosecondsPerCall(Action action)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < CallsPerRound; i++)
        {
            action();
        }
        return clock.Elapsed.TotalMicroseconds / CallsPerRound;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
