using InteropHost;

// The interop server: `--port N` (as the official interop servers take it) or ASP.NET Core's --urls.
var app = InteropServer.Build(args);
await app.RunAsync();
