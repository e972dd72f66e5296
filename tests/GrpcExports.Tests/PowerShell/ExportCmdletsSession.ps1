# Drives the export and asset cmdlets of the packed module, Connect-GxServer's credentials file and the export examples
# in real PowerShell against running servers, and writes what it saw as one JSON object to -ReportPath for
# ExportCmdletsSessionTests to check. -Endpoint renders; -QueuedEndpoint queues exports but never renders them;
# -RecordingEndpoint records the authorization header of each call. One PowerShell start-up runs every check.
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $Endpoint,
    [Parameter(Mandatory)] [string] $ApiKey,
    [Parameter(Mandatory)] [string] $QueuedEndpoint,
    [Parameter(Mandatory)] [string] $QueuedApiKey,
    [Parameter(Mandatory)] [string] $RecordingEndpoint,
    [Parameter(Mandatory)] [string] $MediaDirectory,
    [Parameter(Mandatory)] [string] $FilesDirectory,
    [Parameter(Mandatory)] [string] $ExamplesDirectory,
    [Parameter(Mandatory)] [string] $ReportPath
)
$ErrorActionPreference = 'Stop'
$seen = [ordered]@{}

. (Join-Path $PSScriptRoot 'SessionHelpers.ps1')
ImportPackedModule $ModuleManifest
$scratch = Join-Path (Split-Path -Parent $ReportPath) 'scratch'
$null = New-Item -ItemType Directory -Path $scratch
$solid = Join-Path $FilesDirectory 'solid.json'
$brokenImage = Join-Path $FilesDirectory 'broken-image.json'


$env:GX_API_KEY = $ApiKey
Connect-GxServer -Endpoint $Endpoint

Write-Host '== assets'
# Assets: two files and a missing one through the pipeline, with upload progress.
$uploads = Capture 'Get-Item $args[0], $args[1] | Add-GxAsset; Add-GxAsset -Path $args[2]' @(
    (Join-Path $FilesDirectory 'picture.png'), (Join-Path $FilesDirectory 'clip.mp4'), (Join-Path $FilesDirectory 'missing.png'))
$picture = $uploads.Output | Where-Object FileName -EQ 'picture.png'
$clip = $uploads.Output | Where-Object FileName -EQ 'clip.mp4'
$whatIfRemove = Remove-GxAsset -Id $clip.Id -WhatIf
$removedAsset = $clip | Remove-GxAsset -Force -PassThru
Get-GxAsset -Id $clip.Id -ErrorAction SilentlyContinue -ErrorVariable assetGone
$seen.Assets = [ordered]@{
    Uploaded = @($uploads.Output | ForEach-Object { "$($_.FileName) $($_.Kind) $($_.SizeBytes)" } | Sort-Object)
    Type = $picture.PSObject.TypeNames[0]
    PictureSize = "$($picture.Media.Width)x$($picture.Media.Height)"
    PictureSha256 = $picture.Sha256
    UploadErrorIds = @($uploads.Errors.FullyQualifiedErrorId)
    Progress = ProgressSummary $uploads.Progress
    Images = @(Get-GxAsset -Kind Image | ForEach-Object Id)
    PictureId = $picture.Id
    ById = (Get-GxAsset -Id $picture.Id).FileName
    FirstOfAll = @(Get-GxAsset -First 1).Count
    WhatIfOutput = @($whatIfRemove).Count
    RemovedId = $removedAsset.AssetId
    RemovedType = $removedAsset.PSObject.TypeNames[0]
    GoneErrorId = $assetGone[0].FullyQualifiedErrorId
    Completion = @((Complete 'Get-GxAsset -Id pict').CompletionText)
    Table = Get-GxAsset | Out-String -Width 200
}

Write-Host '== pre-flight'
# Asset pre-flight: a server without CheckProjectAssets leaves AssetCheck empty and says so with -Verbose.
$checked = Capture 'Test-GxProject -Path $args[0] -Verbose' @($solid)
$seen.Preflight = [ordered]@{
    Valid = $checked.Output[0].Valid
    Checked = $null -ne $checked.Output[0].AssetCheck
    AllFound = $checked.Output[0].AssetCheck.AllFound
    TotalAssets = $checked.Output[0].AssetCheck.TotalAssets
    Verbose = @($checked.Verbose)
}

