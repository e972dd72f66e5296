using GrpcExports.Server.Errors;
using GrpcExports.Server.Projects;

namespace GrpcExports.Server.Exports.Requests;

/// <summary>The export_id field of ExportService requests.</summary>
internal static class ExportIds
{
    public static Guid Parse(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw ProductErrors.MissingField("export_id", "An export id is required.");
        }
        return Guid.TryParseExact(value, "D", out var id)
            ? id
            : throw ProjectErrors.InvalidRequest("export_id", "That is not an export id (a UUID such as 0193a3f2-5a53-7a8e-9d3c-2f1c7d5e8a10).");
    }
}
