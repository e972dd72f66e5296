using BenchmarkDotNet.Running;
using MicroBenchmarks.Configuration;

// `MicroBenchmarks [--full] [BenchmarkDotNet options]`: every class unless `--filter` picks some (`--list flat` lists them).
var full = args.Contains(MicroBenchmarkConfig.FullOption);
var rest = args.Where(a => a != MicroBenchmarkConfig.FullOption).ToArray();
if (!rest.Any(a => a is "--filter" or "-f" or "--list"))
{
    rest = [.. rest, "--filter", "*"];
}
var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarkConfig).Assembly).Run(rest, MicroBenchmarkConfig.Create(full));
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
