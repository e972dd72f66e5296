using Benchmarks.CommandLine;
using Benchmarks.LoadTest;
using Benchmarks.Render;
using Benchmarks.Rpc;
using Benchmarks.Store;

// The benchmark program: `Benchmarks COMMAND [--option value ...]`. Each command lives in a folder of its own.
var commands = new IBenchmarkCommand[]
{
    new RpcCommand(),
    new StoreCommand(),
    new RenderCommand(),
    new TransitionCostCommand(),
    new LoadCommand(),
};
return await BenchmarkProgram.RunAsync(commands, args);
