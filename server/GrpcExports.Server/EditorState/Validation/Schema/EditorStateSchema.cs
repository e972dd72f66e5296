using Google.Protobuf.WellKnownTypes;

namespace GrpcExports.Server.EditorState.Validation.Schema;

/// <summary>
/// The Indream editorState v1 JSON Schema (draft-07, "IndreamEditorStateV1") as rules: the document, its tracks,
/// transitions, background, brand runtime and deleted assets; assets and items have files of their own.
/// Properties the schema does not close stay allowed and unchecked, as the editor may add its own.
/// </summary>
internal static class EditorStateSchema
{
    private static readonly SchemaRule NullableString = new NullableRule(StringRule.Any);

    private static readonly ObjectRule Track = new(
        [("id", StringRule.NonEmpty), ("items", new ArrayRule(StringRule.NonEmpty)), ("hidden", BooleanRule.Instance), ("muted", BooleanRule.Instance)],
        required: ["id", "items", "hidden", "muted"], closed: true);

    private static readonly ObjectRule Transition = new(
        [
            ("id", StringRule.NonEmpty),
            ("trackId", StringRule.NonEmpty),
            ("fromClipId", StringRule.NonEmpty),
            ("toClipId", StringRule.NonEmpty),
            ("type", StringRule.Enum("fade", "slide", "wipe", "flip", "clock-wipe", "iris")),
            ("durationTicks", NumberRule.PositiveInteger),
            ("easing", AnimationSchemas.Easing),
            ("params", AnimationSchemas.Params),
        ],
        required: ["id", "trackId", "fromClipId", "toClipId", "type", "durationTicks"], closed: true);

    private static readonly ObjectRule ClosedShape = new([], closed: true);

    private static readonly SchemaRule GlobalBackground = new UnionRule("type",
    [
        ("none", ClosedShape.Variant("type", "none", [])),
        ("color", ClosedShape.Variant("type", "color", [("color", StringRule.Color), ("gradient", NullableString)])),
        ("blur", ClosedShape.Variant("type", "blur", [("level", new NumberRule(integer: true, oneOf: [0, 1, 2, 3, 4]))])),
        ("image", ClosedShape.Variant("type", "image",
            [("imageAssetId", NullableString), ("imageUrl", StringRule.NonEmpty), ("source", StringRule.Enum("preset", "custom"))])),
    ]);

    private static readonly SchemaRule BrandRuntime = new NullableRule(new ObjectRule(
        [
            ("brandId", NullableString),
            ("logoX", NumberRule.Any),
            ("logoY", NumberRule.Any),
            ("managedItemIds", new ArrayRule(StringRule.Any)),
            ("managedAssetIds", new ArrayRule(StringRule.Any)),
            ("introShiftInFrames", NumberRule.AnyInteger),
            ("overlayTrackId", NullableString),
            ("underlayTrackId", NullableString),
        ],
        required: ["brandId", "logoX", "logoY", "managedItemIds", "managedAssetIds", "introShiftInFrames", "overlayTrackId", "underlayTrackId"],
        closed: true));

    private static readonly SchemaRule UploadState = new UnionRule("type",
    [
        ("pending-upload", ClosedShape.Variant("type", "pending-upload", [])),
        ("in-progress", ClosedShape.Variant("type", "in-progress",
        [
            ("progress", new ObjectRule(
                [("progress", NumberRule.Any), ("loadedBytes", NumberRule.NonNegative), ("totalBytes", NumberRule.NonNegative)],
                required: ["progress", "loadedBytes", "totalBytes"], closed: true)),
        ])),
        ("uploaded", ClosedShape.Variant("type", "uploaded", [])),
        ("error", ClosedShape.Variant("type", "error",
        [
            ("error", new JsonTypesRule("a string, null or an object",
                Value.KindOneofCase.StringValue, Value.KindOneofCase.NullValue, Value.KindOneofCase.StructValue)),
            ("canRetry", BooleanRule.Instance),
        ])),
    ]);

    private static readonly ObjectRule DeletedAsset = new(
        [("assetId", StringRule.NonEmpty), ("remoteUrl", NullableString), ("remoteKey", NullableString), ("statusAtDeletion", UploadState)],
        required: ["assetId", "remoteUrl", "remoteKey", "statusAtDeletion"], closed: true);

    public static readonly SchemaRule Document = new ObjectRule(
        [
            ("compositionWidth", new NumberRule(integer: true, minimum: 50, maximum: 1920)),
            ("compositionHeight", new NumberRule(integer: true, minimum: 50, maximum: 1920)),
            ("timebaseTicksPerSecond", new NumberRule(integer: true, oneOf: [EditorStateTicks.PerSecond])),
            ("outputRatio", StringRule.Enum("16:9", "9:16", "1:1", "4:3", "3:4", "custom")),
            ("tracks", new ArrayRule(Track, minItems: 1)),
            ("assets", ObjectRule.MapOf(AssetSchemas.Asset)),
            ("items", ObjectRule.MapOf(ItemSchemas.Item)),
            ("transitions", ObjectRule.MapOf(Transition)),
            ("globalBackground", GlobalBackground),
            ("brandRuntime", BrandRuntime),
            ("deletedAssets", new ArrayRule(DeletedAsset)),
        ],
        required: ["compositionWidth", "compositionHeight", "timebaseTicksPerSecond", "tracks", "assets", "items", "transitions"]);
}
