using System.Globalization;

namespace InteropHost;

/// <summary>
/// The interop server's own arguments: <c>--port N</c> or <c>--port=N</c>, <c>--host ADDRESS</c> (default 127.0.0.1)
/// and <c>--use_tls=false</c> (TLS is not offered). Everything else is left for ASP.NET Core configuration (--urls ...).
/// </summary>
public sealed record CommandLine(int? Port, string Host, string[] RemainingArguments)
{
    public static CommandLine Parse(string[] args)
    {
        int? port = null;
        var host = "127.0.0.1";
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var (name, value) = Split(args[i]);
            switch (name)
            {
                case "--port":
                    value ??= i + 1 < args.Length ? args[++i] : throw new ArgumentException("--port needs a value.");
                    port = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 0 and <= 65535
                        ? parsed
                        : throw new ArgumentException($"--port '{value}' is not a port number.");
                    break;
                case "--host":
                    host = value ?? (i + 1 < args.Length ? args[++i] : throw new ArgumentException("--host needs a value."));
                    break;
                case "--use_tls":
                    if (!string.Equals(value ?? "true", "false", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new ArgumentException("This interop host serves cleartext HTTP/2 only (--use_tls=false).");
                    }
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }
        return new CommandLine(port, host, rest.ToArray());
    }

    private static (string Name, string? Value) Split(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 0
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }
}
