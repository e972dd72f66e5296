using System.Text.Json;

namespace GrpcExports.Rendering.Timeline;

/// <summary>
/// Reads an Indream editorState v1 document (JSON text, as the server keeps it) into an <see cref="EditorTimeline"/>.
/// </summary>
/// <remarks>
/// The document has been validated against the schema before it gets here; this reader takes what it draws and
/// ignores the rest. It is tolerant where that costs nothing: unknown fields are skipped, optional properties get
/// their neutral value, integers written as doubles (<c>120.0</c>, as a <c>google.protobuf.Struct</c> holds every
/// number) are accepted, and item kinds it has no model for become <see cref="UnmodelledItem"/>s. What it cannot do
/// without (an item's timing, a track's items) is an <see cref="EditorStateFormatException"/> naming the field.
/// </remarks>
public static class EditorStateReader
{
    private const long DefaultTicksPerSecond = 240_000;

    public static EditorTimeline Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        return Read(document.RootElement);
    }

    public static EditorTimeline Parse(ReadOnlyMemory<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = 256 });
        return Read(document.RootElement);
    }

    public static EditorTimeline Read(JsonElement root)
    {
        var state = new Node(root, "");
        state.RequireKind(JsonValueKind.Object);

        var items = new Dictionary<string, TimelineItem>(StringComparer.Ordinal);
        if (state.TryGet("items", out var itemsNode))
        {
            foreach (var (id, itemNode) in itemsNode.Properties())
            {
                items[id] = ReadItem(id, itemNode);
            }
        }

        var tracks = new List<TimelineTrack>();
        foreach (var trackNode in state.Required("tracks").Elements())
        {
            var ids = trackNode.Required("items").Elements().Select(n => n.String()).ToList();
            var trackItems = ids.Where(items.ContainsKey).Select(id => items[id]).OrderBy(i => i.StartTicks).ToList();
            tracks.Add(new TimelineTrack(trackNode.Required("id").String(), trackNode.OptionalBoolean("hidden", false),
                trackNode.OptionalBoolean("muted", false), trackItems));
        }

        var assets = new Dictionary<string, TimelineAsset>(StringComparer.Ordinal);
        if (state.TryGet("assets", out var assetsNode))
        {
            foreach (var (id, assetNode) in assetsNode.Properties())
            {
                assets[id] = ReadAsset(id, assetNode);
            }
        }

        var transitions = new List<TimelineTransition>();
        if (state.TryGet("transitions", out var transitionsNode))
        {
            foreach (var (id, transitionNode) in transitionsNode.Properties())
            {
                transitions.Add(ReadTransition(id, transitionNode));
            }
        }

        return new EditorTimeline
        {
            CompositionWidth = (int)state.Required("compositionWidth").Integer(),
            CompositionHeight = (int)state.Required("compositionHeight").Integer(),
            TicksPerSecond = state.TryGet("timebaseTicksPerSecond", out var timebase) ? timebase.PositiveInteger() : DefaultTicksPerSecond,
            Tracks = tracks,
            Items = items,
            Assets = assets,
            Transitions = transitions,
            Background = state.TryGet("globalBackground", out var background) ? ReadBackground(background) : GlobalBackground.None,
        };
    }

    private static TimelineItem ReadItem(string id, Node node)
    {
        var type = node.Required("type").String();
        var start = node.Required("startTicks").Integer();
        var duration = node.Required("durationTicks").PositiveInteger();
        return type switch
        {
            "solid" => new SolidItem
            {
                Id = id, Type = type, StartTicks = start, DurationTicks = duration,
                Geometry = ReadGeometry(node), Animations = ReadClipAnimations(node),
                Color = node.Required("color").Color(),
                Shape = ReadShape(node),
                KeepAspectRatio = node.OptionalBoolean("keepAspectRatio", false),
            },
            "image" => new ImageItem
            {
                Id = id, Type = type, StartTicks = start, DurationTicks = duration,
                Geometry = ReadGeometry(node), Animations = ReadClipAnimations(node),
                AssetId = node.Required("assetId").String(),
                KeepAspectRatio = node.OptionalBoolean("keepAspectRatio", false),
                Crop = ReadCrop(node),
            },
            "video" => new VideoItem
            {
                Id = id, Type = type, StartTicks = start, DurationTicks = duration,
                Geometry = ReadGeometry(node), Animations = ReadClipAnimations(node),
                AssetId = node.Required("assetId").String(),
                KeepAspectRatio = node.OptionalBoolean("keepAspectRatio", false),
                Crop = ReadCrop(node),
                VideoStartFromInSeconds = node.OptionalNumber("videoStartFromInSeconds", 0),
                PlaybackRate = node.OptionalNumber("playbackRate", 1),
                DecibelAdjustment = node.Animated("decibelAdjustment", 0),
                AudioFadeInDurationInSeconds = node.OptionalNumber("audioFadeInDurationInSeconds", 0),
                AudioFadeOutDurationInSeconds = node.OptionalNumber("audioFadeOutDurationInSeconds", 0),
            },
            "gif" => new GifItem
            {
                Id = id, Type = type, StartTicks = start, DurationTicks = duration,
                Geometry = ReadGeometry(node), Animations = ReadClipAnimations(node),
                AssetId = node.Required("assetId").String(),
                KeepAspectRatio = node.OptionalBoolean("keepAspectRatio", false),
                Crop = ReadCrop(node),
                GifStartFromInSeconds = node.OptionalNumber("gifStartFromInSeconds", 0),
                PlaybackRate = node.OptionalNumber("playbackRate", 1),
            },
            "text" => ReadText(id, type, start, duration, node, node.Required("text").String()),
            "captions" => new CaptionsItem
            {
                Id = id, Type = type, StartTicks = start, DurationTicks = duration,
                Geometry = ReadGeometry(node), Animations = ReadClipAnimations(node),
                AssetId = node.Required("assetId").String(),
                Style = ReadText(id, type, start, duration, node, ""),
                HighlightColor = node.Required("highlightColor").Color(),
                PageDurationInMilliseconds = node.Required("pageDurationInMilliseconds").PositiveNumber(),
                MaxLines = (int)node.Required("maxLines").PositiveInteger(),
                ContentStartOffsetMs = node.OptionalNumber("contentStartOffsetMs", 0),
                CaptionAnimations = ReadCaptionAnimations(node),
            },
            "audio" => new AudioItem
            {
                Id = id, Type = type, StartTicks = start, DurationTicks = duration,
                AssetId = node.Required("assetId").String(),
                AudioStartFromInSeconds = node.OptionalNumber("audioStartFromInSeconds", 0),
                PlaybackRate = node.OptionalNumber("playbackRate", 1),
                DecibelAdjustment = node.Animated("decibelAdjustment", 0),
                AudioFadeInDurationInSeconds = node.OptionalNumber("audioFadeInDurationInSeconds", 0),
                AudioFadeOutDurationInSeconds = node.OptionalNumber("audioFadeOutDurationInSeconds", 0),
            },
            "effect" => new EffectItem
            {
                Id = id, Type = type, StartTicks = start, DurationTicks = duration,
                EffectType = node.Required("effectType").String(),
                Intensity = node.OptionalNumber("intensity", 1),
            },
            "filter" => new FilterItem
            {
                Id = id, Type = type, StartTicks = start, DurationTicks = duration,
                FilterType = node.Required("filterType").String(),
                Intensity = node.OptionalNumber("intensity", 1),
                Blend = ReadParameters(node).TryGetValue("blend", out var blend) && blend is double amount ? amount : 1,
            },
            _ => new UnmodelledItem { Id = id, Type = type, StartTicks = start, DurationTicks = duration },
        };
    }

    /// <summary>A text item, or with an empty <paramref name="text"/> the text style of a captions item.</summary>
    private static TextItem ReadText(string id, string type, long start, long duration, Node node, string text)
    {
        TextBackground? background = null;
        if (node.TryGet("background", out var box) && box.Kind == JsonValueKind.Object)
        {
            background = new TextBackground(box.Required("color").Color(), box.OptionalNumber("horizontalPadding", 0),
                box.OptionalNumber("borderRadius", 0));
        }
        var fontStyle = node.TryGet("fontStyle", out var style) && style.Kind == JsonValueKind.Object ? style : (Node?)null;
        return new TextItem
        {
            Id = id, Type = type, StartTicks = start, DurationTicks = duration,
            Geometry = ReadGeometry(node), Animations = ReadClipAnimations(node),
            Text = text,
            Color = node.Required("color").Color(),
            Align = node.OptionalString("align") ?? "left",
            FontFamily = node.OptionalString("fontFamily") ?? "",
            FontWeight = fontStyle?.OptionalString("weight") ?? "400",
            FontVariant = fontStyle?.OptionalString("variant") ?? "normal",
            FontSize = node.OptionalNumber("fontSize", 16),
            LineHeight = node.OptionalNumber("lineHeight", 1.2),
            LetterSpacing = node.OptionalNumber("letterSpacing", 0),
            Direction = node.OptionalString("direction") ?? "ltr",
            StrokeWidth = node.OptionalNumber("strokeWidth", 0),
            StrokeColor = node.TryGet("strokeColor", out var stroke) ? stroke.Color() : Color.Black,
            Background = background,
        };
    }

    private static ItemGeometry ReadGeometry(Node node) => new(
        Left: node.Animated("left", 0),
        Top: node.Animated("top", 0),
        Width: node.Animated("width", 0),
        Height: node.Animated("height", 0),
        ScaleX: node.Animated("scaleX", 1),
        ScaleY: node.Animated("scaleY", 1),
        Opacity: node.Animated("opacity", 1),
        Rotation: node.Animated("rotation", 0),
        BorderRadius: node.Animated("borderRadius", 0));

    private static ItemCrop ReadCrop(Node node) => new(node.Animated("cropLeft", 0), node.Animated("cropTop", 0),
        node.Animated("cropRight", 0), node.Animated("cropBottom", 0));

    private static SolidShape ReadShape(Node node) => node.OptionalString("shape") switch
    {
        null or "rectangle" => SolidShape.Rectangle,
        "circle" => SolidShape.Circle,
        "triangle" => SolidShape.Triangle,
        "star" => SolidShape.Star,
        var other => throw new EditorStateFormatException(node.Child("shape"), $"unknown solid shape '{other}'"),
    };

    private static ClipAnimations ReadClipAnimations(Node node)
    {
        if (!node.TryGet("animations", out var animations) || animations.Kind != JsonValueKind.Object)
        {
            return ClipAnimations.None;
        }
        return new ClipAnimations(ReadClipAnimation(animations, "in"), ReadClipAnimation(animations, "out"));

        static ClipAnimation? ReadClipAnimation(Node animations, string name) =>
            animations.TryGet(name, out var spec) && spec.Kind == JsonValueKind.Object
                ? new ClipAnimation(spec.Required("type").String(), spec.Required("durationTicks").PositiveInteger(), spec.Easing("easing"))
                : null;
    }

    private static CaptionAnimations ReadCaptionAnimations(Node node)
    {
        if (!node.TryGet("captionAnimations", out var animations) || animations.Kind != JsonValueKind.Object)
        {
            return CaptionAnimations.None;
        }
        return new CaptionAnimations(Read("in"), Read("out"), Read("loop"));

        CaptionAnimation? Read(string name) =>
            animations.TryGet(name, out var spec) && spec.Kind == JsonValueKind.Object
                ? new CaptionAnimation(spec.Required("type").String(), spec.Required("durationTicks").PositiveInteger(), spec.Easing("easing"))
                : null;
    }

    private static List<CaptionEntry> ReadCaptionEntries(Node asset) =>
        asset.TryGet("captions", out var captions) && captions.Kind == JsonValueKind.Array
            ? [.. captions.Elements().Select(entry => new CaptionEntry(entry.Required("text").String(),
                entry.Required("startMs").Number(), entry.Required("endMs").Number()))]
            : [];

    private static TimelineAsset ReadAsset(string id, Node node) => new()
    {
        Id = id,
        Type = node.Required("type").String(),
        Filename = node.OptionalString("filename") ?? "",
        MimeType = node.OptionalString("mimeType") ?? "",
        RemoteUrl = node.OptionalString("remoteUrl"),
        RemoteKey = node.OptionalString("remoteKey"),
        Width = node.OptionalNumberOrNull("width"),
        Height = node.OptionalNumberOrNull("height"),
        DurationInSeconds = node.OptionalNumberOrNull("durationInSeconds"),
        HasAudioTrack = node.TryGet("hasAudioTrack", out var audio) && audio.Kind is JsonValueKind.True or JsonValueKind.False
            ? audio.Boolean() : null,
        Loops = node.OptionalString("loopBehavior") != "finite",
        Captions = ReadCaptionEntries(node),
        WordTiming = node.OptionalString("timingGranularity") == "word",
    };

    private static TimelineTransition ReadTransition(string id, Node node)
    {
        var type = node.Required("type").String();
        return new TimelineTransition
        {
            Id = id,
            TrackId = node.Required("trackId").String(),
            FromClipId = node.Required("fromClipId").String(),
            ToClipId = node.Required("toClipId").String(),
            Type = type,
            DurationTicks = node.Required("durationTicks").PositiveInteger(),
            Easing = node.Easing("easing"),
            Parameters = ReadParameters(node),
            Direction = ReadTransitionDirection(type, node),
        };
    }

    /// <summary>An item's or transition's <c>params</c>: strings, numbers (as double) and booleans.</summary>
    private static Dictionary<string, object> ReadParameters(Node node)
    {
        var parameters = new Dictionary<string, object>(StringComparer.Ordinal);
        if (node.TryGet("params", out var paramsNode) && paramsNode.Kind == JsonValueKind.Object)
        {
            foreach (var (name, value) in paramsNode.Properties())
            {
                object? primitive = value.Kind switch
                {
                    JsonValueKind.String => value.String(),
                    JsonValueKind.Number => value.Number(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => null,
                };
                if (primitive is not null)
                {
                    parameters[name] = primitive;
                }
            }
        }
        return parameters;
    }

    /// <summary>
    /// The schema leaves <c>params</c> open, so a direction the renderer does not know is refused here, naming the field,
    /// rather than drawn some other way than the editor showed it.
    /// </summary>
    private static TransitionDirection ReadTransitionDirection(string type, Node transition)
    {
        if (type is not ("slide" or "wipe" or "flip") || !transition.TryGet("params", out var parameters)
            || !parameters.TryGet("direction", out var field))
        {
            return TransitionDirections.Default;
        }
        var name = field.Kind == JsonValueKind.String ? field.String() : field.Element.GetRawText();
        var direction = TransitionDirections.Parse(name);
        if (type == "flip")
        {
            return direction is { } side && side.IsSide()
                ? side
                : throw new EditorStateFormatException(field.Path, $"flip turns from-left, from-right, from-top or from-bottom, not '{name}'");
        }
        return direction ?? throw new EditorStateFormatException(field.Path,
            $"unknown transition direction '{name}' (expected one of {string.Join(", ", TransitionDirections.Names)})");
    }

    private static GlobalBackground ReadBackground(Node node)
    {
        if (node.Kind == JsonValueKind.Null)
        {
            return GlobalBackground.None;
        }
        return node.Required("type").String() switch
        {
            "color" => new ColorBackground(node.Required("color").Color(), node.OptionalString("gradient")),
            "blur" => new BlurBackground((int)node.Required("level").Integer()),
            "image" => new ImageBackground(node.OptionalString("imageAssetId"), node.OptionalString("imageUrl") ?? "",
                node.OptionalString("source") ?? "custom"),
            _ => GlobalBackground.None,
        };
    }

    /// <summary>A JSON element with the JSON Pointer that leads to it, so that every error names its field.</summary>
    private readonly record struct Node(JsonElement Element, string Path)
    {
        public JsonValueKind Kind => Element.ValueKind;

        public string Child(string name) => $"{Path}/{name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";

        public void RequireKind(JsonValueKind kind)
        {
            if (Element.ValueKind != kind)
            {
                throw new EditorStateFormatException(Path, $"expected {Describe(kind)}, found {Describe(Element.ValueKind)}");
            }
        }

        public bool TryGet(string name, out Node child)
        {
            if (Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out var value))
            {
                child = new Node(value, Child(name));
                return true;
            }
            child = default;
            return false;
        }

        public Node Required(string name) => TryGet(name, out var child) && child.Kind != JsonValueKind.Null
            ? child
            : throw new EditorStateFormatException(Child(name), "is required");

        public IEnumerable<(string Name, Node Value)> Properties()
        {
            RequireKind(JsonValueKind.Object);
            foreach (var property in Element.EnumerateObject())
            {
                yield return (property.Name, new Node(property.Value, Child(property.Name)));
            }
        }

        public IEnumerable<Node> Elements()
        {
            RequireKind(JsonValueKind.Array);
            var index = 0;
            foreach (var element in Element.EnumerateArray())
            {
                yield return new Node(element, $"{Path}/{index++}");
            }
        }

        public string String()
        {
            RequireKind(JsonValueKind.String);
            return Element.GetString()!;
        }

        public bool Boolean() => Element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new EditorStateFormatException(Path, $"expected a boolean, found {Describe(Element.ValueKind)}"),
        };

        public double Number()
        {
            RequireKind(JsonValueKind.Number);
            var value = Element.GetDouble();
            return double.IsFinite(value) ? value : throw new EditorStateFormatException(Path, "is not a finite number");
        }

        /// <summary>An integer, also when written as a double with no fraction (<c>120.0</c>).</summary>
        public long Integer()
        {
            RequireKind(JsonValueKind.Number);
            if (Element.TryGetInt64(out var integer))
            {
                return integer;
            }
            var value = Element.GetDouble();
            return value == Math.Floor(value) && Math.Abs(value) < 9.007199254740992e15
                ? (long)value
                : throw new EditorStateFormatException(Path, $"expected an integer, found {Element.GetRawText()}");
        }

        public double PositiveNumber()
        {
            var value = Number();
            return value > 0 ? value : throw new EditorStateFormatException(Path, $"must be more than 0, found {value}");
        }

        public long PositiveInteger()
        {
            var value = Integer();
            return value > 0 ? value : throw new EditorStateFormatException(Path, $"must be at least 1, found {value}");
        }

        public Color Color() => Timeline.Color.TryParse(String(), out var color)
            ? color
            : throw new EditorStateFormatException(Path, $"'{Element.GetString()}' is not a colour");

        public Easing Easing(string name)
        {
            var text = OptionalString(name);
            return text is null
                ? Timeline.Easing.Linear
                : EasingCurves.Parse(text) ?? throw new EditorStateFormatException(Child(name), $"unknown easing '{text}'");
        }

        public string? OptionalString(string name) =>
            TryGet(name, out var child) && child.Kind == JsonValueKind.String ? child.Element.GetString() : null;

        public bool OptionalBoolean(string name, bool fallback) =>
            TryGet(name, out var child) && child.Kind is JsonValueKind.True or JsonValueKind.False ? child.Boolean() : fallback;

        public double OptionalNumber(string name, double fallback) => OptionalNumberOrNull(name) ?? fallback;

        public double? OptionalNumberOrNull(string name) =>
            TryGet(name, out var child) && child.Kind == JsonValueKind.Number ? child.Number() : null;

        /// <summary>An <c>animatedNumberTrack</c>; a bare number is read as a constant, absence as <paramref name="fallback"/>.</summary>
        public AnimatedNumber Animated(string name, double fallback)
        {
            if (!TryGet(name, out var track) || track.Kind == JsonValueKind.Null)
            {
                return AnimatedNumber.Constant(fallback);
            }
            if (track.Kind == JsonValueKind.Number)
            {
                return AnimatedNumber.Constant(track.Number());
            }
            var value = track.OptionalNumber("value", fallback);
            if (!track.TryGet("keyframes", out var keyframes) || keyframes.Kind != JsonValueKind.Array)
            {
                return AnimatedNumber.Constant(value);
            }
            var points = keyframes.Elements()
                .Select(k => new Keyframe(k.Required("timeTicks").Integer(), k.Required("value").Number(), k.Easing("easing")))
                .ToList();
            return new AnimatedNumber(value, points);
        }

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Null => "null",
            _ => "nothing",
        };
    }
}
