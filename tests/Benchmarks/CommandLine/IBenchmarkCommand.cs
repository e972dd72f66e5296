namespace Benchmarks.CommandLine;

/// <summary>One subcommand of the benchmark program (rpc, and later export, store, scale).</summary>
public interface IBenchmarkCommand
{
    /// <summary>The word that selects the command: <c>Benchmarks NAME ...</c>.</summary>
    string Name { get; }

    /// <summary>One line for the program's help.</summary>
    string Summary { get; }

    /// <summary>The command's options, one per line, for <c>Benchmarks NAME --help</c>.</summary>
    string OptionsHelp { get; }

    /// <summary>Runs the command; returns the process exit code (0 unless something failed).</summary>
    Task<int> RunAsync(CommandArguments arguments, CancellationToken cancellationToken);
}
