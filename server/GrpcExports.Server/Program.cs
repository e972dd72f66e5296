using GrpcExports.Server.Hosting;
using GrpcExports.Server.Security.Command;
using Microsoft.Extensions.Options;

try
{
    if (args is [KeysCommand.Name, .. var keyArguments])
    {
        return await KeysCommand.RunAsync(keyArguments, Console.Out, Console.Error);
    }
    var app = ServerApplication.Build(args);
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException e)
{
    // A setting out of range is the operator's to fix: name it in one line instead of a stack trace.
    await Console.Error.WriteLineAsync($"GrpcExports.Server: invalid configuration: {string.Join(" ", e.Failures)}");
    return 2;
}
