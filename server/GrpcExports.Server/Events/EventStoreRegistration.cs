namespace GrpcExports.Server.Events;

internal static class EventStoreRegistration
{
    /// <summary>Adds the event store over the database's data source (see Database/DatabaseRegistration.cs).</summary>
    public static IServiceCollection AddEventStore(this IServiceCollection services) => services.AddSingleton<EventStore>();
}
