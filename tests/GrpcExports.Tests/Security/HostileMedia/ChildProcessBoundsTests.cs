using System.Globalization;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Tests.Security.HostileMedia;

/// <summary>
/// The bounds every media tool runs under, seen from outside on the real processes: its own process group, the address
/// space limit in /proc, and the kill of the whole group when its time is up.
/// </summary>
public sealed class ChildProcessBoundsTests
{
    private static readonly ProcessBounds OneSecond = new(TimeSpan.FromSeconds(1), 8L << 30, new Dictionary<string, string>());

    [Fact]
    public async Task A_run_past_its_time_bound_is_killed_with_everything_it_started()
    {
        // The shell leaves an orphan behind (a subshell's background sleep, re-parented away from the tool's process
        // tree) and then becomes a sleep itself: only killing the process group reaches both.
        var marker = Marker();
        var error = await Assert.ThrowsAsync<MediaToolTimedOutException>(() => ToolProcess.RunAsync("/bin/sh",
            ["-c", $"(/usr/bin/sleep {marker} &); exec /usr/bin/sleep {marker}"], OneSecond));

        Assert.Equal(TimeSpan.FromSeconds(1), error.Bound);
        Assert.Contains("time bound", error.Message, StringComparison.Ordinal);
        await WaitUntilGoneAsync(marker);
    }

    [Fact]
    public async Task A_tool_runs_as_its_own_process_group_under_the_configured_address_space()
    {
        var tools = new MediaTools(limits: new ToolLimits { MemoryBytes = 3L << 30 });
        var marker = Marker();
        (string Group, string Limit)? seen = null;

        await tools.RunAsync(MediaTool.Ffmpeg,
            ["-v", "error", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=25", "-frames:v", "100", "-metadata", $"comment={marker}",
                "-f", "rawvideo", "pipe:1"],
            readOutput: async (output, token) =>
            {
                // ffmpeg is blocked on the pipe until this reads: it is alive now.
                var pid = Processes(marker).Single();
                var stat = await File.ReadAllTextAsync($"/proc/{pid}/stat", token);
                var group = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[2];
                var limit = (await File.ReadAllLinesAsync($"/proc/{pid}/limits", token)).Single(line => line.StartsWith("Max address space", StringComparison.Ordinal));
                seen = (group == pid.ToString(CultureInfo.InvariantCulture) ? "own" : $"{group} (not {pid})", limit.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]);
                await output.CopyToAsync(Stream.Null, token);
            });

        Assert.Equal(("own", (3L << 30).ToString(CultureInfo.InvariantCulture)), seen);
    }

    [Fact]
    public async Task A_tool_that_needs_more_memory_than_its_bound_fails()
    {
        var tools = new MediaTools(limits: new ToolLimits { MemoryBytes = 64L << 20 });

        var error = await Assert.ThrowsAsync<MediaToolFailedException>(() => tools.RunAsync(MediaTool.Ffmpeg,
            ["-v", "error", "-f", "lavfi", "-i", "testsrc=size=1920x1080", "-frames:v", "5", "-f", "null", "-"]));

        Assert.NotEqual(0, error.ExitCode);
    }

    [Fact]
    public void The_time_bound_grows_with_the_media_a_run_works_on()
    {
        var limits = new ToolLimits { Timeout = TimeSpan.FromSeconds(10), TimeoutPerMediaSecond = TimeSpan.FromSeconds(2) };

        Assert.Equal(
            [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(130), TimeSpan.FromSeconds(10)],
            new[] { 0, -5, 60, double.NaN }.Select(limits.TimeoutFor));
    }

    [Theory]
    [InlineData("text:{0}")]
    [InlineData("txt:{0}")]
    [InlineData("msl:{0}")]
    [InlineData("ps:{0}")]
    [InlineData("pdf:{0}")]
    [InlineData("eps:{0}")]
    [InlineData("xps:{0}")]
    [InlineData("ephemeral:{0}")]
    [InlineData("inline:data:text/plain;base64,SGVsbG8=")]
    [InlineData("url:http://127.0.0.1:9/{0}")]
    [InlineData("https://127.0.0.1:9/{0}")]
    public async Task ImageMagick_refuses_coders_outside_the_policy(string input)
    {
        using var directory = new Support.TemporaryDirectory();
        var file = Sentinel.Secret(directory.Path);

        var (error, output) = await ConvertAsync(string.Format(CultureInfo.InvariantCulture, input, file.Path));

        Assert.Contains("security policy", error.StandardError, StringComparison.Ordinal);
        Assert.True(File.Exists(file.Path), "ImageMagick deleted the file");
        Assert.Equal(0, output.Length);
    }

    [Theory]
    [InlineData("label:@{0}")]
    [InlineData("caption:@{0}")]
    [InlineData("@{0}")]
    public async Task ImageMagick_follows_no_at_file_indirection(string input)
    {
        using var directory = new Support.TemporaryDirectory();
        var secret = Sentinel.Secret(directory.Path);

        var (error, output) = await ConvertAsync(string.Format(CultureInfo.InvariantCulture, input, secret.Path));

        Assert.Contains("security policy", error.StandardError, StringComparison.Ordinal);
        Assert.False(secret.WasRead, "ImageMagick read the file");
        Assert.Equal(0, output.Length);
    }

    /// <summary>Runs convert on <paramref name="input"/> as the renderer runs it, expecting it to fail.</summary>
    private static async Task<(MediaToolFailedException Error, MemoryStream Output)> ConvertAsync(string input)
    {
        var output = new MemoryStream();
        var error = await Assert.ThrowsAsync<MediaToolFailedException>(() => MediaTools.Default.RunAsync(MediaTool.ImageMagickConvert,
            [input, "-depth", "8", "rgba:-"], readOutput: (stream, token) => stream.CopyToAsync(output, token)));
        return (error, output);
    }

    private static string Marker() => $"{Random.Shared.Next(100_000, 900_000)}.{Random.Shared.Next(100_000, 999_999)}";

    /// <summary>The processes whose command line has <paramref name="marker"/> as an argument.</summary>
    private static List<int> Processes(string marker) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid => CommandLine(pid).Any(argument => argument.Contains(marker, StringComparison.Ordinal)))];

    private static string[] CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Polls until no process carries <paramref name="marker"/>; the limit only guards against a hang.</summary>
    private static async Task WaitUntilGoneAsync(string marker)
    {
        var hangGuard = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (Processes(marker) is { Count: > 0 } left)
        {
            Assert.True(DateTime.UtcNow < hangGuard, $"still running: {string.Join(", ", left)}");
            await Task.Delay(20);
        }
    }
}
