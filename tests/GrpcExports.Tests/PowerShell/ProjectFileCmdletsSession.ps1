# Drives the project file and thumbnail cmdlets of the packed module in real PowerShell against a running server, and
# writes what it saw as one JSON object to -ReportPath for ProjectFileCmdletsSessionTests to check. Files are written
# into -FilesDirectory, which holds solid.json, so the tests can read them.
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $Endpoint,
    [Parameter(Mandatory)] [string] $ApiKey,
    [Parameter(Mandatory)] [string] $FilesDirectory,
    [Parameter(Mandatory)] [string] $ReportPath
)
$ErrorActionPreference = 'Stop'
$seen = [ordered]@{}

. (Join-Path $PSScriptRoot 'SessionHelpers.ps1')
ImportPackedModule $ModuleManifest
$solid = Join-Path $FilesDirectory 'solid.json'
$projectFile = Join-Path $FilesDirectory 'solid.gxproj'
$thumbnailFile = Join-Path $FilesDirectory 'thumbnail.png'


$env:GX_API_KEY = $ApiKey
Connect-GxServer -Endpoint $Endpoint
$project = New-GxProject -Title 'Portable' -Path $solid

Write-Host '== export'
$whatIf = @(Export-GxProjectFile -Id $project.Id -Path $projectFile -WhatIf)
$whatIfLeftFile = Test-Path $projectFile
$exported = Capture 'Get-GxProject -Id $args[0] | Export-GxProjectFile -Path $args[1]' @($project.Id, $projectFile)
$written = $exported.Output[0]
$fileSize = (Get-Item $projectFile).Length
$fileSha256 = (Get-FileHash -Algorithm SHA256 $projectFile).Hash.ToLowerInvariant()
$again = Capture 'Export-GxProjectFile -Id $args[0] -Path $args[1]' @($project.Id, $projectFile)
$forced = Export-GxProjectFile -Id $project.Id -Path $projectFile -Force
$seen.Export = [ordered]@{
    WhatIfOutput = $whatIf.Count
    WhatIfLeftFile = $whatIfLeftFile
    Type = $written.GetType().FullName
    ProjectId = $written.ProjectId
    ProjectVersion = $written.ProjectVersion
    SizeBytes = $written.SizeBytes
    FileSize = $fileSize
    Sha256 = $written.Sha256
    FileSha256 = $fileSha256
    FormatVersion = $written.FormatVersion
    Progress = ProgressSummary $exported.Progress
    ExistsErrorId = $again.Errors[0].FullyQualifiedErrorId
    ForcedSha256 = $forced.Sha256
    ForcedFileSha256 = (Get-FileHash -Algorithm SHA256 $projectFile).Hash.ToLowerInvariant()
    Table = $written | Format-Table | Out-String -Width 200
}

Write-Host '== test'
$check = Get-Item $projectFile | Test-GxProjectFile
$seen.Test = [ordered]@{
    Type = $check.GetType().FullName
    Valid = $check.Valid
    FormatVersion = $check.FormatVersion
    Title = $check.Summary.Title
    SourceProjectId = $check.Summary.SourceProjectId
    Problems = @($check.FileProblems).Count + @($check.Violations).Count
}

Write-Host '== import'
$imported = Capture 'Import-GxProjectFile -Path $args[0]' @($projectFile)
$result = $imported.Output[0]
$importedProject = Get-GxProject -Id $result.ProjectId
$seen.Import = [ordered]@{
    Type = $result.GetType().FullName
    ProjectType = $result.Project.GetType().FullName
    ProjectId = $result.ProjectId
    Title = $result.Project.Title
    MissingAssetKeys = @($result.MissingAssetKeys)
    Warnings = @($imported.Warnings)
    Progress = ProgressSummary $imported.Progress
    SourceEditorState = (Get-GxProject -Id $project.Id).EditorState | ConvertTo-Json -Depth 50 -Compress
    ImportedEditorState = $importedProject.EditorState | ConvertTo-Json -Depth 50 -Compress
    ReturnedEditorState = $result.Project.EditorState | ConvertTo-Json -Depth 50 -Compress
    Errors = @($imported.Errors | ForEach-Object FullyQualifiedErrorId)
}

Write-Host '== thumbnail'
$thumbnail = $project | Get-GxProjectThumbnail -Width 160 -Path $thumbnailFile
$seen.Thumbnail = [ordered]@{
    Type = $thumbnail.GetType().FullName
    Path = $thumbnail.Path
    ContentType = $thumbnail.ContentType
    Width = $thumbnail.Width
    Height = $thumbnail.Height
    SizeBytes = $thumbnail.SizeBytes
    FileSize = (Get-Item $thumbnailFile).Length
}

$seen | ConvertTo-Json -Depth 20 | Set-Content -Path $ReportPath -Encoding utf8NoBOM
