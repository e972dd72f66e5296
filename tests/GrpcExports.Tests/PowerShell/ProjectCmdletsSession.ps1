# Drives every project cmdlet of the packed module, its argument completers, Connect-GxServer's API key sources and the
# examples/ scripts in real PowerShell against a running server, and writes what it saw as one JSON object to
# -ReportPath for ProjectCmdletsSessionTests to check. -RecordingEndpoint is a server that records the authorization
# header of each call. One PowerShell start-up runs every check.
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $Endpoint,
    [Parameter(Mandatory)] [string] $ApiKey,
    [Parameter(Mandatory)] [string] $RecordingEndpoint,
    [Parameter(Mandatory)] [string] $ExamplesDirectory,
    [Parameter(Mandatory)] [string] $ReportPath
)
$ErrorActionPreference = 'Stop'
$seen = [ordered]@{}

# The examples import the module by name, as scheduled scripts do: put the packed module's folder on the path.
. (Join-Path $PSScriptRoot 'SessionHelpers.ps1')
ImportPackedModule $ModuleManifest
# The examples, like any scheduled script, take the key from $env:GX_API_KEY; so does this session.
$env:GX_API_KEY = $ApiKey
Connect-GxServer -Endpoint $Endpoint

function EditorState([int] $width) {
    @{ compositionWidth = $width; compositionHeight = 720; timebaseTicksPerSecond = 240000; assets = @{}; items = @{}; transitions = @{}
        tracks = @(@{ id = 'track-1'; items = @(); hidden = $false; muted = $false }) }
}
function Titles { process { $_.Title } }
function IsVerbose($record) { $record -is [System.Management.Automation.VerboseRecord] }

# Listing: five projects in one folder, read two a call.
$paged = 1..5 | ForEach-Object { New-GxProject -Title "Paged $_" -Folder paging -EditorState (EditorState 1280) }
$null = New-GxProject -Title 'Paged elsewhere' -Folder other
$listed = @(Get-GxProject -Folder paging -PageSize 2 -Verbose 4>&1)
$seen.Listing = [ordered]@{
    FolderTitles = @($listed | Where-Object { -not (IsVerbose $_) } | Titles)
    ListCalls = @($listed | Where-Object { (IsVerbose $_) -and $_.Message.StartsWith('grpcexports.v1.ProjectService/ListProjects ') }).Count
    SkipFirst = @(Get-GxProject -Folder paging -PageSize 2 -Skip 1 -First 3 | Titles)
    TitleContains = @(Get-GxProject -Title 'PAGED 3' | Titles)
    HasEditorState = $null -ne (Get-GxProject -Folder paging -First 1).EditorState
}

# Set-GxProject: nothing written without -PassThru, -WhatIf changes nothing, no change asked for is bad input.
$target = $paged[0]
$mark = Get-Date
$quiet = Set-GxProject -Id $target.Id -Title 'Paged 1 renamed' -Description 'New words'
$passThru = Set-GxProject -Id $target.Id -Description 'Again' -PassThru
$whatIf = Set-GxProject -Id $target.Id -Title 'Not applied' -WhatIf
Set-GxProject -Id $target.Id -ErrorAction SilentlyContinue -ErrorVariable nothingToChange
$after = Get-GxProject -Id $target.Id
$seen.Set = [ordered]@{
    QuietOutput = @($quiet).Count
    PassThruType = $passThru.PSObject.TypeNames[0]
    PassThruTitle = $passThru.Title
    PassThruDescription = $passThru.Description
    WhatIfOutput = @($whatIf).Count
    TitleAfter = $after.Title
    DescriptionAfter = $after.Description
    VersionAfter = $after.Version
    NothingToChangeErrorId = $nothingToChange[0].FullyQualifiedErrorId
    UpdatedAfterMark = @(Get-GxProject -UpdatedAfter $mark | Titles)
}

# Remove-GxProject: asks first (a non-interactive host cannot), -Confirm:$false and -Force do not.
$doomed = New-GxProject -Title 'Doomed'
$forced = New-GxProject -Title 'Forced'
try { Remove-GxProject -Id $doomed.Id } catch { $prompted = $_.Exception.Message }
$whatIfRemove = Remove-GxProject -Id $doomed.Id -WhatIf
$stillThere = (Get-GxProject -Id $doomed.Id).Id
$removed = Remove-GxProject -Id $doomed.Id -Confirm:$false
Get-GxProject -Id $doomed.Id -ErrorAction SilentlyContinue -ErrorVariable gone
$deletion = $forced | Remove-GxProject -Force -PassThru
Remove-GxProject -Id $forced.Id -Force -ErrorAction SilentlyContinue -ErrorVariable removedTwice
$seen.Remove = [ordered]@{
    PromptMessage = $prompted
    WhatIfOutput = @($whatIfRemove).Count
    StillThereAfterWhatIf = $stillThere -eq $doomed.Id
    Output = @($removed).Count
    GetErrorId = $gone[0].FullyQualifiedErrorId
    GetErrorCategory = $gone[0].CategoryInfo.Category.ToString()
    GetErrorTarget = $gone[0].TargetObject
    DeletionType = $deletion.PSObject.TypeNames[0]
    DeletionProjectId = $deletion.ProjectId
    ForcedId = $forced.Id
    RemovedTwiceErrorId = $removedTwice[0].FullyQualifiedErrorId
    ListedAfter = @(Get-GxProject -Title 'Doomed').Count + @(Get-GxProject -Title 'Forced').Count
}

