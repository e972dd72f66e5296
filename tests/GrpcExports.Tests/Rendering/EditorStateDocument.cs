using System.Text.Json.Nodes;

namespace GrpcExports.Tests.Rendering;

/// <summary>
/// Builds editor-state JSON documents for rendering tests with the field names of editor-state.v1.schema.json:
/// tracks (first is the top layer), items with animatedNumberTrack geometry, transitions, globalBackground.
/// </summary>
public sealed class EditorStateDocument(int compositionWidth, int compositionHeight)
{
    public const long TicksPerSecond = 240_000;

    private readonly JsonArray _tracks = [];
    private readonly JsonObject _items = [];
    private readonly JsonObject _transitions = [];
    private readonly JsonObject _assets = [];
    private JsonObject? _background;

    /// <summary>An animatedNumberTrack: a constant, or keyframes of (timeTicks, value).</summary>
    public static JsonObject Animated(double value, params (long TimeTicks, double Value)[] keyframes)
    {
        var points = new JsonArray();
        foreach (var (time, keyframeValue) in keyframes)
        {
            points.Add(new JsonObject { ["timeTicks"] = time, ["value"] = keyframeValue });
        }
        return new JsonObject { ["value"] = value, ["keyframes"] = points };
    }

    public static long Seconds(double seconds) => (long)Math.Round(seconds * TicksPerSecond);

    /// <summary>Adds a track; call in the document's order, so the first call is tracks[0], the top layer.</summary>
    public EditorStateDocument Track(string id, params string[] itemIds) => Track(id, hidden: false, itemIds);

    public EditorStateDocument Track(string id, bool hidden, params string[] itemIds)
    {
        var items = new JsonArray();
        foreach (var itemId in itemIds)
        {
            items.Add(itemId);
        }
        _tracks.Add(new JsonObject { ["id"] = id, ["hidden"] = hidden, ["muted"] = false, ["items"] = items });
        return this;
    }

    /// <summary>A solid rectangle; any geometry property can be replaced by a keyframed one through <paramref name="overrides"/>.</summary>
    public EditorStateDocument Solid(string id, string color, long startTicks, long durationTicks,
        double left, double top, double width, double height, double opacity = 1, double rotation = 0, double borderRadius = 0,
        string shape = "rectangle", params (string Property, JsonObject Track)[] overrides)
    {
        var item = WithFields(Placed(id, "solid", startTicks, durationTicks, left, top, width, height, opacity, rotation), new JsonObject
        {
            ["color"] = color,
            ["shape"] = shape,
            ["borderRadius"] = Animated(borderRadius),
            ["keepAspectRatio"] = false,
        });
        foreach (var (property, track) in overrides)
        {
            item[property] = track;
        }
        _items[id] = item;
        return this;
    }

    /// <summary>What every visual item has: its id and type, its span on the timeline and its (unkeyframed) placement.</summary>
    private static JsonObject Placed(string id, string type, long startTicks, long durationTicks,
        double left, double top, double width, double height, double opacity, double rotation) => new()
    {
        ["id"] = id,
        ["type"] = type,
        ["startTicks"] = startTicks,
        ["durationTicks"] = durationTicks,
        ["top"] = Animated(top),
        ["left"] = Animated(left),
        ["width"] = Animated(width),
        ["height"] = Animated(height),
        ["scaleX"] = Animated(1),
        ["scaleY"] = Animated(1),
        ["opacity"] = Animated(opacity),
        ["isDraggingInTimeline"] = false,
        ["rotation"] = Animated(rotation),
    };

    /// <summary><paramref name="item"/> with <paramref name="fields"/> moved into it (a node has one parent).</summary>
    private static JsonObject WithFields(JsonObject item, JsonObject fields)
    {
        foreach (var name in fields.Select(field => field.Key).ToList())
        {
            var value = fields[name];
            fields.Remove(name);
            item[name] = value;
        }
        return item;
    }

    /// <summary>An image asset whose <c>remoteKey</c> (and filename) is <paramref name="file"/>.</summary>
    public EditorStateDocument ImageAsset(string id, string file, int width, int height, string mimeType = "image/png")
    {
        _assets[id] = new JsonObject
        {
            ["id"] = id,
            ["type"] = "image",
            ["filename"] = Path.GetFileName(file),
            ["size"] = 1,
            ["remoteUrl"] = null,
            ["remoteKey"] = file,
            ["mimeType"] = mimeType,
            ["width"] = width,
            ["height"] = height,
        };
        return this;
    }

