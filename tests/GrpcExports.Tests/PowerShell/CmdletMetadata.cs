using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace GrpcExports.Tests.PowerShell;

/// <summary>A cmdlet class as its compiled attributes describe it.</summary>
public sealed record CmdletInfo(
    string ClassName,
    string Verb,
    string Noun,
    bool SupportsShouldProcess,
    string ConfirmImpact,
    bool SupportsPaging,
    IReadOnlyList<string> OutputTypes,
    IReadOnlyList<CmdletParameterInfo> Parameters)
{
    public string Name => $"{Verb}-{Noun}";
}

/// <summary>A property with one or more [Parameter] attributes.</summary>
public sealed record CmdletParameterInfo(string Name, string TypeName, bool ValueFromPipelineByPropertyName, IReadOnlyList<string> Aliases);

/// <summary>
/// Reads the cmdlets of a built module assembly with System.Reflection.Metadata, without loading it (it is compiled
/// against PowerShell, which the test host does not have).
/// </summary>
public static class CmdletMetadata
{
    private static readonly string[] ConfirmImpacts = ["None", "Low", "Medium", "High"];

    public static IReadOnlyList<CmdletInfo> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var provider = new AttributeTypeProvider();
        var cmdlets = new List<CmdletInfo>();
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            var attributes = Decode(reader, type.GetCustomAttributes(), provider);
            var cmdletAttribute = attributes.Where(attribute => attribute.Name == "CmdletAttribute")
                .Select(attribute => (CustomAttributeValue<string>?)attribute.Value)
                .FirstOrDefault();
            if (cmdletAttribute is not { } cmdlet)
            {
                continue;
            }
            cmdlets.Add(new CmdletInfo(
                reader.GetString(type.Name),
                (string)cmdlet.FixedArguments[0].Value!,
                (string)cmdlet.FixedArguments[1].Value!,
                Named(cmdlet, "SupportsShouldProcess") is true,
                Named(cmdlet, "ConfirmImpact") is int impact ? ConfirmImpacts[impact] : "Medium",
                Named(cmdlet, "SupportsPaging") is true,
                attributes.Where(attribute => attribute.Name == "OutputTypeAttribute")
                    .SelectMany(attribute => ArgumentValues(attribute.Value.FixedArguments[0]))
                    .ToArray(),
                ReadParameters(reader, type, provider)));
        }
        return cmdlets;
    }

    /// <summary>The parameters the class declares and those it inherits from base classes in the same assembly (as PowerShell sees them).</summary>
    private static List<CmdletParameterInfo> ReadParameters(MetadataReader reader, TypeDefinition type, AttributeTypeProvider provider)
    {
        var parameters = type.BaseType.Kind == HandleKind.TypeDefinition
            ? ReadParameters(reader, reader.GetTypeDefinition((TypeDefinitionHandle)type.BaseType), provider)
            : [];
        foreach (var propertyHandle in type.GetProperties())
        {
            var property = reader.GetPropertyDefinition(propertyHandle);
            var attributes = Decode(reader, property.GetCustomAttributes(), provider);
            var parameterAttributes = attributes.Where(attribute => attribute.Name == "ParameterAttribute").ToArray();
            if (parameterAttributes.Length == 0)
            {
                continue;
            }
            var aliases = attributes.Where(attribute => attribute.Name == "AliasAttribute")
                .SelectMany(attribute => ArgumentValues(attribute.Value.FixedArguments[0]))
                .ToArray();
            parameters.Add(new CmdletParameterInfo(
                reader.GetString(property.Name),
                property.DecodeSignature(new SignatureTypeNames(), null).ReturnType,
                parameterAttributes.Any(attribute => Named(attribute.Value, "ValueFromPipelineByPropertyName") is true),
                aliases));
        }
        return parameters;
    }

    private static List<(string Name, CustomAttributeValue<string> Value)> Decode(
        MetadataReader reader, CustomAttributeHandleCollection handles, AttributeTypeProvider provider)
    {
        var result = new List<(string, CustomAttributeValue<string>)>();
        foreach (var handle in handles)
        {
            var attribute = reader.GetCustomAttribute(handle);
            var name = AttributeTypeName(reader, attribute);
            if (name is "CmdletAttribute" or "OutputTypeAttribute" or "ParameterAttribute" or "AliasAttribute")
            {
                result.Add((name, attribute.DecodeValue(provider)));
            }
        }
        return result;
    }

    private static string AttributeTypeName(MetadataReader reader, CustomAttribute attribute) => attribute.Constructor.Kind switch
    {
        HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent.Kind == HandleKind.TypeReference
            ? reader.GetString(reader.GetTypeReference((TypeReferenceHandle)reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent).Name)
            : "",
        HandleKind.MethodDefinition => reader.GetString(reader.GetTypeDefinition(reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType()).Name),
        _ => "",
    };

    private static object? Named(CustomAttributeValue<string> value, string name) =>
        value.NamedArguments.FirstOrDefault(argument => argument.Name == name).Value;

    /// <summary>A params array argument's values (typeof(T) as T's full name, strings as they are).</summary>
    private static IEnumerable<string> ArgumentValues(CustomAttributeTypedArgument<string> argument) =>
        argument.Value is ImmutableArray<CustomAttributeTypedArgument<string>> items
            ? items.Select(item => (string)item.Value!)
            : [(string)argument.Value!];

    /// <summary>Types in attribute blobs as their full names; enums in PowerShell's attributes are all int-based.</summary>
    private sealed class AttributeTypeProvider : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetSystemType() => "System.Type";
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            FullName(reader.GetString(reader.GetTypeDefinition(handle).Namespace), reader.GetString(reader.GetTypeDefinition(handle).Name));
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            FullName(reader.GetString(reader.GetTypeReference(handle).Namespace), reader.GetString(reader.GetTypeReference(handle).Name));
        public string GetTypeFromSerializedName(string name) => name.Split(',')[0];
        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;
        public bool IsSystemType(string type) => type == "System.Type";

        private static string FullName(string ns, string name) => ns.Length == 0 ? name : $"{ns}.{name}";
    }

    /// <summary>Property types as short names (string, string[], long, Object, SwitchParameter, ...).</summary>
    private sealed class SignatureTypeNames : ISignatureTypeProvider<string, object?>
    {
        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[,]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => $"{genericType}<{string.Join(",", typeArguments)}>";
        public string GetGenericMethodParameter(object? genericContext, int index) => $"!!{index}";
        public string GetGenericTypeParameter(object? genericContext, int index) => $"!{index}";
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetPinnedType(string elementType) => elementType;
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
        {
            PrimitiveTypeCode.String => "string",
            PrimitiveTypeCode.Int64 => "long",
            PrimitiveTypeCode.Int32 => "int",
            PrimitiveTypeCode.Boolean => "bool",
            PrimitiveTypeCode.Object => "Object",
            _ => typeCode.ToString(),
        };
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeDefinition(handle).Name);
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeReference(handle).Name);
        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => "spec";
    }
}
