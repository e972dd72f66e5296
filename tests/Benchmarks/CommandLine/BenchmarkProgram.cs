using System.Runtime.InteropServices;

namespace Benchmarks.CommandLine;

/// <summary>
/// Picks the subcommand from the first argument and runs it with the rest. Exit codes: 0 done, 1 a measurement
/// failed (a failed request, a mismatched response, h2load missing), 2 a wrong command line, 130 interrupted.
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> RunAsync(IReadOnlyList<IBenchmarkCommand> commands, string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintHelp(commands, Console.Out);
            return args.Length == 0 ? 2 : 0;
        }
        var command = commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            Console.Error.WriteLine($"Unknown command '{args[0]}'.");
            PrintHelp(commands, Console.Error);
            return 2;
        }
        if (args.Skip(1).Any(a => a is "-h" or "--help"))
        {
            PrintCommandHelp(command, Console.Out);
            return 0;
        }

        // Ctrl+C or SIGTERM stops the measurement (and the h2load it runs) instead of leaving h2load running.
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };
        using var terminated = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            interrupted.Cancel();
        });
        try
        {
            var arguments = CommandArguments.Parse(args[1..]);
            return await command.RunAsync(arguments, interrupted.Token);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            PrintCommandHelp(command, Console.Error);
            return 2;
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted.");
            return 130;
        }
    }

    private static void PrintHelp(IReadOnlyList<IBenchmarkCommand> commands, TextWriter output)
    {
        output.WriteLine("Usage: Benchmarks COMMAND [--option value ...]   (Benchmarks COMMAND --help for its options)");
        output.WriteLine();
        output.WriteLine("Commands:");
        foreach (var command in commands)
        {
            output.WriteLine($"  {command.Name,-8} {command.Summary}");
        }
    }

    private static void PrintCommandHelp(IBenchmarkCommand command, TextWriter output)
    {
        output.WriteLine($"Usage: Benchmarks {command.Name} [--option value ...]");
        output.WriteLine(command.Summary);
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine(command.OptionsHelp);
    }
}