Write-Host '== render'
# One project rendered with every kind of option, followed with progress, saved, resumed, and refused when corrupt.
$project = New-GxProject -Title 'Render me' -Folder promo -Path $solid
$started = $project | Start-GxExport -Format mp4 -Resolution 480 -Quality draft -Fps 24 -LetterboxColor '#102030' `
    -WatermarkMediaPath watermark.png -WatermarkPositionX 0.9 -WatermarkPositionY 0.1 -WatermarkOpacity 0.5 -Name 'First render'
$waited = Capture 'Wait-GxExport -Id $args[0]' @($started.Id)
$finished = $waited.Output[0]
$saved = Save-GxExport -Id $started.Id -Path $scratch
$full = [System.IO.File]::ReadAllBytes($saved.Path)
$half = [int]($full.Length / 2)
$partial = Join-Path $scratch 'partial.mp4'
[System.IO.File]::WriteAllBytes($partial, $full[0..($half - 1)])
$resumed = Capture 'Save-GxExport -Id $args[0] -Path $args[1] -Verbose' @($started.Id, $partial)
$corrupt = Join-Path $scratch 'corrupt.mp4'
[System.IO.File]::WriteAllBytes($corrupt, [byte[]]::new($half))
Save-GxExport -Id $started.Id -Path $corrupt -ErrorAction SilentlyContinue -ErrorVariable corruptErrors
$seen.Render = [ordered]@{
    Id = $started.Id
    StartedStatus = $started.Status
    StartedType = $started.PSObject.TypeNames[0]
    Options = [ordered]@{
        Format = $started.Options.Format; Resolution = $started.Options.Resolution; Quality = $started.Options.Quality; Fps = $started.Options.Fps
        LetterboxColor = $started.Options.LetterboxColor; WatermarkMediaPath = $started.Options.Watermark.MediaPath
        WatermarkPosition = "$($started.Options.Watermark.PositionX),$($started.Options.Watermark.PositionY)"; WatermarkOpacity = $started.Options.Watermark.Opacity
    }
    Name = $started.Name
    ProjectVersion = $started.ProjectVersion
    FinishedStatus = $finished.Status
    FinishedPercent = $finished.Progress.Percent
    OutputHeight = $finished.Output.Height
    OutputSha256 = $finished.Output.Sha256
    WaitProgress = ProgressSummary $waited.Progress
    SavedName = Split-Path -Leaf $saved.Path
    SuggestedName = $finished.Output.FileName
    SavedSize = $saved.SizeBytes
    OutputSize = $finished.Output.SizeBytes
    SavedFileSha256 = (Get-FileHash -Algorithm SHA256 $saved.Path).Hash.ToLowerInvariant()
    SavedSha256 = $saved.Sha256
    SavedType = $saved.PSObject.TypeNames[0]
    Half = $half
    ResumedFrom = $resumed.Output[0].ResumedFromByte
    ResumedDownloaded = $resumed.Output[0].BytesDownloaded
    ResumedFileSha256 = (Get-FileHash -Algorithm SHA256 $partial).Hash.ToLowerInvariant()
    ResumedVerbose = @($resumed.Verbose | Where-Object { $_ -like 'Resumed*' })
    DownloadProgress = ProgressSummary $resumed.Progress
    CorruptErrorId = $corruptErrors[0].FullyQualifiedErrorId
    CorruptLeft = Test-Path $corrupt
    Table = $finished | Out-String -Width 200
    List = $finished | Format-List | Out-String -Width 200
    Completion = @((Complete "Save-GxExport -Id $($started.Id.Substring(0, 8))").CompletionText)
    OptionCompletion = @((Complete 'Start-GxExport -Resolution ').CompletionText)
}

Write-Host '== pipeline'
# The issue's pipeline: a folder's projects rendered and saved one after the other; and a stateless export with -Wait.
$second = New-GxProject -Title 'Render me too' -Folder promo -Path $solid
$out = Join-Path $scratch 'out'
$null = New-Item -ItemType Directory -Path $out
$piped = @(Get-GxProject -Folder promo | Start-GxExport -Format mp4 -Quality draft | Wait-GxExport | Save-GxExport -Path $out)
$stateless = Start-GxExport -Path $solid -Quality draft -Name 'Stateless' -Wait -WarningAction SilentlyContinue
$intoNewFolder = $stateless | Save-GxExport -Path (Join-Path $scratch 'new-folder/')
$seen.Pipeline = [ordered]@{
    Saved = @($piped | ForEach-Object { Split-Path -Leaf $_.Path } | Sort-Object)
    Files = @(Get-ChildItem $out | ForEach-Object Name | Sort-Object)
    ProjectExports = @(Get-GxExport -ProjectId $project.Id).Count
    SecondExports = @(Get-GxExport -ProjectId $second.Id -Status Succeeded).Count
    StatelessStatus = $stateless.Status
    StatelessProjectId = $stateless.ProjectId
    NewFolderFiles = @(Get-ChildItem (Join-Path $scratch 'new-folder') | ForEach-Object Name)
    StatelessFileName = $stateless.Output.FileName
    NewFolderSaved = $intoNewFolder.Path
    Listed = @(Get-GxExport -Folder promo -First 2 | ForEach-Object Status)
}

Write-Host '== retry'
# A render that fails (the picture in the media directory is not an image) and its retry by the example script, once
# the file is fixed; running the script again finds the retry instead of starting another.
$failing = New-GxProject -Title 'Broken picture' -Folder retries -Path $brokenImage
$failedRun = Capture 'Start-GxExport -ProjectId $args[0] -Quality draft -Wait' @($failing.Id)
Copy-Item (Join-Path $FilesDirectory 'picture.png') (Join-Path $MediaDirectory 'broken.png') -Force
$retryWhatIf = & (Join-Path $ExamplesDirectory 'Restart-FailedExports.ps1') -Endpoint $Endpoint -WhatIf
$retried = @(& (Join-Path $ExamplesDirectory 'Restart-FailedExports.ps1') -Endpoint $Endpoint)
$retriedAgain = @(& (Join-Path $ExamplesDirectory 'Restart-FailedExports.ps1') -Endpoint $Endpoint)
$seen.Retry = [ordered]@{
    FailedStatus = $failedRun.Output[0].Status
    FailedReason = $failedRun.Output[0].ErrorReason
    FailedWarnings = @($failedRun.Warnings)
    FailedId = $failedRun.Output[0].Id
    WhatIfOutput = @($retryWhatIf).Count
    Retried = @($retried | ForEach-Object { "$($_.ProjectId) $($_.Status) $($_.ClientTaskId)" })
    ProjectId = $failing.Id
    RetriedAgainIds = @($retriedAgain.Id)
    RetriedIds = @($retried.Id)
    ExportsOfProject = @(Get-GxExport -ProjectId $failing.Id).Count
    RetryOptions = "$($retried[0].Options.Quality) $($retried[0].Options.Format)"
}

Write-Host '== nightly'
# The nightly example: what changed since the mark is rendered with the watermark and saved; a project with nothing
# to render is reported and the next goes ahead.
$mark = Get-Date
$nightlyProject = New-GxProject -Title 'Nightly' -Folder nightly-source -Path $solid
$blank = New-GxProject -Title 'Blank' -Folder nightly-source
$nightly = Join-Path $scratch 'nightly'
$nightlyWhatIf = & (Join-Path $ExamplesDirectory 'Export-RecentProjects.ps1') -Endpoint $Endpoint -Since $mark -OutputDirectory $nightly -WhatIf
$nightlyCreatedFolder = Test-Path $nightly
$nightlyRun = Capture '& $args[0] -Endpoint $args[1] -Since $args[2] -OutputDirectory $args[3] -Resolution 480 -Quality draft' @(
    (Join-Path $ExamplesDirectory 'Export-RecentProjects.ps1'), $Endpoint, $mark, $nightly)
$nightlySaved = $nightlyRun.Output
$nightlyErrors = $nightlyRun.Errors
$nightlyExport = @(Get-GxExport -ProjectId $nightlyProject.Id)[0]
$seen.Nightly = [ordered]@{
    WhatIfOutput = @($nightlyWhatIf).Count
    WhatIfCreatedFolder = $nightlyCreatedFolder
    Saved = @($nightlySaved | ForEach-Object ExportId)
    NightlyExportId = $nightlyExport.Id
    Watermark = $nightlyExport.Options.Watermark.MediaPath
    Files = @(Get-ChildItem $nightly | ForEach-Object Name)
    ErrorIds = @($nightlyErrors | ForEach-Object FullyQualifiedErrorId)
    ErrorTargets = @($nightlyErrors | ForEach-Object TargetObject)
    BlankId = $blank.Id
}

Write-Host '== cleanup'
# The cleanup example: -WhatIf removes nothing; then either every finished export goes, or the server cannot delete yet.
$finishedBefore = @(Get-GxExport -Status Succeeded, Failed, Cancelled).Count
$cleanupWhatIf = & (Join-Path $ExamplesDirectory 'Remove-OldExports.ps1') -Endpoint $Endpoint -OlderThanDays 0 -WhatIf
$cleaned = @(& (Join-Path $ExamplesDirectory 'Remove-OldExports.ps1') -Endpoint $Endpoint -OlderThanDays 0 -WarningVariable cleanupWarnings -WarningAction SilentlyContinue)
$seen.Cleanup = [ordered]@{
    FinishedBefore = $finishedBefore
    WhatIfOutput = @($cleanupWhatIf).Count
    Removed = $cleaned.Count
    FinishedAfter = @(Get-GxExport -Status Succeeded, Failed, Cancelled).Count
    Warnings = @($cleanupWarnings | ForEach-Object Message)
}

Write-Host '== queued'
# The server that never renders: the active-export limit, -Timeout, cancelling, deduplication and bad options.
Connect-GxServer -Endpoint $QueuedEndpoint -ApiKey (ConvertTo-SecureString $QueuedApiKey -AsPlainText -Force)
$queuedProject = New-GxProject -Title 'Waiting' -Path $solid
$first = Start-GxExport -ProjectId $queuedProject.Id -ClientTaskId 'task-1'
$again = Start-GxExport -ProjectId $queuedProject.Id -ClientTaskId 'task-1' -Verbose 4>&1
$secondQueued = Start-GxExport -ProjectId $queuedProject.Id
Start-GxExport -ProjectId $queuedProject.Id -ErrorAction SilentlyContinue -ErrorVariable limitErrors
$timedOut = Capture 'Wait-GxExport -Id $args[0] -Timeout 1' @($first.Id)
Save-GxExport -Id $first.Id -Path (Join-Path $scratch 'not-ready.mp4') -ErrorAction SilentlyContinue -ErrorVariable notReady
$stopWhatIf = Stop-GxExport -Id $first.Id -WhatIf
$stillQueued = (Get-GxExport -Id $first.Id).Status
$stopped = $first | Stop-GxExport -PassThru
Stop-GxExport -Id $first.Id -ErrorAction SilentlyContinue -ErrorVariable stopAgain
Start-GxExport -ProjectId $queuedProject.Id -Ratio '16:9' -CustomWidth 100 -ErrorAction SilentlyContinue -ErrorVariable badOptions
try { Start-GxExport -ProjectId $queuedProject.Id -Format avi } catch { $badFormat = $_.FullyQualifiedErrorId }
$seen.Queued = [ordered]@{
    FirstStatus = $first.Status
    DeduplicatedId = @($again | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })[0].Id
    DeduplicatedVerbose = @($again | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
    FirstId = $first.Id
    SecondStatus = $secondQueued.Status
    LimitErrorId = $limitErrors[0].FullyQualifiedErrorId
    LimitCategory = $limitErrors[0].CategoryInfo.Category.ToString()
    LimitTarget = $limitErrors[0].TargetObject
    ProjectId = $queuedProject.Id
    TimeoutOutput = $timedOut.Output.Count
    TimeoutErrorId = $timedOut.Errors[0].FullyQualifiedErrorId
    TimeoutCategory = $timedOut.Errors[0].CategoryInfo.Category.ToString()
    NotReadyErrorId = $notReady[0].FullyQualifiedErrorId
    NotReadyLeftFile = Test-Path (Join-Path $scratch 'not-ready.mp4')
    StopWhatIfOutput = @($stopWhatIf).Count
    StillQueued = $stillQueued
    Stopped = $stopped.Status
    StopAgainErrors = @($stopAgain).Count
    Cancelled = @(Get-GxExport -Status Cancelled | ForEach-Object Id)
    BadOptionsErrorId = $badOptions[0].FullyQualifiedErrorId
    BadOptionsMessage = "$($badOptions[0].Exception.Message) $($badOptions[0].ErrorDetails.Message)"
    BadFormatErrorId = $badFormat
}

Write-Host '== stop'
# Ctrl+C while Wait-GxExport follows an export that never finishes. The wait is a hang guard only.
$shell = [powershell]::Create()
$null = $shell.AddScript("Import-Module '$ModuleManifest'; Wait-GxExport -Id $($secondQueued.Id)")
$running = $shell.BeginInvoke()
while ($shell.Streams.Progress.Count -eq 0 -and -not $running.IsCompleted) { Start-Sleep -Milliseconds 50 }
$stopping = $shell.BeginStop($null, $null)
$seen.StopWait = [ordered]@{
    Stopped = $stopping.AsyncWaitHandle.WaitOne([TimeSpan]::FromMinutes(2))
    State = $shell.InvocationStateInfo.State.ToString()
    StillQueued = (Get-GxExport -Id $secondQueued.Id).Status
}
$shell.Dispose()

Write-Host '== keys'
# API keys from the credentials file; each Connect-GxServer makes one health check, which the recording server notes.
$credentials = Join-Path $scratch 'credentials.json'
function WriteCredentials([string] $path, [string] $endpoint, [string] $key) {
    $null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $path)
    @{ endpoint = $endpoint; apiKey = $key } | ConvertTo-Json | Set-Content -Path $path -Encoding utf8NoBOM
}
Remove-Item Env:GX_API_KEY -ErrorAction SilentlyContinue
$env:GX_CREDENTIALS_FILE = $credentials
WriteCredentials $credentials $RecordingEndpoint 'key-from-file'
Connect-GxServer
Connect-GxServer -Endpoint $RecordingEndpoint
WriteCredentials $credentials 'http://127.0.0.1:9' 'key-for-another-server'
Connect-GxServer -Endpoint $RecordingEndpoint
WriteCredentials $credentials $RecordingEndpoint 'key-from-file'
$env:GX_API_KEY = 'key-from-environment'
Connect-GxServer
Remove-Item Env:GX_API_KEY
Remove-Item Env:GX_CREDENTIALS_FILE
$env:XDG_CONFIG_HOME = Join-Path $scratch 'config'
WriteCredentials (Join-Path $env:XDG_CONFIG_HOME 'grpcexports/credentials.json') $RecordingEndpoint 'key-from-xdg'
Connect-GxServer
$env:GX_CREDENTIALS_FILE = Join-Path $scratch 'broken-credentials.json'
Set-Content -Path $env:GX_CREDENTIALS_FILE -Value '{"endpoint": '
Connect-GxServer -Endpoint $RecordingEndpoint -WarningVariable brokenFile -WarningAction SilentlyContinue
WriteCredentials $env:GX_CREDENTIALS_FILE $Endpoint $ApiKey
Connect-GxServer
$fromFile = Get-GxServer
Connect-GxServer -Endpoint $Endpoint -ApiKey (ConvertTo-SecureString $ApiKey -AsPlainText -Force)
$fromParameter = Get-GxServer
Remove-Item Env:GX_CREDENTIALS_FILE
Remove-Item Env:XDG_CONFIG_HOME
Connect-GxServer -Endpoint $Endpoint
$withoutKey = Get-GxServer
$seen.Keys = [ordered]@{
    BrokenFileWarnings = @($brokenFile | ForEach-Object Message)
    FromFile = "$($fromFile.ApiKeySource) $($fromFile.UsesApiKey) $($fromFile.Endpoint)"
    FromParameter = "$($fromParameter.ApiKeySource) $($fromParameter.UsesApiKey)"
    WithoutKey = "$($withoutKey.ApiKeySource) $($withoutKey.UsesApiKey)"
    Rendered = $fromFile | Out-String -Width 200
}

$seen | ConvertTo-Json -Depth 20 | Set-Content -Path $ReportPath -Encoding utf8NoBOM
