using System.Globalization;

namespace Benchmarks.CommandLine;

/// <summary>
/// A command's options: <c>--name value</c> or <c>--name=value</c>. A command reads what it knows with the typed
/// getters, then calls <see cref="RejectUnread"/> so a misspelt option is an error rather than silently ignored.
/// </summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private CommandArguments()
    {
    }

    public static CommandArguments Parse(IReadOnlyList<string> args)
    {
        var arguments = new CommandArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal) || argument.Length == 2)
            {
                throw new UsageException($"Unexpected argument '{argument}'; options look like --name value.");
            }
            string name, value;
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                (name, value) = (argument[2..equals], argument[(equals + 1)..]);
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                (name, value) = (argument[2..], args[++i]);
            }
            else
            {
                throw new UsageException($"Option '{argument}' needs a value.");
            }
            if (!arguments._values.TryAdd(name, value))
            {
                throw new UsageException($"Option '--{name}' is given more than once.");
            }
        }
        return arguments;
    }

    /// <summary>An integer option within [<paramref name="min"/>, <paramref name="max"/>], or its default.</summary>
    public int GetInt32(string name, int defaultValue, int min = 1, int max = int.MaxValue)
    {
        if (!TryRead(name, out var text))
        {
            return defaultValue;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"--{name} must be a whole number from {min} to {max}, not '{text}'.");
    }

    public string GetString(string name, string defaultValue) => TryRead(name, out var text) ? text : defaultValue;

    /// <summary>A string option that has no default: null when it is not given.</summary>
    public string? GetOptionalString(string name) => TryRead(name, out var text) ? text : null;

    /// <summary>Fails on any option the command did not ask for.</summary>
    public void RejectUnread()
    {
        var unknown = _values.Keys.Where(name => !_read.Contains(name)).Select(name => "--" + name).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"Unknown option{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown)}.");
        }
    }

    private bool TryRead(string name, out string value)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out value!);
    }
}
