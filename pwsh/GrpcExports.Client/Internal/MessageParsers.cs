using Google.Protobuf;

namespace GrpcExports.Client.Internal;

/// <summary>One parser per message type; generated messages expose theirs only as a static property.</summary>
internal static class MessageParsers<T> where T : class, IMessage<T>, new()
{
    public static readonly MessageParser<T> Parser = new(() => new T());
}
