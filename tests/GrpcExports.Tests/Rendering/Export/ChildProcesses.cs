namespace GrpcExports.Tests.Rendering.Export;

/// <summary>The programs this test process has started that are still alive (or not yet reaped), read from /proc.</summary>
public static class ChildProcesses
{
    public static IReadOnlyList<string> Named(string command)
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
            if (name == command && int.Parse(fields[1]) == Environment.ProcessId)
            {
                children.Add($"{pid} {name} {fields[0]}");
            }
        }
        return children;
    }
}
