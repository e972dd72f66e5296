namespace GrpcExports.PowerShell.Engine;

/// <summary>
/// The engine side of the module, implemented by GrpcExports.PowerShell.Engine in its own load context. Only this
/// assembly's types and the BCL's cross the boundary, so no client or Google.Protobuf type reaches a cmdlet.
/// </summary>
internal interface IGxEngine
{
    /// <summary>A session with the server at <paramref name="endpoint"/>; <paramref name="apiKey"/> null sends none.</summary>
    IGxSession Connect(Uri endpoint, string? apiKey);
}
