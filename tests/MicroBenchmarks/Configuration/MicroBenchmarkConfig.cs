using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace MicroBenchmarks.Configuration;

/// <summary>
/// The job every class runs with, in this process (a generated out-of-process project would have to restore and
/// build on a shared 2-core machine, and the package mirror serves later patches of some of BenchmarkDotNet's
/// dependencies than that project would ask for). By default a short one (BenchmarkDotNet's ShortRun: 1 launch, 3
/// warm-ups, 3 iterations), a few minutes in all; with <see cref="FullOption"/> BenchmarkDotNet's default job, which
/// iterates until its statistics settle. Each class marks a naive implementation written beside it as
/// <c>Baseline</c>: the Ratio column is ours / baseline, measured in the same run.
/// </summary>
public static class MicroBenchmarkConfig
{
    public const string FullOption = "--full";

    public static IConfig Create(bool full)
    {
        var job = (full ? Job.Default : Job.ShortRun).WithToolchain(InProcessEmitToolchain.Instance);
        return DefaultConfig.Instance
            .AddJob(job.WithId(full ? "full" : "short"))
            .AddDiagnoser(MemoryDiagnoser.Default)
            // Operations per second: for the compositor, frames per second (its aim is 250 at 1080p).
            .AddColumn(StatisticColumn.OperationsPerSecond)
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend))
            .WithArtifactsPath(Path.Combine(RepositoryRoot(), "artifacts", "microbenchmarks"));
    }

    // The artifacts land beside the build's (git ignores artifacts/), whichever directory the program starts in.
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GrpcExports.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}
