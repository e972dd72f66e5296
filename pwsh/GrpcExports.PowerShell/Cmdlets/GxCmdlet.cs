using System.Management.Automation;
using GrpcExports.PowerShell.EditorState;
using GrpcExports.PowerShell.Engine;
using GrpcExports.PowerShell.Errors;
using GrpcExports.PowerShell.Session;

namespace GrpcExports.PowerShell.Cmdlets;

/// <summary>
/// What every GrpcExports cmdlet shares: the session, calls that Ctrl+C cancels, -Verbose naming each RPC, and failed
/// calls turned into non-terminating ErrorRecords for the pipeline item that failed. Calls are awaited on the pipeline
/// thread, so every Write* happens there.
/// </summary>
public abstract partial class GxCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();

    private protected CancellationToken Cancellation => _cancellation.Token;

    /// <summary>The current session; a terminating error when Connect-GxServer has not run.</summary>
    private protected IGxSession Session
    {
        get
        {
            if (ServerSession.Current is { } session)
            {
                return session;
            }
            var error = new PSInvalidOperationException("Not connected to a GrpcExports server: run Connect-GxServer first.");
            ThrowTerminatingError(new ErrorRecord(error, "NOT_CONNECTED", ErrorCategory.ConnectionError, null));
            return null!;
        }
    }

    /// <summary>
    /// Makes the call named <paramref name="rpc"/> ("grpcexports.v1.ProjectService/GetProject"). A failure writes an ErrorRecord
    /// about <paramref name="target"/> and returns false; stopping the pipeline cancels the call.
    /// </summary>
    private protected bool TryCall<T>(string rpc, object? target, Func<IGxSession, CancellationToken, Task<T>> call, out T result) =>
        TryCall(Session, rpc, target, call, out result);

    /// <summary>As <see cref="TryCall{T}(string, object?, Func{IGxSession, CancellationToken, Task{T}}, out T)"/>, through <paramref name="session"/>.</summary>
    private protected bool TryCall<T>(IGxSession session, string rpc, object? target, Func<IGxSession, CancellationToken, Task<T>> call, out T result)
    {
        var value = default(T)!;
        var succeeded = Guarded(session, rpc, target, () => value = call(session, Cancellation).GetAwaiter().GetResult());
        result = value;
        return succeeded;
    }

    /// <summary>
    /// Makes the streaming call named <paramref name="rpc"/> and hands each message to <paramref name="onEach"/> here, on
    /// the pipeline thread, so it may write; failures are reported as by TryCall. False when the call failed.
    /// </summary>
    private protected bool TryStream<T>(string rpc, object? target, Func<IGxSession, CancellationToken, IAsyncEnumerable<T>> call, Action<T> onEach)
    {
        var session = Session;
        return Guarded(session, rpc, target, () =>
        {
            var messages = call(session, Cancellation).GetAsyncEnumerator(Cancellation);
            try
            {
                while (messages.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                {
                    onEach(messages.Current);
                }
            }
            finally
            {
                messages.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });
    }

    private bool Guarded(IGxSession session, string rpc, object? target, Action call)
    {
        WriteVerbose($"{rpc} on {session.Endpoint} ({target})");
        try
        {
            call();
            return true;
        }
        catch (Exception) when (Cancellation.IsCancellationRequested)
        {
            // Whatever the cancelled call ended with (OperationCanceledException, or CANCELLED from the client), the
            // pipeline is stopping.
            throw new PipelineStoppedException();
        }
        catch (GxRpcException error)
        {
            WriteError(RpcErrorRecords.From(error, target));
        }
        catch (ArgumentException error)
        {
            // The engine found the input impossible to send (for example an editor state nested too deeply).
            WriteInputError(error, "INVALID_INPUT", target);
        }
        catch (InvalidDataException error)
        {
            WriteError(new ErrorRecord(error, "DOWNLOAD_CHECKSUM_MISMATCH", ErrorCategory.InvalidResult, target));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            WriteError(new ErrorRecord(error, "FILE_ACCESS_FAILED", ErrorCategory.WriteError, target));
        }
        return false;
    }

    /// <summary>A call without a result; see <see cref="TryCall{T}(string, object?, Func{IGxSession, CancellationToken, Task{T}}, out T)"/>.</summary>
    private protected bool TryCall(string rpc, object? target, Func<IGxSession, CancellationToken, Task> call) =>
        TryCall(rpc, target, async (session, cancellation) =>
        {
            await call(session, cancellation).ConfigureAwait(false);
            return true;
        }, out _);

    /// <summary>The most a list cmdlet asks for in one call (every list RPC allows at least this many).</summary>
    private protected const int LargestPage = 100;

    /// <summary>
    /// Calls a list RPC page by page, at most <paramref name="largestPage"/> items a call, and writes what -Skip and
    /// -First select; returns false when a page failed.
    /// </summary>
    private protected bool WritePages<T>(string rpc, object? target, PagingParameters paging, int largestPage,
        Func<IGxSession, PageRequest, CancellationToken, Task<Page<T>>> listPage)
    {
        var pageLimit = (ulong)largestPage;
        if (paging.IncludeTotalCount)
        {
            // The list RPCs do not count; accuracy 0 says the total is unknown.
            WriteObject(paging.NewTotalCount(0, 0.0));
        }
        var toSkip = paging.Skip;
        var toWrite = paging.First;
        var token = "";
        while (toWrite > 0)
        {
            var wanted = toSkip >= pageLimit || toWrite >= pageLimit ? pageLimit : toSkip + toWrite;
            var size = (int)wanted;
            if (!TryCall(rpc, target, (session, cancellation) => listPage(session, new PageRequest(size, token), cancellation), out var page))
            {
                return false;
            }
            foreach (var item in page.Items)
            {
                if (toSkip > 0)
                {
                    toSkip--;
                }
                else if (toWrite > 0)
                {
                    WriteObject(item);
                    toWrite--;
                }
            }
            token = page.NextToken;
            if (token.Length == 0)
            {
                break;
            }
        }
        return true;
    }

    /// <summary>
    /// The JSON of an editor state given as -EditorState (object or JSON text) or -Path; null when neither was given.
    /// Bad input writes an ErrorRecord and returns false.
    /// </summary>
    private protected bool TryReadEditorState(object? editorState, string? path, object? target, out string? json)
    {
        json = null;
        try
        {
            if (path is not null)
            {
                var resolved = GetResolvedProviderPathFromPSPath(path, out var provider);
                if (provider.Name != "FileSystem" || resolved.Count != 1)
                {
                    throw new ArgumentException($"-Path must name exactly one file, not '{path}'.");
                }
                json = EditorStateSource.FromFile(resolved[0]);
            }
            else if (editorState is not null)
            {
                json = EditorStateSource.FromObject(editorState);
            }
            return true;
        }
        catch (Exception error) when (error is ArgumentException or IOException or UnauthorizedAccessException or ItemNotFoundException)
        {
            WriteInputError(error, "INVALID_EDITOR_STATE_INPUT", target);
            return false;
        }
    }

    /// <summary>Writes an ErrorRecord for bad input to this pipeline item and carries on with the next.</summary>
    private protected void WriteInputError(Exception error, string errorId, object? target) =>
        WriteError(new ErrorRecord(error, errorId, ErrorCategory.InvalidArgument, target));

    /// <summary>-Force acts without a prompt, unless -Confirm or -WhatIf asks otherwise.</summary>
    private protected bool SkipsConfirmation(bool force) =>
        force
        && !MyInvocation.BoundParameters.ContainsKey("Confirm")
        && !MyInvocation.BoundParameters.ContainsKey("WhatIf")
        && !LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

    protected override void StopProcessing() => _cancellation.Cancel();

    public void Dispose()
    {
        _cancellation.Dispose();
        GC.SuppressFinalize(this);
    }
}
