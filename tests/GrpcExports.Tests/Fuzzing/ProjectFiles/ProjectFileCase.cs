using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FsCheck;
using FsCheck.Fluent;
using GrpcExports.Tests.Fuzzing.EditorStates;

namespace GrpcExports.Tests.Fuzzing.ProjectFiles;

internal enum ArchiveEditKind
{
    AddHostileEntry,
    RemoveEntry,
    StoreUncompressed,
    MarkSymlink,
}

internal enum ByteEditKind
{
    Flip,
    Truncate,
    Insert,
}

internal sealed record ArchiveEdit(ArchiveEditKind Kind, int Choice)
{
    public override string ToString() => $"{Kind}/{Choice}";
}

internal sealed record ByteEdit(ByteEditKind Kind, int Position, byte Value)
{
    public override string ToString() => $"{Kind}@{Position}={Value}";
}

/// <summary>
/// A generated project file: a generated editor state written the way the server writes a file (manifest, editor state,
/// one included asset), then its manifest mutated as JSON, its archive edited (hostile names, missing entries, stored
/// entries, symbolic links) and finally its bytes flipped, cut or padded. Shrinking drops edits one at a time.
/// </summary>
internal sealed record ProjectFileCase(EditorStateCase State, EditorStateMutation[] ManifestMutations, ArchiveEdit[] ArchiveEdits, ByteEdit[] ByteEdits)
{
    private const string AssetEntry = "assets/5d41402abc4b2a76b9719d911017c592.png";

    private static readonly byte[] AssetBytes = Encoding.ASCII.GetBytes("not really a png, but the archive only checks its checksum");

    private static readonly string[] HostileNames =
        ["../escape.json", "/etc/passwd", "C:evil", "assets\\win.png", "assets//double.png", "MANIFEST.JSON", "editor-state.json", "bell\u0007.png", "assets/", ".."];

