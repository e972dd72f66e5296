using GrpcExports.Server.Assets.MediaTypes;

namespace GrpcExports.Server.Assets.Upload;

/// <summary>What an upload's header says about the file that follows, checked.</summary>
/// <param name="DeclaredSize">The size the client announced, or null when unknown.</param>
/// <param name="DeclaredSha256">The SHA-256 the client announced (lowercase hex), or null when unknown.</param>
internal sealed record UploadClaim(string FileName, AcceptedMediaType Type, Guid? ProjectId, long? DeclaredSize, string? DeclaredSha256);
