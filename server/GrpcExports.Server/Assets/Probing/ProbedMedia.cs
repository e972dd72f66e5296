using GrpcExports.Protocol.V1;
using GrpcExports.Server.Assets.MediaTypes;

namespace GrpcExports.Server.Assets.Probing;

/// <summary>The outcome of probing an upload: the media type its content really is, its kind, and the measured facts.</summary>
internal sealed record ProbedMedia(AcceptedMediaType Type, AssetKind Kind, MediaInfo Info);
