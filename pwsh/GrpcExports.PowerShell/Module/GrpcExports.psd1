# The GrpcExports module: PowerShell cmdlets for the GrpcExports video project and export service.
@{
    RootModule           = 'GrpcExports.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = 'a86c7cf8-50ae-4693-aa72-da180e8a1ef0'
    Author               = 'GrpcExports contributors'
    CompanyName          = 'GrpcExports'
    Copyright            = '(c) GrpcExports contributors. All rights reserved.'
    Description          = 'Keep video projects on a GrpcExports server and render them to MP4 or WebM from PowerShell: create, read, autosave, validate, copy, compare and restore projects; upload media; start, follow, cancel and download exports.'
    CompatiblePSEditions = @('Core')
    PowerShellVersion    = '7.4'
    FormatsToProcess     = @('GrpcExports.format.ps1xml')
    CmdletsToExport      = @(
        'Connect-GxServer'
        'Disconnect-GxServer'
        'Get-GxServer'
        'New-GxProject'
        'Get-GxProject'
        'Set-GxProject'
        'Sync-GxProject'
        'Remove-GxProject'
        'Copy-GxProject'
        'Get-GxProjectHistory'
        'Compare-GxProject'
        'Restore-GxProject'
        'Test-GxProject'
        'Export-GxProjectFile'
        'Import-GxProjectFile'
        'Test-GxProjectFile'
        'Get-GxProjectThumbnail'
        'Add-GxAsset'
        'Get-GxAsset'
        'Remove-GxAsset'
        'Start-GxExport'
        'Get-GxExport'
        'Wait-GxExport'
        'Stop-GxExport'
        'Save-GxExport'
        'Remove-GxExport'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('GrpcExports', 'gRPC', 'Video', 'Export', 'Editor', 'Automation', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            ProjectUri = 'https://example.invalid/grpcexports'
        }
    }
}
