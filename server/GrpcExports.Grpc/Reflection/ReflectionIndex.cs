using Google.Protobuf;
using Google.Protobuf.Reflection;
using GrpcExports.Grpc.Binding;

namespace GrpcExports.Grpc.Reflection;

/// <summary>
/// What server reflection can tell: the served services, and every .proto file they need (by file name and by
/// the fully-qualified names of the services, methods, messages and enums each defines), and the error detail types.
/// </summary>
internal sealed class ReflectionIndex
{
    private readonly Dictionary<string, FileDescriptor> _filesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> _filesBySymbol = new(StringComparer.Ordinal);
    private readonly HashSet<string> _messageTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ByteString> _documented = new(StringComparer.Ordinal);

    public ReflectionIndex(IEnumerable<ServiceRegistration> registrations, IEnumerable<DocumentedFiles> documentedFiles)
    {
        foreach (var (name, bytes) in documentedFiles.SelectMany(set => set.FilesByName))
        {
            _documented[name] = bytes;
        }
        var services = registrations.Select(r => r.Descriptor).ToList();
        ServiceNames = services.Select(s => s.FullName).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var service in services)
        {
            AddFile(service.File);
        }
        // Error details travel as Any; clients resolve their types through reflection to print them.
        AddFile(Google.Rpc.ErrorDetailsReflection.Descriptor);
        AddFile(Google.Rpc.StatusReflection.Descriptor);
    }

    public IReadOnlyList<string> ServiceNames { get; }

    public FileDescriptor? FindFileByName(string name) => _filesByName.GetValueOrDefault(name);

    public FileDescriptor? FindFileContainingSymbol(string symbol) => _filesBySymbol.GetValueOrDefault(symbol);

    public bool IsKnownMessageType(string fullName) => _messageTypes.Contains(fullName);

    /// <summary>
    /// The serialized FileDescriptorProto of <paramref name="file"/> followed by those of all it imports, transitively;
    /// the documented form of each file where there is one.
    /// </summary>
    public IReadOnlyList<ByteString> WithDependencies(FileDescriptor file)
    {
        var ordered = new List<ByteString>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<FileDescriptor>();
        pending.Push(file);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (!seen.Add(next.Name))
            {
                continue;
            }
            ordered.Add(_documented.GetValueOrDefault(next.Name) ?? next.SerializedData);
            foreach (var dependency in next.Dependencies)
            {
                pending.Push(dependency);
            }
        }
        return ordered;
    }

    private void AddFile(FileDescriptor file)
    {
        if (!_filesByName.TryAdd(file.Name, file))
        {
            return;
        }
        foreach (var service in file.Services)
        {
            _filesBySymbol[service.FullName] = file;
            foreach (var method in service.Methods)
            {
                _filesBySymbol[method.FullName] = file;
            }
        }
        foreach (var message in file.MessageTypes)
        {
            AddMessage(message, file);
        }
        foreach (var enumType in file.EnumTypes)
        {
            _filesBySymbol[enumType.FullName] = file;
        }
        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency);
        }
    }

    private void AddMessage(MessageDescriptor message, FileDescriptor file)
    {
        _filesBySymbol[message.FullName] = file;
        _messageTypes.Add(message.FullName);
        foreach (var nested in message.NestedTypes)
        {
            AddMessage(nested, file);
        }
        foreach (var enumType in message.EnumTypes)
        {
            _filesBySymbol[enumType.FullName] = file;
        }
    }
}
