using Google.Protobuf.WellKnownTypes;

namespace GrpcExports.Server.EditorState.Validation.Schema;

/// <summary>
/// "type": "object" with "properties", "required", "minProperties" and "additionalProperties": other properties are
/// allowed and unchecked (<see cref="Others"/> null, not <see cref="Closed"/>), forbidden (<see cref="Closed"/>), or
/// each checked by <see cref="Others"/> (a map such as "items").
/// </summary>
internal sealed class ObjectRule : SchemaRule
{
    private readonly Dictionary<string, SchemaRule> _properties;

    public ObjectRule(IEnumerable<(string Name, SchemaRule Rule)> properties, IEnumerable<string>? required = null,
        bool closed = false, SchemaRule? others = null, int minProperties = 0)
    {
        _properties = properties.ToDictionary(property => property.Name, property => property.Rule, StringComparer.Ordinal);
        Required = required?.ToArray() ?? [];
        Closed = closed;
        Others = others;
        MinProperties = minProperties;
    }

    /// <summary>An object whose properties are all checked by <paramref name="others"/> ("additionalProperties": rule).</summary>
    public static ObjectRule MapOf(SchemaRule others, int minProperties = 0) => new([], others: others, minProperties: minProperties);

    /// <summary>Any object ("type": "object", "additionalProperties": true).</summary>
    public static readonly ObjectRule AnyObject = new([]);

    public IReadOnlyDictionary<string, SchemaRule> Properties => _properties;

    public IReadOnlyList<string> Required { get; }

    public bool Closed { get; }

    public SchemaRule? Others { get; }

    public int MinProperties { get; }

    public override string Expected => "an object";

    /// <summary>
    /// "allOf" of this rule and <paramref name="extension"/>: the properties of both (the extension's rule wins for a
    /// name both check, as it only narrows the base's), every required name of both.
    /// </summary>
    public ObjectRule With(ObjectRule extension) => new(
        _properties.Where(property => !extension._properties.ContainsKey(property.Key)).Select(property => (property.Key, property.Value))
            .Concat(extension._properties.Select(property => (property.Key, property.Value))),
        Required.Concat(extension.Required).Distinct(StringComparer.Ordinal),
        Closed || extension.Closed, extension.Others ?? Others, Math.Max(MinProperties, extension.MinProperties));

    /// <summary>
    /// This rule narrowed to the shape whose <paramref name="tag"/> property is the constant <paramref name="value"/>:
    /// the <paramref name="required"/> properties must be present, the <paramref name="optional"/> ones may be.
    /// </summary>
    public ObjectRule Variant(string tag, string value, (string Name, SchemaRule Rule)[] required, (string Name, SchemaRule Rule)[]? optional = null) =>
        With(new ObjectRule(
            [(tag, StringRule.Const(value)), .. required, .. optional ?? []],
            required: [tag, .. required.Select(property => property.Name)]));

    public override bool TakesTypeOf(Value value) => value.KindCase == Value.KindOneofCase.StructValue;

    public override void Check(Value value, ViolationLog log)
    {
        if (!TakesTypeOf(value))
        {
            WrongType(value, log, Expected);
            return;
        }
        var fields = value.StructValue.Fields;
        foreach (var name in Required)
        {
            if (!fields.ContainsKey(name))
            {
                log.Schema("required", $"{log.Path.Subject} is missing its required property {name}.", name);
            }
        }
        if (fields.Count < MinProperties)
        {
            log.Schema("minProperties", $"{log.Path.Subject} must have at least {MinProperties} {(MinProperties == 1 ? "property" : "properties")}.");
        }
        foreach (var (name, field) in fields)
        {
            var rule = _properties.GetValueOrDefault(name) ?? Others;
            if (rule is null && Closed)
            {
                log.Schema("additionalProperties", $"{name} is not a property {log.Path.Subject} can have.", name);
                continue;
            }
            if (rule is not null)
            {
                log.Path.Push(name);
                rule.Check(field, log);
                log.Path.Pop();
            }
        }
    }
}