    /// <summary>An image item over <paramref name="assetId"/>; crops are in source pixels.</summary>
    public EditorStateDocument Image(string id, string assetId, long startTicks, long durationTicks,
        double left, double top, double width, double height, bool keepAspectRatio = false,
        double cropLeft = 0, double cropTop = 0, double cropRight = 0, double cropBottom = 0)
    {
        _items[id] = WithFields(Placed(id, "image", startTicks, durationTicks, left, top, width, height, 1, rotation: 0), new JsonObject
        {
            ["assetId"] = assetId,
            ["borderRadius"] = Animated(0),
            ["keepAspectRatio"] = keepAspectRatio,
            ["cropLeft"] = Animated(cropLeft),
            ["cropTop"] = Animated(cropTop),
            ["cropRight"] = Animated(cropRight),
            ["cropBottom"] = Animated(cropBottom),
        });
        return this;
    }

    /// <summary>A video asset whose <c>remoteKey</c> (and filename) is <paramref name="file"/>.</summary>
    public EditorStateDocument VideoAsset(string id, string file, int width, int height, double durationInSeconds)
    {
        _assets[id] = new JsonObject
        {
            ["id"] = id,
            ["type"] = "video",
            ["filename"] = Path.GetFileName(file),
            ["size"] = 1,
            ["remoteUrl"] = null,
            ["remoteKey"] = file,
            ["mimeType"] = "video/mp4",
            ["width"] = width,
            ["height"] = height,
            ["durationInSeconds"] = durationInSeconds,
            ["hasAudioTrack"] = false,
        };
        return this;
    }

    /// <summary>A video item over <paramref name="assetId"/> from <paramref name="inSeconds"/> at <paramref name="playbackRate"/>.</summary>
    public EditorStateDocument Video(string id, string assetId, long startTicks, long durationTicks,
        double left, double top, double width, double height, double inSeconds = 0, double playbackRate = 1,
        JsonObject? cropLeft = null)
    {
        _items[id] = WithFields(Placed(id, "video", startTicks, durationTicks, left, top, width, height, 1, rotation: 0), new JsonObject
        {
            ["assetId"] = assetId,
            ["borderRadius"] = Animated(0),
            ["keepAspectRatio"] = false,
            ["videoStartFromInSeconds"] = inSeconds,
            ["playbackRate"] = playbackRate,
            ["decibelAdjustment"] = Animated(0),
            ["audioFadeInDurationInSeconds"] = 0,
            ["audioFadeOutDurationInSeconds"] = 0,
            ["cropLeft"] = cropLeft ?? Animated(0),
        });
        return this;
    }

    /// <summary>A text item in DejaVu Sans (the fonts-dejavu-core font every test machine has).</summary>
    public EditorStateDocument Text(string id, string text, long startTicks, long durationTicks,
        double left, double top, double width, double height, string color = "#000000", string align = "left",
        double fontSize = 32, string weight = "400", JsonObject? background = null, string direction = "ltr")
    {
        _items[id] = WithFields(Placed(id, "text", startTicks, durationTicks, left, top, width, height, 1, rotation: 0), new JsonObject
        {
            ["text"] = text,
            ["color"] = color,
            ["align"] = align,
            ["fontFamily"] = "DejaVu Sans",
            ["fontStyle"] = new JsonObject { ["weight"] = weight, ["variant"] = "normal" },
            ["fontSize"] = fontSize,
            ["lineHeight"] = 1.2,
            ["letterSpacing"] = 0,
            ["resizeOnEdit"] = false,
            ["direction"] = direction,
            ["strokeWidth"] = 0,
            ["strokeColor"] = "#000000",
            ["background"] = background,
        });
        return this;
    }

