namespace GrpcExports.Client;

/// <summary>
/// One metadata entry: a lowercase key and either a text value or, for keys ending in "-bin", a binary value.
/// </summary>
public sealed class MetadataEntry
{
    private readonly string? _text;
    private readonly byte[]? _bytes;

    private MetadataEntry(string key, string? text, byte[]? bytes)
    {
        Key = key;
        _text = text;
        _bytes = bytes;
    }

    /// <summary>The lowercase key.</summary>
    public string Key { get; }

    /// <summary>True when the key ends in "-bin" and the value is bytes.</summary>
    public bool IsBinary => _bytes is not null;

    /// <summary>The text value; throws for a binary entry.</summary>
    public string Value => _text ?? throw new InvalidOperationException($"Metadata entry '{Key}' is binary; read ValueBytes.");

    /// <summary>The binary value; throws for a text entry.</summary>
    public byte[] ValueBytes => _bytes ?? throw new InvalidOperationException($"Metadata entry '{Key}' is text; read Value.");

    internal static MetadataEntry Text(string key, string value) => new(key, value, null);

    internal static MetadataEntry Binary(string key, byte[] value) => new(key, null, value);

    /// <inheritdoc />
    public override string ToString() => IsBinary ? $"{Key}: <{_bytes!.Length} bytes>" : $"{Key}: {_text}";
}
