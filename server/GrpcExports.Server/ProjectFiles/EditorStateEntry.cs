using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using GrpcExports.Protocol.V1;
using GrpcExports.Server.EditorState;

namespace GrpcExports.Server.ProjectFiles;

/// <summary>The editor state entry's text as a document, or the problem that it is not a JSON object.</summary>
internal static class EditorStateEntry
{
    public static Struct? Read(string json, out ProjectFileProblem? problem)
    {
        try
        {
            problem = null;
            return EditorStateJson.Read(json);
        }
        catch (Exception error) when (error is InvalidJsonException or InvalidProtocolBufferException or FormatException)
        {
            problem = ProblemCodes.Problem(ProjectFileLayout.EditorStateEntry, ProblemCodes.Corrupt, $"The editor state is not a JSON object: {error.Message}");
            return null;
        }
    }
}