    /// <summary>A gif asset whose <c>remoteKey</c> (and filename) is <paramref name="file"/>; <paramref name="loop"/> false is <c>finite</c>.</summary>
    public EditorStateDocument GifAsset(string id, string file, int width, int height, double durationInSeconds, bool loop)
    {
        _assets[id] = new JsonObject
        {
            ["id"] = id,
            ["type"] = "gif",
            ["filename"] = Path.GetFileName(file),
            ["size"] = 1,
            ["remoteUrl"] = null,
            ["remoteKey"] = file,
            ["mimeType"] = "image/gif",
            ["width"] = width,
            ["height"] = height,
            ["durationInSeconds"] = durationInSeconds,
            ["loopBehavior"] = loop ? "loop" : "finite",
        };
        return this;
    }

    /// <summary>A gif item over <paramref name="assetId"/> from <paramref name="inSeconds"/> at <paramref name="playbackRate"/>.</summary>
    public EditorStateDocument Gif(string id, string assetId, long startTicks, long durationTicks,
        double left, double top, double width, double height, double inSeconds = 0, double playbackRate = 1)
    {
        _items[id] = WithFields(Placed(id, "gif", startTicks, durationTicks, left, top, width, height, 1, rotation: 0), new JsonObject
        {
            ["assetId"] = assetId,
            ["borderRadius"] = Animated(0),
            ["keepAspectRatio"] = false,
            ["gifStartFromInSeconds"] = inSeconds,
            ["playbackRate"] = playbackRate,
        });
        return this;
    }

    /// <summary>A caption asset with its entries inline: (text, startMs, endMs), timed per <c>word</c> or per <c>line</c>.</summary>
    public EditorStateDocument CaptionAsset(string id, string granularity, params (string Text, double StartMs, double EndMs)[] entries)
    {
        var captions = new JsonArray();
        foreach (var (text, start, end) in entries)
        {
            captions.Add(new JsonObject { ["text"] = text, ["startMs"] = start, ["endMs"] = end, ["timestampMs"] = start, ["confidence"] = 1.0 });
        }
        _assets[id] = new JsonObject
        {
            ["id"] = id,
            ["type"] = "caption",
            ["filename"] = "captions.json",
            ["size"] = 1,
            ["remoteUrl"] = null,
            ["remoteKey"] = null,
            ["mimeType"] = "application/json",
            ["timingGranularity"] = granularity,
            ["captions"] = captions,
        };
        return this;
    }

    /// <summary>A captions item in DejaVu Sans Bold over <paramref name="assetId"/>.</summary>
    public EditorStateDocument Captions(string id, string assetId, long startTicks, long durationTicks,
        double left, double top, double width, double height, string color = "#ffffff", string highlightColor = "#00ff00",
        double fontSize = 48, string align = "left", double pageDurationMs = 2000, int maxLines = 2, double contentStartOffsetMs = 0,
        string direction = "ltr")
    {
        _items[id] = WithFields(Placed(id, "captions", startTicks, durationTicks, left, top, width, height, 1, rotation: 0), new JsonObject
        {
            ["assetId"] = assetId,
            ["fontFamily"] = "DejaVu Sans",
            ["fontStyle"] = new JsonObject { ["weight"] = "700", ["variant"] = "normal" },
            ["lineHeight"] = 1.2,
            ["letterSpacing"] = 0,
            ["fontSize"] = fontSize,
            ["align"] = align,
            ["color"] = color,
            ["highlightColor"] = highlightColor,
            ["strokeWidth"] = 0,
            ["strokeColor"] = "#000000",
            ["direction"] = direction,
            ["pageDurationInMilliseconds"] = pageDurationMs,
            ["maxLines"] = maxLines,
            ["contentStartOffsetMs"] = contentStartOffsetMs,
            ["source"] = "manual",
            ["captionGroupId"] = null,
            ["background"] = null,
        });
        return this;
    }

    /// <summary>Gives captions item <paramref name="id"/> a caption animation in <paramref name="slot"/> (<c>in</c>, <c>out</c> or <c>loop</c>).</summary>
    public EditorStateDocument CaptionAnimation(string id, string slot, string type, long durationTicks, string easing = "linear")
    {
        var animations = _items[id]!["captionAnimations"] as JsonObject ?? [];
        animations[slot] = new JsonObject { ["type"] = type, ["durationTicks"] = durationTicks, ["easing"] = easing };
        _items[id]!["captionAnimations"] = animations;
        return this;
    }

