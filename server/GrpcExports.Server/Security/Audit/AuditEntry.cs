using GrpcExports.Protocol.V1;

namespace GrpcExports.Server.Security.Audit;

/// <summary>One audit log entry before it is written; the log assigns its sequence and time.</summary>
internal sealed record AuditEntry(
    AuditEventKind Kind,
    Actor Actor,
    string Method,
    string Resource,
    int StatusCode,
    string Peer);
