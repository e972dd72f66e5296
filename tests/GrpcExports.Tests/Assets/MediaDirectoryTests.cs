using GrpcExports.Rendering.Assets;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Assets;

/// <summary>MediaDirectory: plain relative paths find files; anything that could lead outside the directory is refused.</summary>
public sealed class MediaDirectoryTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private string Root => Path.Combine(_directory.Path, "media");

    private string Outside => Path.Combine(_directory.Path, "outside");

    public MediaDirectoryTests()
    {
        Directory.CreateDirectory(Path.Combine(Root, "clips"));
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Combine(Root, "clips", "a.mp4"), "a");
        File.WriteAllText(Path.Combine(Outside, "secret.png"), "secret");
        File.CreateSymbolicLink(Path.Combine(Root, "linked.png"), Path.Combine(Outside, "secret.png"));
        File.CreateSymbolicLink(Path.Combine(Root, "inside-link.mp4"), Path.Combine(Root, "clips", "a.mp4"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "linked-dir"), Outside);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void FindsAFileByItsRelativePath()
    {
        var file = new MediaDirectory(Root).Find("clips/a.mp4");

        Assert.Equal((Path.Combine(Root, "clips", "a.mp4"), null), (file.Path, file.RefusedBecause));
    }

    [Fact]
    public void AnAbsentFileIsMissingNotRefused()
    {
        var directory = new MediaDirectory(Root);

        Assert.Equal(MediaFile.Missing, directory.Find("clips/none.mp4"));
        Assert.Equal(MediaFile.Missing, directory.Find("nowhere/none.mp4"));
        Assert.Equal(MediaFile.Missing, directory.Find("clips"));
    }

    [Theory]
    [InlineData("../outside/secret.png")]
    [InlineData("clips/../../outside/secret.png")]
    [InlineData("clips/../clips/a.mp4")]
    [InlineData("./clips/a.mp4")]
    [InlineData("clips//a.mp4")]
    [InlineData("")]
    public void PathsWithDotDotDotOrEmptySegmentsAreRefused(string path)
    {
        var file = new MediaDirectory(Root).Find(path);

        Assert.Null(file.Path);
        Assert.NotNull(file.RefusedBecause);
    }

    [Fact]
    public void AbsolutePathsAreRefusedEvenInsideTheDirectory()
    {
        var directory = new MediaDirectory(Root);

        Assert.NotNull(directory.Find(Path.Combine(Outside, "secret.png")).RefusedBecause);
        Assert.NotNull(directory.Find(Path.Combine(Root, "clips", "a.mp4")).RefusedBecause);
    }

    [Theory]
    [InlineData("linked.png")]
    [InlineData("linked-dir/secret.png")]
    [InlineData("inside-link.mp4")]
    public void SymbolicLinksAreNotFollowedWhereverTheyPoint(string path)
    {
        var file = new MediaDirectory(Root).Find(path);

        Assert.Null(file.Path);
        Assert.Contains("symbolic link", file.RefusedBecause);
    }
}
