# Drives the packed GrpcExports module in real PowerShell against a running server, and writes what it saw as one JSON
# object to -ReportPath for ModuleSessionTests to check (standard output also carries -WhatIf's host messages). One
# PowerShell start-up runs every check.
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $Endpoint,
    [Parameter(Mandatory)] [string] $ApiKey,
    [Parameter(Mandatory)] [string] $ReportPath
)
$ErrorActionPreference = 'Stop'
$seen = [ordered]@{}

Import-Module $ModuleManifest -WarningVariable importWarnings
$module = Get-Module GrpcExports
$commands = Get-Command -Module GrpcExports
$seen.ModuleVersion = $module.Version.ToString()
$seen.Commands = @($commands.Name | Sort-Object)
$seen.ImportWarnings = @($importWarnings | ForEach-Object Message)
$approved = (Get-Verb).Verb
$seen.UnapprovedVerbs = @($commands | Where-Object Verb -notin $approved | ForEach-Object Name)
$seen.CommandsWithoutHelpExamples = @($commands | Where-Object { -not (Get-Help $_.Name).examples.example } | ForEach-Object Name)
$seen.OutputTypesWithoutView = @($commands.OutputType.Name | Sort-Object -Unique | Where-Object { -not (Get-FormatData -TypeName $_) })

# Without a session every cmdlet stops the pipeline: nothing else could work.
try { Get-GxProject -Id '0b6c2f0e-5a53-4a8e-9d3c-2f1c7d5e8a10' } catch { $seen.NotConnectedErrorId = $_.FullyQualifiedErrorId }

Connect-GxServer -Endpoint $Endpoint -ApiKey (ConvertTo-SecureString $ApiKey -AsPlainText -Force)
$server = Get-GxServer
$seen.ServerHealth = $server.Health
$seen.ServerEndpoint = $server.Endpoint.ToString()
$seen.ServerTypeName = $server.PSObject.TypeNames[0]

$emptyTrack = @{ id = 'track-1'; items = @(); hidden = $false; muted = $false }
$first = @{ compositionWidth = 1280; compositionHeight = 720; timebaseTicksPerSecond = 240000; tracks = @($emptyTrack); assets = @{}; items = @{}; transitions = @{} }
$second = '{"compositionWidth": 1920, "compositionHeight": 1080, "timebaseTicksPerSecond": 240000, "tracks": [{"id": "track-1", "items": [], "hidden": false, "muted": false}], "assets": {}, "items": {}, "transitions": {}, "custom": {"kept": [1, 2.5, "three"]}}'
$read = New-GxProject -Title 'Round trip' -Folder promo -EditorState $first |
    Sync-GxProject -EditorState $second |
    Get-GxProject
$seen.RoundTrip = [ordered]@{
    Title = $read.Title
    Folder = $read.Folder
    Version = $read.Version
    StateVersion = $read.StateVersion
    EditorState = $read.EditorState
    WidthType = $read.EditorState.compositionWidth.GetType().Name
}
$id = $read.Id
$seen.FirstVersion = (Get-GxProject -Id $id -Version 1).EditorState

$stale = Sync-GxProject -Id $id -EditorState $first -ExpectedVersion 1 -ErrorAction SilentlyContinue -ErrorVariable staleErrors
$seen.Stale = [ordered]@{
    Output = @($stale).Count
    FullyQualifiedErrorId = $staleErrors[0].FullyQualifiedErrorId
    Category = $staleErrors[0].CategoryInfo.Category.ToString()
    TargetObject = $staleErrors[0].TargetObject
    StateVersionAfter = (Get-GxProject -Id $id).StateVersion
}

$current = Sync-GxProject -Id $id -EditorState $read.EditorState -ExpectedVersion $read.StateVersion
$seen.SameStateAgain = [ordered]@{ Unchanged = $current.Unchanged; StateVersion = $current.StateVersion }

$items = 'not-a-project-id', $id | Get-GxProject -ErrorAction SilentlyContinue -ErrorVariable itemErrors
$seen.PipelineWithOneBadItem = [ordered]@{
    Written = @($items.Id)
    ErrorIds = @($itemErrors.FullyQualifiedErrorId)
    ErrorTargets = @($itemErrors.TargetObject)
}

$seen.VerboseLines = @(Get-GxProject -Id $id -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)

$whatIf = Sync-GxProject -Id $id -EditorState $first -WhatIf
$seen.WhatIf = [ordered]@{ Output = @($whatIf).Count; StateVersionAfter = (Get-GxProject -Id $id).StateVersion }

$scratch = Split-Path -Parent $ReportPath
$file = Join-Path $scratch 'state.json'
Set-Content -Path $file -Value $second -Encoding utf8NoBOM
$fromFile = New-GxProject -Title 'From a file' -Path $file
$seen.FromFile = (Get-GxProject -Id $fromFile.Id).EditorState
Test-GxProject -Path (Join-Path $scratch 'missing.json') -ErrorAction SilentlyContinue -ErrorVariable missingFile
$seen.MissingFileErrorId = $missingFile[0].FullyQualifiedErrorId

$seen.Validation = (Test-GxProject -EditorState $second).Valid
Test-GxProject -EditorState '[1, 2]' -ErrorAction SilentlyContinue -ErrorVariable badInput
$seen.BadEditorStateErrorId = $badInput[0].FullyQualifiedErrorId

# After the calls above, Google.Protobuf is loaded: in the module's own context only.
$seen.ProtobufContexts = @([System.Runtime.Loader.AssemblyLoadContext]::All |
    Where-Object { @($_.Assemblies | Where-Object { $_.GetName().Name -eq 'Google.Protobuf' }).Count -gt 0 } |
    ForEach-Object Name)

Disconnect-GxServer
try { Get-GxServer } catch { $seen.AfterDisconnectErrorId = $_.FullyQualifiedErrorId }

# Ctrl+C: a server that accepts connections but never answers keeps Connect-GxServer's health check in flight until
# the pipeline is stopped. The wait is a hang guard only.
$silent = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
$silent.Start()
try {
    $shell = [powershell]::Create()
    $null = $shell.AddScript("Import-Module '$ModuleManifest'; Connect-GxServer -Endpoint http://127.0.0.1:$($silent.LocalEndpoint.Port)")
    $running = $shell.BeginInvoke()
    while (-not $silent.Pending() -and -not $running.IsCompleted) { Start-Sleep -Milliseconds 50 }
    $accepted = $silent.AcceptTcpClient()
    $stopping = $shell.BeginStop($null, $null)
    $seen.Stop = [ordered]@{
        Stopped = $stopping.AsyncWaitHandle.WaitOne([TimeSpan]::FromMinutes(2))
        State = $shell.InvocationStateInfo.State.ToString()
    }
    $accepted.Dispose()
    $shell.Dispose()
} finally {
    $silent.Stop()
}

$seen | ConvertTo-Json -Depth 20 | Set-Content -Path $ReportPath -Encoding utf8NoBOM
