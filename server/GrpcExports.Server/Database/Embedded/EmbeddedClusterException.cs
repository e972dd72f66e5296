namespace GrpcExports.Server.Database.Embedded;

/// <summary>The private PostgreSQL cluster could not be found, initialised, started or stopped; the message says why.</summary>
internal sealed class EmbeddedClusterException(string message, Exception? inner = null) : Exception(message, inner);
