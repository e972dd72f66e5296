using System.Collections;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Client;

/// <summary>
/// gRPC metadata: request headers sent with a call, or the response headers and trailers a call received.
/// Keys are case-insensitive and stored lowercase; a key may repeat.
/// </summary>
public sealed class Metadata : IEnumerable<MetadataEntry>
{
    private readonly List<MetadataEntry> _entries = [];

    /// <summary>Metadata with no entries.</summary>
    public Metadata()
    {
    }

    /// <summary>A copy of <paramref name="other"/>.</summary>
    public Metadata(Metadata other)
    {
        _entries.AddRange(other._entries);
    }

    /// <summary>The number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>Adds a text entry. The key must not end in "-bin"; the value must be printable ASCII.</summary>
    /// <exception cref="ArgumentException">The key or value is not valid gRPC metadata.</exception>
    public Metadata Add(string key, string value)
    {
        var normalized = MetadataKey.Normalize(key);
        if (MetadataKey.IsBinary(normalized))
        {
            throw new ArgumentException($"Metadata key '{key}' ends in -bin and needs a byte[] value.", nameof(key));
        }
        ArgumentNullException.ThrowIfNull(value);
        foreach (var c in value)
        {
            if (c is < ' ' or > '~')
            {
                throw new ArgumentException($"The value of metadata '{key}' must be printable ASCII.", nameof(value));
            }
        }
        _entries.Add(MetadataEntry.Text(normalized, value));
        return this;
    }

    /// <summary>Adds a binary entry; the key must end in "-bin".</summary>
    /// <exception cref="ArgumentException">The key is not a valid binary metadata key.</exception>
    public Metadata Add(string key, byte[] value)
    {
        var normalized = MetadataKey.Normalize(key);
        if (!MetadataKey.IsBinary(normalized))
        {
            throw new ArgumentException($"Metadata key '{key}' must end in -bin to carry a byte[] value.", nameof(key));
        }
        ArgumentNullException.ThrowIfNull(value);
        _entries.Add(MetadataEntry.Binary(normalized, value.ToArray()));
        return this;
    }

    /// <summary>True when at least one entry has <paramref name="key"/>.</summary>
    public bool Contains(string key) => Find(key) is not null;

    /// <summary>The first text value of <paramref name="key"/>, or null.</summary>
    public string? GetValue(string key) => Find(key) is { IsBinary: false } entry ? entry.Value : null;

    /// <summary>The first binary value of <paramref name="key"/>, or null.</summary>
    public byte[]? GetBytes(string key) => Find(key) is { IsBinary: true } entry ? entry.ValueBytes : null;

    /// <summary>Every entry with <paramref name="key"/>, in order.</summary>
    public IEnumerable<MetadataEntry> GetAll(string key) =>
        _entries.Where(e => e.Key.Equals(key, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public IEnumerator<MetadataEntry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void AddEntry(MetadataEntry entry) => _entries.Add(entry);

    /// <summary>Adds an entry received from a peer, which is not validated like entries a caller adds.</summary>
    internal void AddReceived(string key, string value)
    {
        if (!MetadataKey.IsBinary(key))
        {
            _entries.Add(MetadataEntry.Text(key, value));
        }
        else if (BinaryHeader.TryDecode(value, out var bytes))
        {
            _entries.Add(MetadataEntry.Binary(key, bytes));
        }
    }

    private MetadataEntry? Find(string key) =>
        _entries.Find(e => e.Key.Equals(key, StringComparison.OrdinalIgnoreCase));
}
