<#
.SYNOPSIS
    Prunes scratch projects that nobody worked on: in -Folder, created more than -OlderThan ago, and never changed
    since (their history holds only the creation).
.DESCRIPTION
    Meant for folders that test runs and demos fill. A project with any later event (a sync, a rename, a revert, an
    export) is kept. Runs unattended (no confirmation prompt), but honours -WhatIf. Connects to -Endpoint with the API
    key in $env:GX_API_KEY, if set. Writes one deletion record per removed project.
.EXAMPLE
    ./Remove-UntouchedProjects.ps1 -Folder test-runs -OlderThan (New-TimeSpan -Days 7) -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [uri] $Endpoint = 'http://127.0.0.1:5000',
    [Parameter(Mandatory)] [ValidateNotNullOrEmpty()] [string] $Folder,
    [timespan] $OlderThan = (New-TimeSpan -Days 7)
)
$ErrorActionPreference = 'Stop'
Import-Module GrpcExports
Connect-GxServer -Endpoint $Endpoint

$createdBefore = [DateTime]::UtcNow - $OlderThan
# Version counts every event of a project, so version 1 means the creation is its whole history.
Get-GxProject -Folder $Folder |
    Where-Object { $_.Version -eq 1 -and $_.CreateTime -lt $createdBefore } |
    Remove-GxProject -Force -PassThru -ErrorAction Continue
