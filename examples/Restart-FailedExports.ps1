<#
.SYNOPSIS
    Re-export on failure: renders again every project export that failed since -Since (default: the last 24 hours).
.DESCRIPTION
    Each failed export is piped to Start-GxExport, which takes its project, version and options from it, so the
    retry renders exactly what was asked. The retry's client task id is "retry-<failed export id>": running the script
    again finds that retry instead of starting another, and retries are never retried themselves. Waits for each retry
    (at most -TimeoutSeconds) and writes it; a retry that fails again comes with a warning. Connects to -Endpoint with
    the API key in $env:GX_API_KEY, if set.
.EXAMPLE
    ./Restart-FailedExports.ps1 -Endpoint http://video.internal:5000
.EXAMPLE
    ./Restart-FailedExports.ps1 -Since (Get-Date).AddDays(-3) -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [uri] $Endpoint = 'http://127.0.0.1:5000',
    [datetime] $Since = (Get-Date).AddDays(-1),
    [ValidateRange(1, 86400)] [int] $TimeoutSeconds = 3600
)
$ErrorActionPreference = 'Stop'
Import-Module GrpcExports
Connect-GxServer -Endpoint $Endpoint

# Stateless exports (no ProjectId) have no saved document to render again.
$failed = @(Get-GxExport -Status Failed -CreatedAfter $Since |
        Where-Object { $_.ProjectId -and -not $_.ClientTaskId.StartsWith('retry-') })
foreach ($export in $failed) {
    $export |
        Start-GxExport -ClientTaskId "retry-$($export.Id)" -ErrorAction Continue |
        Wait-GxExport -Timeout $TimeoutSeconds -ErrorAction Continue
}
