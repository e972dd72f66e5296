<#
.SYNOPSIS
    Cleanup: deletes every finished export (succeeded, failed or cancelled) created more than -OlderThanDays days ago,
    with its file.
.DESCRIPTION
    Exports still queued or rendering are left alone. Writes one deletion record per removed export; an export that
    cannot be removed gets a warning naming it and the reason. Connects to -Endpoint with the API key in
    $env:GX_API_KEY or the credentials file.
.EXAMPLE
    ./Remove-OldExports.ps1 -OlderThanDays 30
.EXAMPLE
    ./Remove-OldExports.ps1 -OlderThanDays 7 -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [uri] $Endpoint = 'http://127.0.0.1:5000',
    [ValidateRange(0, 36500)] [int] $OlderThanDays = 30
)
$ErrorActionPreference = 'Stop'
Import-Module GrpcExports
Connect-GxServer -Endpoint $Endpoint

$cutoff = (Get-Date).AddDays(-$OlderThanDays)
foreach ($export in @(Get-GxExport -CreatedBefore $cutoff -Status Succeeded, Failed, Cancelled)) {
    Remove-GxExport -Id $export.Id -Force -PassThru -ErrorAction SilentlyContinue -ErrorVariable failure
    if ($failure.Count -eq 0) {
        continue
    }
    Write-Warning "Export $($export.Id) was not removed: $($failure[0].Exception.Message)"
}
