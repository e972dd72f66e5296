using GrpcExports.Client;

namespace GrpcExports.PowerShell.Engine;

/// <summary>Made by EngineLoadContext through reflection; opens sessions over GrpcExports.Client.</summary>
internal sealed class GxEngine : IGxEngine
{
    public IGxSession Connect(Uri endpoint, string? apiKey)
    {
        var options = new GrpcConnectionOptions(endpoint);
        if (apiKey is not null)
        {
            options.DefaultMetadata.Add("authorization", $"Bearer {apiKey}");
        }
        return new GxSession(new GrpcConnection(options));
    }
}