# One project with three versions: created at width 1280, synced to 1920, renamed.
$source = New-GxProject -Title 'Source' -Folder copies -EditorState (EditorState 1280)
$null = Sync-GxProject -Id $source.Id -EditorState (EditorState 1920)
Set-GxProject -Id $source.Id -Title 'Source renamed'

$copyOfFirst = Copy-GxProject -Id $source.Id -Version 1
$copyOfLatest = $source | Copy-GxProject -Title 'Latest copy' -Folder elsewhere
Copy-GxProject -Id $source.Id -Version 99 -ErrorAction SilentlyContinue -ErrorVariable noSuchVersion
$seen.Copy = [ordered]@{
    FirstTitle = $copyOfFirst.Title
    FirstFolder = $copyOfFirst.Folder
    FirstClonedFrom = "$($copyOfFirst.ClonedFromId)@$($copyOfFirst.ClonedFromVersion)"
    FirstWidth = (Get-GxProject -Id $copyOfFirst.Id).EditorState.compositionWidth
    FirstVersion = $copyOfFirst.Version
    LatestTitle = $copyOfLatest.Title
    LatestFolder = $copyOfLatest.Folder
    LatestClonedFrom = "$($copyOfLatest.ClonedFromId)@$($copyOfLatest.ClonedFromVersion)"
    LatestWidth = (Get-GxProject -Id $copyOfLatest.Id).EditorState.compositionWidth
    SourceId = $source.Id
    NoSuchVersionErrorId = $noSuchVersion[0].FullyQualifiedErrorId
}

$diff = Compare-GxProject -Id $source.Id -FromVersion 1 -ToVersion 3
$seen.Compare = [ordered]@{
    Type = $diff.PSObject.TypeNames[0]
    FromVersion = $diff.FromVersion
    ToVersion = $diff.ToVersion
    Patch = @($diff.EditorStatePatch | ForEach-Object { "$($_.Op) $($_.Path) $($_.Value)" })
    MetadataChanges = @($diff.MetadataChanges | ForEach-Object { "$($_.Field): $($_.OldValue) -> $($_.NewValue)" })
    ToLatestByPosition = (Compare-GxProject $source.Id 2).ToVersion
    Rendered = $diff | Out-String -Width 200
}

$restored = Restore-GxProject -Id $source.Id -Version 1
$whatIfRestore = Restore-GxProject -Id $source.Id -Version 2 -WhatIf
$again = Restore-GxProject -Id $source.Id -Version 1 -WarningVariable alreadyCurrent -WarningAction SilentlyContinue
$current = Get-GxProject -Id $source.Id
$seen.Restore = [ordered]@{
    Version = $restored.Version
    StateVersion = $restored.StateVersion
    WhatIfOutput = @($whatIfRestore).Count
    AgainVersion = $again.Version
    AgainWarnings = @($alreadyCurrent | ForEach-Object Message)
    VersionAfter = $current.Version
    WidthAfter = $current.EditorState.compositionWidth
    TitleAfter = $current.Title
}

$history = @(Get-GxProjectHistory -Id $source.Id)
$seen.History = [ordered]@{
    Type = $history[0].PSObject.TypeNames[0]
    Versions = @($history.Version)
    Types = @($history.Type)
    RestoredVersion = $history[0].RestoredVersion
    OldestFirst = @(Get-GxProjectHistory -Id $source.Id -OldestFirst -First 2 | ForEach-Object Version)
    ByPipeline = @($source | Get-GxProjectHistory -Skip 3).Version
    Table = $history | Out-String -Width 200
}

# Pipeline binding by property name: list, copy each, rename each copy.
$originals = 1..2 | ForEach-Object { New-GxProject -Title "Piped $_" -Folder pipeline }
$renamed = @(Get-GxProject -Folder pipeline | Copy-GxProject | Set-GxProject -Title 'Piped copy' -PassThru)
$seen.Pipeline = [ordered]@{
    OriginalIds = @($originals.Id | Sort-Object)
    CopiedFrom = @($renamed.ClonedFromId | Sort-Object)
    Titles = @($renamed | Titles)
    FolderTitles = @(Get-GxProject -Folder pipeline | Titles | Sort-Object)
}