    private static readonly JsonSerializerOptions Lenient = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, MaxDepth = 1_000 };

    public static Arbitrary<ProjectFileCase> Arbitrary { get; } = Arb.From(Generator(), Shrink);

    public override string ToString() =>
        $"{State}; manifest [{string.Join(", ", ManifestMutations.AsEnumerable())}]; archive [{string.Join(", ", ArchiveEdits.AsEnumerable())}]; bytes [{string.Join(", ", ByteEdits.AsEnumerable())}]";

    public byte[] Bytes()
    {
        var state = Encoding.UTF8.GetBytes(State.Document()?.ToJsonString(Lenient) ?? "null");
        JsonNode? manifest = new JsonObject
        {
            ["formatVersion"] = 1,
            ["createTime"] = "2026-11-25T08:00:00Z",
            ["project"] = new JsonObject { ["id"] = "0b6c2f0e-5a53-4a8e-9d3c-2f1c7d5e8a10", ["version"] = 3, ["title"] = "Fuzzed", ["description"] = "", ["folderId"] = "" },
            ["editorState"] = new JsonObject { ["entry"] = "editor-state.json", ["sizeBytes"] = state.Length, ["sha256"] = Sha256(state) },
            ["assets"] = new JsonArray(new JsonObject
            {
                ["key"] = "asset-image-1", ["assetId"] = "3b7f1f6e-0d7b-4d9a-8f3e-1c2b3a4d5e6f", ["fileName"] = "cover.png", ["mediaType"] = "image/png",
                ["sizeBytes"] = AssetBytes.Length, ["sha256"] = Sha256(AssetBytes), ["entry"] = AssetEntry,
            }),
        };
        foreach (var mutation in ManifestMutations)
        {
            manifest = mutation.ApplyTo(manifest);
        }
        var entries = new List<(string Name, byte[] Content)>
        {
            ("manifest.json", Encoding.UTF8.GetBytes(manifest?.ToJsonString(Lenient) ?? "null")),
            ("editor-state.json", state),
            (AssetEntry, AssetBytes),
        };
        return ApplyByteEdits(Zip(entries));
    }

    private byte[] Zip(List<(string Name, byte[] Content)> entries)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        var symlinks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var edit in ArchiveEdits)
        {
            switch (edit.Kind)
            {
                case ArchiveEditKind.AddHostileEntry:
                    entries.Add((HostileNames[edit.Choice % HostileNames.Length], Encoding.UTF8.GetBytes("{}")));
                    break;
                case ArchiveEditKind.RemoveEntry when entries.Count > 0:
                    entries.RemoveAt(edit.Choice % entries.Count);
                    break;
                case ArchiveEditKind.StoreUncompressed when entries.Count > 0:
                    stored.Add(entries[edit.Choice % entries.Count].Name);
                    break;
                case ArchiveEditKind.MarkSymlink when entries.Count > 0:
                    symlinks.Add(entries[edit.Choice % entries.Count].Name);
                    break;
            }
        }
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, stored.Contains(name) ? CompressionLevel.NoCompression : CompressionLevel.Fastest);
                if (symlinks.Contains(name))
                {
                    entry.ExternalAttributes = unchecked((int)0xA1FF0000);
                }
                using var stream = entry.Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    private byte[] ApplyByteEdits(byte[] file)
    {
        var bytes = new List<byte>(file);
        foreach (var edit in ByteEdits)
        {
            if (bytes.Count == 0)
            {
                break;
            }
            var position = edit.Position % bytes.Count;
            switch (edit.Kind)
            {
                case ByteEditKind.Flip:
                    bytes[position] ^= (byte)(edit.Value | 1);
                    break;
                case ByteEditKind.Truncate:
                    bytes.RemoveRange(position, bytes.Count - position);
                    break;
                case ByteEditKind.Insert:
                    bytes.InsertRange(position, Enumerable.Repeat(edit.Value, 1 + edit.Value % 16));
                    break;
            }
        }
        return bytes.ToArray();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static Gen<ProjectFileCase> Generator()
    {
        var manifestMutation =
            from kind in Gen.Elements(Enum.GetValues<MutationKind>())
            from target in Gen.Choose(0, 100_000)
            from choice in Gen.Choose(0, 1_000)
            select new EditorStateMutation(kind, target, choice);
        var archiveEdit =
            from kind in Gen.Elements(Enum.GetValues<ArchiveEditKind>())
            from choice in Gen.Choose(0, 1_000)
            select new ArchiveEdit(kind, choice);
        var byteEdit =
            from kind in Gen.Elements(Enum.GetValues<ByteEditKind>())
            from position in Gen.Choose(0, 1_000_000)
            from value in Gen.Choose(0, 255)
            select new ByteEdit(kind, position, (byte)value);
        // Each layer is left alone in about half the cases, so that the layers behind it are reached too.
        Gen<T[]> Some<T>(Gen<T> edit) => Gen.Frequency((5, Gen.Constant(Array.Empty<T>())), (5, Gen.Choose(1, 3).SelectMany(count => Gen.ArrayOf(edit, count))));
        return
            from state in EditorStateCase.Generator()
            from manifest in Some(manifestMutation)
            from archive in Some(archiveEdit)
            from bytes in Gen.Frequency((6, Gen.Constant(Array.Empty<ByteEdit>())), (4, Gen.Choose(1, 3).SelectMany(count => Gen.ArrayOf(byteEdit, count))))
            select new ProjectFileCase(state, manifest, archive, bytes);
    }

    private static IEnumerable<ProjectFileCase> Shrink(ProjectFileCase failing)
    {
        foreach (var bytes in Without(failing.ByteEdits))
        {
            yield return failing with { ByteEdits = bytes };
        }
        foreach (var archive in Without(failing.ArchiveEdits))
        {
            yield return failing with { ArchiveEdits = archive };
        }
        foreach (var manifest in Without(failing.ManifestMutations))
        {
            yield return failing with { ManifestMutations = manifest };
        }
        foreach (var state in EditorStateCase.Shrink(failing.State))
        {
            yield return failing with { State = state };
        }
    }

    private static IEnumerable<T[]> Without<T>(T[] edits) =>
        Enumerable.Range(0, edits.Length).Select(index => (T[])[.. edits[..index], .. edits[(index + 1)..]]);
}
