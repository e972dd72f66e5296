using System.Text.Json;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.PowerShell;

/// <summary>
/// Runs one of this folder's session scripts in real PowerShell (the pwsh local tool, `dotnet pwsh`) with the packed
/// module, and returns the JSON report the script wrote to its -ReportPath.
/// </summary>
public static class SessionScript
{
    // Hang protection only: a session renders and uploads against servers on a loaded machine, so it gets longer than
    // the default.
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(15);

    /// <param name="scriptName">The script's file name in tests/GrpcExports.Tests/PowerShell.</param>
    /// <param name="arguments">Its parameters besides -ModuleManifest and -ReportPath, as name/value pairs.</param>
    public static async Task<JsonElement> RunAsync(string scriptName, params (string Name, string Value)[] arguments)
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "GrpcExports.Tests", "PowerShell", scriptName);
        using var directory = new TemporaryDirectory();
        var reportPath = Path.Combine(directory.Path, "report.json");
        var run = await ExternalProcess.RunAsync("dotnet",
        [
            "pwsh", "-NoProfile", "-NonInteractive", "-File", script, "-ModuleManifest", PackedModule.ManifestPath, "-ReportPath", reportPath,
            .. arguments.SelectMany(argument => new[] { "-" + argument.Name, argument.Value }),
        ], hangLimit: HangLimit);
        if (run.ExitCode != 0 || !File.Exists(reportPath))
        {
            throw new InvalidOperationException($"{scriptName} failed: {run}");
        }
        return JsonDocument.Parse(await File.ReadAllTextAsync(reportPath)).RootElement.Clone();
    }
}