# Argument completers, as tab completion calls them.
$null = New-GxProject -Title 'Spaced folder' -Folder 'two words'
$byPrefix = Complete "Set-GxProject -Id $($source.Id.Substring(0, 8))"
$seen.Completion = [ordered]@{
    IdByPrefix = @($byPrefix.CompletionText)
    IdByPrefixListItem = $byPrefix[0].ListItemText
    IdByTitle = @((Complete 'Remove-GxProject -Id Latest').CompletionText)
    LatestCopyId = $copyOfLatest.Id
    AllIds = (Complete 'Get-GxProjectHistory -Id ').Count
    ProjectCount = @(Get-GxProject).Count
    Folders = @((Complete 'Get-GxProject -Folder p').CompletionText)
    QuotedFolder = @((Complete 'New-GxProject -Folder tw').CompletionText)
    Versions = @((Complete "Restore-GxProject -Id $($source.Id) -Version ").CompletionText)
    VersionToolTip = (Complete "Compare-GxProject -Id $($source.Id) -FromVersion 4").ToolTip
    VersionsWithoutId = (Complete 'Restore-GxProject -Version ').Count
}

# Examples: a nightly backup of what changed since a moment, and pruning untouched scratch projects.
$beforeBackup = Get-Date
$null = Sync-GxProject -Id $copyOfFirst.Id -EditorState (EditorState 640)
$fresh = New-GxProject -Title 'Fresh' -Folder promo
$scratch = 1..2 | ForEach-Object { New-GxProject -Title "Scratch $_" -Folder test-runs }
$worked = New-GxProject -Title 'Worked on' -Folder test-runs
Set-GxProject -Id $worked.Id -Description 'touched'
$backupWhatIf = & (Join-Path $ExamplesDirectory 'Backup-RecentProjects.ps1') -Endpoint $Endpoint -Since $beforeBackup -WhatIf
$backups = & (Join-Path $ExamplesDirectory 'Backup-RecentProjects.ps1') -Endpoint $Endpoint -Since $beforeBackup -BackupFolder nightly
$backupsAgain = & (Join-Path $ExamplesDirectory 'Backup-RecentProjects.ps1') -Endpoint $Endpoint -Since $beforeBackup -BackupFolder nightly
$pruneWhatIf = & (Join-Path $ExamplesDirectory 'Remove-UntouchedProjects.ps1') -Endpoint $Endpoint -Folder test-runs -OlderThan 0 -WhatIf
$pruneKeptByAge = & (Join-Path $ExamplesDirectory 'Remove-UntouchedProjects.ps1') -Endpoint $Endpoint -Folder test-runs
$pruned = & (Join-Path $ExamplesDirectory 'Remove-UntouchedProjects.ps1') -Endpoint $Endpoint -Folder test-runs -OlderThan 0
$seen.Examples = [ordered]@{
    BackupWhatIfOutput = @($backupWhatIf).Count
    BackedUpFrom = @($backups.ClonedFromId | Sort-Object)
    ChangedSince = @(@($copyOfFirst.Id, $fresh.Id, $worked.Id) + @($scratch.Id) | Sort-Object)
    BackupFolders = @($backups.Folder | Sort-Object -Unique)
    BackupTitles = @($backups | Titles)
    BackupsAgain = @($backupsAgain).Count
    InBackupFolder = @(Get-GxProject -Folder nightly).Count
    PruneWhatIfOutput = @($pruneWhatIf).Count
    PruneKeptByAge = @($pruneKeptByAge).Count
    Pruned = @($pruned.ProjectId | Sort-Object)
    Scratch = @($scratch.Id | Sort-Object)
    LeftInFolder = @(Get-GxProject -Folder test-runs | Titles)
}

# API keys: each Connect-GxServer makes one health check, which the recording server notes.
$key = ConvertTo-SecureString 'key-from-parameter' -AsPlainText -Force
Connect-GxServer -Endpoint $RecordingEndpoint -ApiKey $key
$env:GX_API_KEY = 'key-from-environment'
Connect-GxServer -Endpoint $RecordingEndpoint
Connect-GxServer -Endpoint $RecordingEndpoint -ApiKey $key
Connect-GxServer -Endpoint $RecordingEndpoint -Credential ([pscredential]::new('gx', (ConvertTo-SecureString 'key-from-credential' -AsPlainText -Force)))
Remove-Item Env:GX_API_KEY
Connect-GxServer -Endpoint $RecordingEndpoint

# Not connected: completion offers nothing, and does not fail.
Disconnect-GxServer
$seen.CompletionWhenDisconnected = (Complete 'Get-GxProject -Id ').Count

$seen | ConvertTo-Json -Depth 20 | Set-Content -Path $ReportPath -Encoding utf8NoBOM
