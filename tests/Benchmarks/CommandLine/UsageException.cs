namespace Benchmarks.CommandLine;

/// <summary>The command line is wrong: the message says how; the program prints it with the usage and exits 2.</summary>
public sealed class UsageException(string message) : Exception(message);
