namespace GrpcExports.Tests.Support;

/// <summary>
/// A fresh directory under the system's temporary folder, named grpcexports-tests-PID-*, deleted on dispose. The
/// process id in the name lets a later run clean up after a run that was killed (<see cref="StaleTestClusters"/>).
/// </summary>
public sealed class TemporaryDirectory : IDisposable
{
    public const string NamePrefix = "grpcexports-tests-";

    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{NamePrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
