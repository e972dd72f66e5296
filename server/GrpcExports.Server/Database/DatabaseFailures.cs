using System.Net.Sockets;
using GrpcExports.Protocol.V1;
using GrpcExports.Protocol.Wire;
using GrpcExports.Server.Errors;
using Npgsql;

namespace GrpcExports.Server.Database;

/// <summary>
/// Tells a database that cannot be reached right now (down, restarting, failing over, out of connections) from a
/// bug, and turns the former into UNAVAILABLE with the reason DATABASE_UNAVAILABLE, which clients may retry.
/// </summary>
internal static class DatabaseFailures
{
    public const string UnavailableMessage = "The database cannot be reached right now; retry with backoff.";

    /// <summary>Whether <paramref name="exception"/> means the database is unreachable rather than that the request or the code is wrong.</summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException postgres => IsUnavailableState(postgres.SqlState),
        // Npgsql's own failures: a refused or broken connection, a timeout, an exhausted pool.
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        SocketException => true,
        _ => false,
    };

    /// <summary>UNAVAILABLE / DATABASE_UNAVAILABLE, keeping <paramref name="cause"/> for the server log.</summary>
    public static RpcException Unavailable(Exception cause)
    {
        var error = ProductErrors.Create(StatusCode.Unavailable, ErrorReason.DatabaseUnavailable, UnavailableMessage);
        return new RpcException(error.StatusCode, error.Detail, error.Details, cause);
    }

    /// <summary>Runs a database operation, turning an unreachable database into <see cref="Unavailable"/>.</summary>
    public static async Task<T> TranslateAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw Unavailable(e);
        }
    }

    /// <summary>
    /// SQLSTATEs of a server that cannot serve: class 08 (connection exceptions), 53300 too_many_connections,
    /// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or recovering).
    /// </summary>
    private static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.AdminShutdown
            or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;
}
