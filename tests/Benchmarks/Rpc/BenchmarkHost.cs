using Microsoft.AspNetCore.Builder;

namespace Benchmarks.Rpc;

/// <summary>A started Kestrel host under measurement: its name in the report, address and answered calls.</summary>
public sealed class BenchmarkHost(string name, WebApplication app, Uri address, CallCounter calls) : IAsyncDisposable
{
    public string Name { get; } = name;

    public Uri Address { get; } = address;

    public CallCounter Calls { get; } = calls;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
