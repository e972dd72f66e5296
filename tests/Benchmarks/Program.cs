using Benchmarks.CommandLine;
using Benchmarks.Rpc;

// The benchmark program: `Benchmarks COMMAND [--option value ...]`. Each command lives in a folder of its own.
var commands = new IBenchmarkCommand[]
{
    new RpcCommand(),
};
return await BenchmarkProgram.RunAsync(commands, args);
