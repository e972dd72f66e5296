# What the cmdlet session scripts share; each dot-sources this file. Capture reads the calling script's $ModuleManifest.

# Imports the packed module by name, the way a user's PSModulePath would find it.
function ImportPackedModule([string] $manifest) {
    $modules = Split-Path -Parent (Split-Path -Parent (Split-Path -Parent $manifest))
    $env:PSModulePath = $modules + [System.IO.Path]::PathSeparator + $env:PSModulePath
    Import-Module GrpcExports
}

# Runs $script in a runspace of its own (the module's session is shared by the process) and keeps its streams, progress included.
function Capture([string] $script, [object[]] $arguments = @()) {
    $shell = [powershell]::Create()
    try {
        $null = $shell.AddScript("Import-Module '$ModuleManifest'").AddStatement().AddScript($script)
        foreach ($argument in $arguments) { $null = $shell.AddArgument($argument) }
        $output = $shell.Invoke()
        [pscustomobject]@{
            Output = @($output)
            Progress = @($shell.Streams.Progress)
            Errors = @($shell.Streams.Error)
            Warnings = @($shell.Streams.Warning | ForEach-Object Message)
            Verbose = @($shell.Streams.Verbose | ForEach-Object Message)
        }
    } finally {
        $shell.Dispose()
    }
}

function ProgressSummary($records) {
    [ordered]@{
        Count = @($records).Count
        Activities = @($records.Activity | Sort-Object -Unique)
        Percents = @($records | Where-Object RecordType -EQ 'Processing' | ForEach-Object PercentComplete)
        LastType = @($records)[-1].RecordType.ToString()
    }
}

# What tab completion offers at the end of $line.
function Complete([string] $line) { @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches) }
