<#
.SYNOPSIS
    Nightly render: exports every project edited since -Since (default: the last 24 hours) with a watermark and saves
    the files in -OutputDirectory.
.DESCRIPTION
    The projects go through the pipeline one at a time (start, wait, save), so the run never holds more than one
    active export and stays under the server's limit. -WatermarkMediaPath is an image in the server's media directory.
    Projects in a folder named in -ExcludeFolder (the backup script's copies, by default) are left out. A project that
    cannot be exported, or whose render fails or outlasts -TimeoutSeconds, is reported and the next one goes ahead.
    Connects to -Endpoint with the API key in $env:GX_API_KEY, if set. Writes the saved files.
.EXAMPLE
    ./Export-RecentProjects.ps1 -OutputDirectory /srv/renders/$(Get-Date -Format yyyy-MM-dd) -WatermarkMediaPath brand/logo.png
.EXAMPLE
    ./Export-RecentProjects.ps1 -OutputDirectory ./out -Since (Get-Date).AddDays(-7) -Format webm -Resolution 720 -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [uri] $Endpoint = 'http://127.0.0.1:5000',
    [datetime] $Since = (Get-Date).AddDays(-1),
    [Parameter(Mandatory)] [string] $OutputDirectory,
    [ValidateNotNullOrEmpty()] [string] $WatermarkMediaPath = 'watermark.png',
    [ValidateSet('mp4', 'webm')] [string] $Format = 'mp4',
    [ValidateSet('4k', '1080', '720', '480')] [string] $Resolution = '1080',
    [ValidateSet('draft', 'standard', 'high')] [string] $Quality = 'standard',
    [string[]] $ExcludeFolder = @('nightly-backup'),
    [ValidateRange(1, 86400)] [int] $TimeoutSeconds = 3600
)
$ErrorActionPreference = 'Stop'
Import-Module GrpcExports
Connect-GxServer -Endpoint $Endpoint
$null = New-Item -ItemType Directory -Force -Path $OutputDirectory

# Wait-GxExport warns about a failed render and passes it on; only succeeded ones have a file to save.
Get-GxProject -UpdatedAfter $Since |
    Where-Object Folder -notin $ExcludeFolder |
    Start-GxExport -Format $Format -Resolution $Resolution -Quality $Quality `
        -WatermarkMediaPath $WatermarkMediaPath -WatermarkPositionX 0.9 -WatermarkPositionY 0.1 -WatermarkOpacity 0.8 -ErrorAction Continue |
    Wait-GxExport -Timeout $TimeoutSeconds -ErrorAction Continue |
    Where-Object Status -EQ 'Succeeded' |
    Save-GxExport -Path $OutputDirectory -ErrorAction Continue
