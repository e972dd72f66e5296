namespace GrpcExports.Server.Events;

/// <summary>An event to append: its type name (what happened, for example "StateSynced") and its data as JSON text, stored exactly as given.</summary>
internal sealed record NewEvent(string EventType, string Data);
