namespace GrpcExports.Tests.Rendering.Export;

/// <summary>The programs a process has started that are still alive (or not yet reaped), read from /proc.</summary>
public static class ChildProcesses
{
    /// <summary>This test process's children named <paramref name="command"/>, as "pid name state".</summary>
    public static IReadOnlyList<string> Named(string command) => Named(command, Environment.ProcessId);

    /// <summary>The children of <paramref name="parentProcessId"/> named <paramref name="command"/>, as "pid name state".</summary>
    public static IReadOnlyList<string> Named(string command, int parentProcessId)
    {
        var children = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue; // exited while we looked
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            var name = stat[(open + 1)..close];
            var fields = stat[(close + 2)..].Split(' ');
            if (name == command && int.Parse(fields[1]) == parentProcessId)
            {
                children.Add($"{pid} {name} {fields[0]}");
            }
        }
        return children;
    }
}
