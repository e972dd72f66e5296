<#
.SYNOPSIS
    Nightly snapshot: copies every project edited since -Since (default: the last 24 hours) into a backup folder.
.DESCRIPTION
    Each copy is a new project made from the source's latest version; its ClonedFromId and ClonedFromVersion say
    where it came from, its CreateTime when it was taken. Projects already in a folder whose name starts with -BackupFolder are left alone, so backups
    are never backed up. Connects to -Endpoint with the API key in $env:GX_API_KEY, if set. Writes the copies.
.EXAMPLE
    ./Backup-RecentProjects.ps1 -Endpoint http://video.internal:5000
.EXAMPLE
    ./Backup-RecentProjects.ps1 -Since (Get-Date).AddDays(-7) -BackupFolder weekly-backup -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [uri] $Endpoint = 'http://127.0.0.1:5000',
    [datetime] $Since = (Get-Date).AddDays(-1),
    [ValidateNotNullOrEmpty()] [string] $BackupFolder = 'nightly-backup'
)
$ErrorActionPreference = 'Stop'
Import-Module GrpcExports
Connect-GxServer -Endpoint $Endpoint

# A copy's title is the server's "<title> (copy)"; its CreateTime says when the backup was taken.
Get-GxProject -UpdatedAfter $Since |
    Where-Object { -not $_.Folder.StartsWith($BackupFolder, [StringComparison]::OrdinalIgnoreCase) } |
    Copy-GxProject -Folder $BackupFolder -ErrorAction Continue
