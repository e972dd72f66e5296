using GrpcExports.Server.Hosting;

var app = ServerApplication.Build(args);
await app.RunAsync();