    public EditorStateDocument Transition(string id, string trackId, string fromClipId, string toClipId, long durationTicks,
        string type = "fade", string easing = "linear", string? direction = null)
    {
        _transitions[id] = new JsonObject
        {
            ["id"] = id,
            ["trackId"] = trackId,
            ["fromClipId"] = fromClipId,
            ["toClipId"] = toClipId,
            ["type"] = type,
            ["durationTicks"] = durationTicks,
            ["easing"] = easing,
        };
        if (direction is not null)
        {
            _transitions[id]!["params"] = new JsonObject { ["direction"] = direction };
        }
        return this;
    }

    /// <summary>Gives item <paramref name="id"/> clip animations (an animationSpec each for <c>in</c> and <c>out</c>).</summary>
    public EditorStateDocument Animations(string id, (string Type, long DurationTicks, string Easing)? entering = null,
        (string Type, long DurationTicks, string Easing)? leaving = null)
    {
        var animations = new JsonObject();
        if (entering is { } a)
        {
            animations["in"] = new JsonObject { ["type"] = a.Type, ["durationTicks"] = a.DurationTicks, ["easing"] = a.Easing };
        }
        if (leaving is { } b)
        {
            animations["out"] = new JsonObject { ["type"] = b.Type, ["durationTicks"] = b.DurationTicks, ["easing"] = b.Easing };
        }
        _items[id]!["animations"] = animations;
        return this;
    }

    /// <summary>An effect item (<c>fade-in</c>, <c>fade-out</c>, <c>flash-to-black</c>, ...) acting on the tracks below its own.</summary>
    public EditorStateDocument Effect(string id, string effectType, long startTicks, long durationTicks, double intensity = 1)
    {
        _items[id] = new JsonObject
        {
            ["id"] = id,
            ["type"] = "effect",
            ["effectType"] = effectType,
            ["intensity"] = intensity,
            ["startTicks"] = startTicks,
            ["durationTicks"] = durationTicks,
            ["isDraggingInTimeline"] = false,
        };
        return this;
    }

    /// <summary>A filter item (<c>verdant-glow</c>, ...) recolouring the tracks below its own; <paramref name="blend"/> is
    /// <c>params.blend</c> (left out when null).</summary>
    public EditorStateDocument Filter(string id, string filterType, long startTicks, long durationTicks, double intensity = 1,
        double? blend = null)
    {
        _items[id] = new JsonObject
        {
            ["id"] = id,
            ["type"] = "filter",
            ["filterType"] = filterType,
            ["intensity"] = intensity,
            ["startTicks"] = startTicks,
            ["durationTicks"] = durationTicks,
            ["isDraggingInTimeline"] = false,
        };
        if (blend is { } amount)
        {
            _items[id]!["params"] = new JsonObject { ["blend"] = amount };
        }
        return this;
    }

    public EditorStateDocument BackgroundColor(string color, string? gradient = null)
    {
        _background = new JsonObject { ["type"] = "color", ["color"] = color, ["gradient"] = gradient };
        return this;
    }

    public EditorStateDocument BackgroundBlur(int level)
    {
        _background = new JsonObject { ["type"] = "blur", ["level"] = level };
        return this;
    }

    public EditorStateDocument BackgroundImage(string? assetId, string url = "https://example.com/background.jpg")
    {
        _background = new JsonObject { ["type"] = "image", ["imageAssetId"] = assetId, ["imageUrl"] = url, ["source"] = "custom" };
        return this;
    }

    public EditorStateDocument NoBackground()
    {
        _background = new JsonObject { ["type"] = "none" };
        return this;
    }

    public string ToJson()
    {
        var document = new JsonObject
        {
            ["compositionWidth"] = compositionWidth,
            ["compositionHeight"] = compositionHeight,
            ["timebaseTicksPerSecond"] = TicksPerSecond,
            ["tracks"] = _tracks.DeepClone(),
            ["assets"] = _assets.DeepClone(),
            ["items"] = _items.DeepClone(),
            ["transitions"] = _transitions.DeepClone(),
        };
        if (_background is not null)
        {
            document["globalBackground"] = _background.DeepClone();
        }
        return document.ToJsonString();
    }
}
