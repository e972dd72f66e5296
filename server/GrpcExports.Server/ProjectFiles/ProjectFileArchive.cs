using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.ProjectFiles;

/// <summary>
/// A received project file opened for reading. <see cref="OpenAsync"/> checks the archive's structure before any entry
/// is decompressed (unsafe names, symbolic links, duplicates, entry count, declared sizes and compression ratios), then
/// reads the manifest and the editor state. Every read of an entry stops as soon as more bytes come out than the entry
/// declared, so a bomb that lies about its size is caught by what it really expands to. Entry names are only looked
/// up, never used as paths: nothing is ever extracted under an archive's own name.
/// </summary>
internal sealed class ProjectFileArchive : IDisposable
{
    private const int ReadBufferSize = 81920;

    private readonly ZipArchive? _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.Ordinal);
    private readonly List<ProjectFileProblem> _problems = [];

    private ProjectFileArchive(ZipArchive? zip) => _zip = zip;

    /// <summary>Every problem found so far; the file is importable only when there is none.</summary>
    public IReadOnlyList<ProjectFileProblem> Problems => _problems;

    /// <summary>The manifest, when it could be read.</summary>
    public ProjectFileManifest? Manifest { get; private set; }

    /// <summary>The editor state's JSON text, when it could be read and matches its checksum.</summary>
    public string? EditorStateJson { get; private set; }

    /// <summary>The manifest's assets whose bytes are inside, one per archive entry.</summary>
    public IReadOnlyList<ManifestAsset> IncludedAssets =>
        Manifest?.Assets.Where(asset => asset.Entry is not null).DistinctBy(asset => asset.Entry).ToList() ?? [];

    /// <summary>The declared uncompressed size of an entry the manifest names (0 when there is no such entry).</summary>
    public long DeclaredSize(string entry) => _entries.TryGetValue(entry, out var found) ? found.Length : 0;

    public static async Task<ProjectFileArchive> OpenAsync(string path, ProjectFileOptions limits, CancellationToken cancellationToken)
    {
        var file = File.OpenRead(path);
        ZipArchive? zip = null;
        ProjectFileArchive archive;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: false);
            archive = new ProjectFileArchive(zip);
            archive.CheckStructure(zip.Entries, limits);
        }
        catch (InvalidDataException error)
        {
            zip?.Dispose();
            await file.DisposeAsync().ConfigureAwait(false);
            archive = new ProjectFileArchive(null);
            var code = await StartsLikeAZipAsync(path, cancellationToken).ConfigureAwait(false) ? ProblemCodes.Truncated : ProblemCodes.Corrupt;
            archive._problems.Add(ProblemCodes.Problem("", code, $"The file cannot be read as a zip archive: {error.Message}"));
            return archive;
        }
        if (archive._problems.Count == 0)
        {
            await archive.ReadDocumentsAsync(limits, cancellationToken).ConfigureAwait(false);
        }
        return archive;
    }

    /// <summary>
    /// Reads an included asset's bytes into <paramref name="write"/>, checking its real size and its SHA-256 against the
    /// manifest. Returns the problem, or null when the bytes are whole.
    /// </summary>
    public async Task<ProjectFileProblem?> ReadAssetAsync(ManifestAsset asset, Func<ReadOnlyMemory<byte>, CancellationToken, Task> write,
        CancellationToken cancellationToken)
    {
        var entryName = asset.Entry!;
        if (!_entries.TryGetValue(entryName, out var entry))
        {
            return ProblemCodes.Problem(entryName, ProblemCodes.MissingEntry, $"The manifest names '{entryName}' for asset '{asset.Key}', but the archive has no such entry.");
        }
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var problem = await ReadEntryAsync(entry, async (bytes, token) =>
        {
            sha256.AppendData(bytes.Span);
            await write(bytes, token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }
        var actual = Convert.ToHexStringLower(sha256.GetHashAndReset());
        return actual == asset.Sha256 && entry.Length == asset.SizeBytes
            ? null
            : ProblemCodes.Problem(entryName, ProblemCodes.ChecksumMismatch,
                $"'{entryName}' holds {entry.Length} bytes with SHA-256 {actual}; the manifest says {asset.SizeBytes} bytes with {asset.Sha256}.");
    }

    public void Dispose() => _zip?.Dispose();

    private void CheckStructure(IReadOnlyCollection<ZipArchiveEntry> entries, ProjectFileOptions limits)
    {
        if (entries.Count > limits.MaxEntries)
        {
            _problems.Add(ProblemCodes.Problem("", ProblemCodes.TooLarge, $"The archive has {entries.Count} entries; at most {limits.MaxEntries} are allowed."));
            return;
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        foreach (var entry in entries)
        {
            var name = entry.FullName;
            if (EntryNames.UnsafeReason(name) is { } unsafeReason)
            {
                _problems.Add(ProblemCodes.Problem(name, ProblemCodes.UnsafePath, $"'{name}' is refused: {unsafeReason}."));
            }
            // Unix file type bits in the high half of the external attributes: 0xA000 is a symbolic link.
            if (((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000)
            {
                _problems.Add(ProblemCodes.Problem(name, ProblemCodes.Symlink, $"'{name}' is a symbolic link; project files hold only regular files."));
            }
            if (!names.Add(name))
            {
                _problems.Add(ProblemCodes.Problem(name, ProblemCodes.DuplicateEntry, $"'{name}' appears more than once in the archive."));
            }
            if (entry.Length > limits.RatioCheckFloorBytes && entry.Length > limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                _problems.Add(ProblemCodes.Problem(name, ProblemCodes.CompressionRatio,
                    $"'{name}' declares {entry.Length} bytes from {entry.CompressedLength} compressed, a ratio over the limit of {limits.MaxCompressionRatio}."));
            }
            total += entry.Length;
            if (total > limits.MaxUncompressedBytes)
            {
                _problems.Add(ProblemCodes.Problem(name, ProblemCodes.TooLarge,
                    $"With '{name}' the archive declares more than {limits.MaxUncompressedBytes} uncompressed bytes, the limit."));
                return;
            }
            _entries.TryAdd(name, entry);
        }
    }

    private async Task ReadDocumentsAsync(ProjectFileOptions limits, CancellationToken cancellationToken)
    {
        var manifestBytes = await ReadDocumentAsync(ProjectFileLayout.ManifestEntry, limits, cancellationToken).ConfigureAwait(false);
        if (manifestBytes is null)
        {
            return;
        }
        var version = ProjectFileManifest.FormatVersionOf(manifestBytes);
        if (version is { } number && number != ProjectFileLayout.FormatVersion)
        {
            _problems.Add(ProblemCodes.Problem(ProjectFileLayout.ManifestEntry, ProblemCodes.UnknownFormatVersion,
                $"The file has format version {number}; this server reads format version {ProjectFileLayout.FormatVersion}."));
            return;
        }
        Manifest = ProjectFileManifest.Read(manifestBytes, out var manifestProblem);
        if (Manifest is null)
        {
            _problems.Add(ProblemCodes.Problem(ProjectFileLayout.ManifestEntry, ProblemCodes.Corrupt, $"The manifest cannot be read: {manifestProblem}"));
            return;
        }
        var state = Manifest.EditorState;
        var stateBytes = await ReadDocumentAsync(state.Entry, limits, cancellationToken).ConfigureAwait(false);
        if (stateBytes is null)
        {
            return;
        }
        var actual = Convert.ToHexStringLower(SHA256.HashData(stateBytes));
        if (actual != state.Sha256 || stateBytes.Length != state.SizeBytes)
        {
            _problems.Add(ProblemCodes.Problem(state.Entry, ProblemCodes.ChecksumMismatch,
                $"'{state.Entry}' holds {stateBytes.Length} bytes with SHA-256 {actual}; the manifest says {state.SizeBytes} bytes with {state.Sha256}."));
            return;
        }
        EditorStateJson = Encoding.UTF8.GetString(stateBytes);
        foreach (var asset in Manifest.Assets.Where(asset => asset.Entry is not null && !_entries.ContainsKey(asset.Entry)))
        {
            _problems.Add(ProblemCodes.Problem(asset.Entry!, ProblemCodes.MissingEntry,
                $"The manifest names '{asset.Entry}' for asset '{asset.Key}', but the archive has no such entry."));
        }
    }

    /// <summary>A small entry's whole bytes (manifest, editor state), or null after recording why they cannot be had.</summary>
    private async Task<byte[]?> ReadDocumentAsync(string name, ProjectFileOptions limits, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(name, out var entry))
        {
            _problems.Add(ProblemCodes.Problem(name, ProblemCodes.MissingEntry, $"The archive has no '{name}'."));
            return null;
        }
        if (entry.Length > limits.MaxDocumentBytes)
        {
            _problems.Add(ProblemCodes.Problem(name, ProblemCodes.TooLarge, $"'{name}' declares {entry.Length} bytes; at most {limits.MaxDocumentBytes} are allowed."));
            return null;
        }
        using var buffer = new MemoryStream((int)entry.Length);
        var problem = await ReadEntryAsync(entry, (bytes, token) => buffer.WriteAsync(bytes, token).AsTask(), cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            _problems.Add(problem);
            return null;
        }
        return buffer.ToArray();
    }

    /// <summary>Decompresses an entry chunk by chunk, stopping at the first byte past its declared size.</summary>
    private static async Task<ProjectFileProblem?> ReadEntryAsync(ZipArchiveEntry entry, Func<ReadOnlyMemory<byte>, CancellationToken, Task> write,
        CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
        try
        {
            await using var stream = entry.Open();
            long total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, ReadBufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > entry.Length)
                {
                    return ProblemCodes.Problem(entry.FullName, ProblemCodes.TooLarge,
                        $"'{entry.FullName}' expands to more than the {entry.Length} bytes it declares.");
                }
                await write(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
            return total == entry.Length
                ? null
                : ProblemCodes.Problem(entry.FullName, ProblemCodes.Truncated, $"'{entry.FullName}' ends after {total} of the {entry.Length} bytes it declares.");
        }
        catch (InvalidDataException error)
        {
            return ProblemCodes.Problem(entry.FullName, ProblemCodes.Corrupt, $"'{entry.FullName}' cannot be decompressed: {error.Message}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Whether the file begins with a zip local header, so that a missing directory means it was cut short.</summary>
    private static async Task<bool> StartsLikeAZipAsync(string path, CancellationToken cancellationToken)
    {
        var start = new byte[4];
        await using var file = File.OpenRead(path);
        return await file.ReadAtLeastAsync(start, 4, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) == 4
            && start is [0x50, 0x4B, 0x03, 0x04];
    }
}
