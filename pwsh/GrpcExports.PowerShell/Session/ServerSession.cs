using GrpcExports.PowerShell.Engine;
using GrpcExports.PowerShell.Isolation;

namespace GrpcExports.PowerShell.Session;

/// <summary>
/// The module's state: the engine (loaded once, on first use) and the session Connect-GxServer opened. Shared by the
/// runspaces of the process, as the module's assemblies are.
/// </summary>
internal static class ServerSession
{
    private static readonly object Gate = new();
    private static IGxEngine? _engine;
    private static IGxSession? _current;
    private static string _apiKeySource = NoApiKey;

    /// <summary>What <see cref="ApiKeySource"/> says when the calls carry no key.</summary>
    public const string NoApiKey = "None";

    /// <summary>Loads the engine into its own context unless it is loaded already.</summary>
    public static void LoadEngine()
    {
        lock (Gate)
        {
            _engine ??= EngineLoadContext.CreateEngine();
        }
    }

    /// <summary>The open session, or null before Connect-GxServer.</summary>
    public static IGxSession? Current
    {
        get
        {
            lock (Gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Where the current session's API key came from (see <see cref="Output.GxServer.ApiKeySource"/>).</summary>
    public static string ApiKeySource
    {
        get
        {
            lock (Gate)
            {
                return _apiKeySource;
            }
        }
    }

    /// <summary>Opens a session to <paramref name="endpoint"/>; <see cref="Replace"/> makes it current.</summary>
    public static IGxSession Open(Uri endpoint, string? apiKey)
    {
        LoadEngine();
        return _engine!.Connect(endpoint, apiKey);
    }

    /// <summary>Makes <paramref name="session"/> current and closes the one it replaces.</summary>
    public static void Replace(IGxSession session, string apiKeySource)
    {
        IGxSession? previous;
        lock (Gate)
        {
            previous = _current;
            _current = session;
            _apiKeySource = apiKeySource;
        }
        previous?.Dispose();
    }

    /// <summary>Closes the current session, if any; true when there was one.</summary>
    public static bool Disconnect()
    {
        IGxSession? previous;
        lock (Gate)
        {
            previous = _current;
            _current = null;
            _apiKeySource = NoApiKey;
        }
        previous?.Dispose();
        return previous is not null;
    }
}
