using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using GrpcExports.Tests.Projects;

namespace GrpcExports.Tests.ProjectFiles;

/// <summary>
/// Project files written by the tests rather than the server: a valid one without assets (a blank 1920x1080 document),
/// and the same with hostile or broken entries added, or with its headers edited after writing.
/// </summary>
internal static class HandMadeProjectFiles
{
    public static readonly byte[] EditorState = Encoding.UTF8.GetBytes(ProjectDocuments.LargeState(itemCount: 2));

    /// <summary>A valid file; <paramref name="extra"/> adds entries after the manifest and the editor state.</summary>
    public static byte[] Build(Action<ZipArchive>? extra = null, int formatVersion = 1, byte[]? editorState = null, byte[]? declaredEditorState = null)
    {
        var state = editorState ?? EditorState;
        var declared = declaredEditorState ?? state;
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "manifest.json", Encoding.UTF8.GetBytes($$"""
                {"formatVersion": {{formatVersion}}, "createTime": "2026-11-25T08:00:00Z",
                 "project": {"id": "0b6c2f0e-5a53-4a8e-9d3c-2f1c7d5e8a10", "version": 3, "title": "Hand made", "description": "", "folderId": ""},
                 "editorState": {"entry": "editor-state.json", "sizeBytes": {{declared.Length}}, "sha256": "{{Convert.ToHexStringLower(SHA256.HashData(declared))}}"},
                 "assets": []}
                """));
            Add(zip, "editor-state.json", state);
            extra?.Invoke(zip);
        }
        return buffer.ToArray();
    }

    public static void Add(ZipArchive zip, string name, byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var entry = zip.CreateEntry(name, level).Open();
        entry.Write(content);
    }

    /// <summary>
    /// The file with the uncompressed size of <paramref name="entryName"/> changed in its local header and in the
    /// central directory, as a zip bomb would state it.
    /// </summary>
    public static byte[] WithDeclaredSize(byte[] file, string entryName, uint size)
    {
        var bytes = (byte[])file.Clone();
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            var (nameOffset, sizeOffset) = signature switch { 0x04034b50 => (30, 22), 0x02014b50 => (46, 24), _ => (0, 0) };
            if (nameOffset == 0)
            {
                continue;
            }
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + (signature == 0x04034b50 ? 26 : 28)));
            if (nameLength == name.Length && bytes.AsSpan(i + nameOffset, nameLength).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + sizeOffset), size);
            }
        }
        return bytes;
    }
}
