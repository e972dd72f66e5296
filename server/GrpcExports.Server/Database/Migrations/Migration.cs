namespace GrpcExports.Server.Database.Migrations;

/// <summary>One schema change: its version (the number its file name starts with), its name, and its SQL.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
