using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;
using GrpcExports.Grpc.Binding;
using GrpcExports.Grpc.Calls;
using GrpcExports.Protocol.Wire;

namespace GrpcExports.Grpc.Reflection;

/// <summary>grpc.reflection.v1.ServerReflection: answers each request on the stream, in order.</summary>
internal sealed class ReflectionServiceV1(ReflectionIndex index) : IGrpcService
{
    public static ServiceDescriptor Descriptor => ReflectionReflection.Descriptor.Services[0];

    public async Task ServerReflectionInfo(IAsyncEnumerable<ServerReflectionRequest> requests,
        IServerStreamWriter<ServerReflectionResponse> responses, ServerCallContext context)
    {
        await foreach (var request in requests.WithCancellation(context.CancellationToken).ConfigureAwait(false))
        {
            await responses.WriteAsync(Answer(request)).ConfigureAwait(false);
        }
    }

    /// <summary>The answer to one reflection request; v1alpha answers through this too, as the two are wire-identical.</summary>
    public ServerReflectionResponse Answer(ServerReflectionRequest request)
    {
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                var list = new ListServiceResponse();
                list.Service.AddRange(index.ServiceNames.Select(name => new ServiceResponse { Name = name }));
                response.ListServicesResponse = list;
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                SetFile(response, index.FindFileByName(request.FileByFilename), $"File '{request.FileByFilename}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                SetFile(response, index.FindFileContainingSymbol(request.FileContainingSymbol),
                    $"Symbol '{request.FileContainingSymbol}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
                SetError(response, StatusCode.NotFound,
                    $"Extension {request.FileContainingExtension.ExtensionNumber} of '{request.FileContainingExtension.ContainingType}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                if (index.IsKnownMessageType(request.AllExtensionNumbersOfType))
                {
                    response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = request.AllExtensionNumbersOfType };
                }
                else
                {
                    SetError(response, StatusCode.NotFound, $"Type '{request.AllExtensionNumbersOfType}' not found.");
                }
                break;
            default:
                SetError(response, StatusCode.InvalidArgument, "The reflection request names no question.");
                break;
        }
        return response;
    }

    private void SetFile(ServerReflectionResponse response, FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            SetError(response, StatusCode.NotFound, notFound);
            return;
        }
        var files = new FileDescriptorResponse();
        files.FileDescriptorProto.AddRange(index.WithDependencies(file));
        response.FileDescriptorResponse = files;
    }

    private static void SetError(ServerReflectionResponse response, StatusCode code, string message) =>
        response.ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message };
}
