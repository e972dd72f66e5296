<#
.SYNOPSIS
    Builds, tests, runs, packs and benchmarks GrpcExports.

.DESCRIPTION
    The PowerShell twin of build.sh; both offer the same commands.

    build  installs what is missing, restores and builds GrpcExports.sln (Release).
    test   builds, lints the protos with buf, runs every test and closes with 'N passed, N failed'.
    run    builds, then starts the server on 127.0.0.1:5000.
    pack   lays out the PowerShell module in artifacts/module/GrpcExports/<version>/.
    bench  builds, then runs the benchmark program.
    microbench  builds, then runs the BenchmarkDotNet micro-benchmarks (a short job; --full for the default one).
    help   shows this help.

    Set-up (build, test, run, bench, microbench): on Debian, missing packages are installed when running as root,
    otherwise the exact sudo command is printed; then 'npm ci' in tests/clients; then 'dotnet tool restore'
    (PowerShell, for the module's tests); then 'dotnet build'.

.PARAMETER Command
    What to do: build, test, run, pack, bench, microbench or help.

.PARAMETER Rest
    Passed on: to 'dotnet test' for test, to the server as ASP.NET Core configuration for run, to
    'dotnet build' for pack, to the benchmark program for bench, to BenchmarkDotNet for microbench. Quote arguments that start with a
    dash, or write configuration as Key=value.

.EXAMPLE
    ./build.ps1 test

.EXAMPLE
    ./build.ps1 run Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:6000

.EXAMPLE
    ./build.ps1 test '--filter' 'FullyQualifiedName~Framing'
#>
#Requires -Version 7.2
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'test', 'run', 'pack', 'bench', 'microbench', 'help')]
    [string] $Command = 'help',

    [Parameter(Position = 1, ValueFromRemainingArguments)]
    [string[]] $Rest = @()
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$RepoRoot = $PSScriptRoot
$Configuration = 'Release'
$Solution = Join-Path $RepoRoot 'GrpcExports.sln'
$ArtifactsDir = Join-Path $RepoRoot 'artifacts'
$TestResultsDir = Join-Path $ArtifactsDir 'test-results'
$TestClientsDir = Join-Path $RepoRoot 'tests/clients'
$Buf = Join-Path $TestClientsDir ($IsWindows ? 'node_modules/.bin/buf.cmd' : 'node_modules/.bin/buf')
$ServerProject = Join-Path $RepoRoot 'server/GrpcExports.Server'
$BenchmarksProject = Join-Path $RepoRoot 'tests/Benchmarks'
$MicroBenchmarksProject = Join-Path $RepoRoot 'tests/MicroBenchmarks'
# The engine project builds last of the module's projects and lays out the module folder (ModuleLayout.targets).
$PowerShellModuleProject = Join-Path $RepoRoot 'pwsh/GrpcExports.PowerShell.Engine/GrpcExports.PowerShell.Engine.csproj'

# Debian packages the service and its tests use: ffmpeg and ImageMagick render, PostgreSQL's server
# binaries back the embedded event store, h2load drives the benchmarks, DejaVu is the default font.
$DebianPackages = @('ffmpeg', 'imagemagick', 'postgresql-15', 'nghttp2-client', 'fonts-dejavu-core')

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

function Write-Step {
    param([Parameter(Mandatory)] [string] $Message)
    Write-Host "==> $Message"
}

# Runs a native command and throws when it exits non-zero.
function Invoke-NativeCommand {
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [string[]] $ArgumentList = @()
    )
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) {
        throw "$FilePath $($ArgumentList -join ' ') exited with $LASTEXITCODE"
    }
}

function Test-CommandAvailable {
    param([Parameter(Mandatory)] [string] $Name)
    [bool] (Get-Command $Name -CommandType Application -ErrorAction SilentlyContinue)
}

# ---------------------------------------------------------------------------------------------
# Debian packages

function Test-DebianPackageInstalled {
    param([Parameter(Mandatory)] [string] $Name)
    $status = & dpkg-query -W '-f=${Status}' $Name 2>$null
    $LASTEXITCODE -eq 0 -and $status -eq 'install ok installed'
}

function Get-MissingDebianPackage {
    foreach ($package in $DebianPackages) {
        if (-not (Test-DebianPackageInstalled $package)) { $package }
    }
    if (-not (Test-CommandAvailable 'node')) { 'nodejs' }
    if (-not (Test-CommandAvailable 'npm')) { 'npm' }
}

function Test-RunningAsRoot {
    (& id -u) -eq '0'
}

# Another shell (or unattended-upgrades) may hold apt's locks; wait for it instead of failing.
function Wait-AptLock {
    if (-not (Test-CommandAvailable 'fuser')) { return }
    $locks = @('/var/lib/dpkg/lock-frontend', '/var/lib/dpkg/lock', '/var/lib/apt/lists/lock')
    $deadline = (Get-Date).AddMinutes(10)
    $announced = $false
    while ($true) {
        & fuser @locks *> $null
        if ($LASTEXITCODE -ne 0) { return }
        if ((Get-Date) -gt $deadline) { throw 'apt is still locked by another process after 10 minutes' }
        if (-not $announced) {
            Write-Step 'waiting for another apt/dpkg process to finish'
            $announced = $true
        }
        Start-Sleep -Seconds 5
    }
}

# We start private PostgreSQL clusters ourselves, so ask the Debian package not to create the
# default 'main' cluster when it is installed fresh (postgresql-common reads createcluster.d).
function Disable-DefaultPostgresCluster {
    $confDir = '/etc/postgresql-common/createcluster.d'
    New-Item -ItemType Directory -Force -Path $confDir | Out-Null
    Set-Content -Path (Join-Path $confDir '50-grpcexports.conf') -Value @(
        '# Written by GrpcExports build.ps1: the service starts its own private clusters.'
        'create_main_cluster = false'
    )
}

function Install-DebianPackage {
    param([Parameter(Mandatory)] [string[]] $Name)
    if ($Name -contains 'postgresql-15') { Disable-DefaultPostgresCluster }
    Write-Step "installing Debian packages: $($Name -join ' ')"
    $aptOptions = @('-q', '-o', 'DPkg::Lock::Timeout=600')
    $previousFrontend = $env:DEBIAN_FRONTEND
    $env:DEBIAN_FRONTEND = 'noninteractive'
    try {
        Wait-AptLock
        Invoke-NativeCommand 'apt-get' ($aptOptions + 'update')
        Wait-AptLock
        Invoke-NativeCommand 'apt-get' ($aptOptions + @('install', '-y', '--no-install-recommends') + $Name)
    }
    finally {
        $env:DEBIAN_FRONTEND = $previousFrontend
    }
}

function Install-MissingDebianPackage {
    if (-not (Test-CommandAvailable 'dpkg-query')) {
        Write-Step ('not a Debian system: make sure ffmpeg, ImageMagick, a PostgreSQL server, h2load, ' +
            'the DejaVu fonts and Node.js with npm are installed')
        return
    }
    [string[]] $missing = @(Get-MissingDebianPackage)
    if ($missing.Count -eq 0) { return }
    if (Test-RunningAsRoot) {
        Install-DebianPackage -Name $missing
        return
    }
    $message = "missing Debian packages. Install them with:`n`n" +
        "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $($missing -join ' ')`n"
    Write-Error -Message $message -Category NotInstalled -ErrorAction Continue
    exit 1
}

# ---------------------------------------------------------------------------------------------
# Node.js test clients (buf, @grpc/grpc-js, @grpc/proto-loader)

function Test-TestClientInstallNeeded {
    $installedLock = Join-Path $TestClientsDir 'node_modules/.package-lock.json'
    if (-not (Test-Path $installedLock) -or -not (Test-Path $Buf)) { return $true }
    # -Force: the installed lock is a dot file, which Get-Item hides on Linux and macOS.
    $lock = Get-Item -Force (Join-Path $TestClientsDir 'package-lock.json')
    $lock.LastWriteTimeUtc -gt (Get-Item -Force $installedLock).LastWriteTimeUtc
}

function Install-TestClient {
    if (-not (Test-TestClientInstallNeeded)) { return }
    Write-Step 'installing the Node.js test clients (npm ci in tests/clients)'
    Push-Location $TestClientsDir
    try { Invoke-NativeCommand 'npm' @('ci', '--no-audit', '--no-fund') }
    finally { Pop-Location }
}

# ---------------------------------------------------------------------------------------------
# .NET

# The local tools in .config/dotnet-tools.json: PowerShell (`dotnet pwsh`), which the module's tests run.
function Restore-DotnetTool {
    Write-Step 'restoring the .NET local tools (dotnet tool restore)'
    Push-Location $RepoRoot
    try { Invoke-NativeCommand 'dotnet' @('tool', 'restore') }
    finally { Pop-Location }
}

function Build-Solution {
    Write-Step "building $(Split-Path -Leaf $Solution) ($Configuration)"
    Invoke-NativeCommand 'dotnet' @('build', $Solution, '-c', $Configuration)
}

function Initialize-Build {
    Install-MissingDebianPackage
    Install-TestClient
    Restore-DotnetTool
    Build-Solution
}

function Invoke-ProtoLint {
    Write-Step 'buf lint protos'
    Push-Location $RepoRoot
    try { Invoke-NativeCommand $Buf @('lint', 'protos') }
    finally { Pop-Location }
}

# Runs the tests and returns dotnet test's exit code instead of throwing on failure.
function Invoke-DotnetTest {
    param([string[]] $ArgumentList = @())
    if (Test-Path $TestResultsDir) { Remove-Item -Recurse -Force $TestResultsDir }
    New-Item -ItemType Directory -Force -Path $TestResultsDir | Out-Null
    Write-Step 'dotnet test'
    $testArguments = @(
        'test', $Solution, '-c', $Configuration, '--no-build',
        '--logger', 'console;verbosity=normal',
        '--logger', 'trx',
        '--results-directory', $TestResultsDir,
        '--blame-hang-timeout', '10m', '--blame-hang-dump-type', 'none'
    ) + $ArgumentList
    & dotnet @testArguments | Out-Host
    $LASTEXITCODE
}

# Sums one attribute of the <Counters> element over every trx file that dotnet test wrote.
function Get-TrxCounter {
    param([Parameter(Mandatory)] [string] $Attribute)
    $total = 0
    foreach ($file in Get-ChildItem -Path $TestResultsDir -Filter '*.trx' -File) {
        [xml] $trx = Get-Content -Raw -Path $file.FullName
        $value = $trx.TestRun.ResultSummary.Counters.GetAttribute($Attribute)
        if ($value) { $total += [int] $value }
    }
    $total
}

# dotnet build servers outlive the build; in CI nothing should be left running.
function Stop-BuildServerInCI {
    if ($env:CI -eq 'true') { & dotnet build-server shutdown *> $null }
}

# Writes the closing line 'N passed, N failed[, N skipped]'; returns whether the run succeeded.
function Write-TestSummary {
    param([Parameter(Mandatory)] [int] $DotnetExitCode)
    $total = Get-TrxCounter 'total'
    $executed = Get-TrxCounter 'executed'
    $passed = Get-TrxCounter 'passed'
    $failed = (Get-TrxCounter 'failed') + (Get-TrxCounter 'error') + (Get-TrxCounter 'timeout') + (Get-TrxCounter 'aborted')
    $skipped = $total - $executed
    if ($DotnetExitCode -ne 0 -and $failed -eq 0) {
        # The run itself broke (a crashed or hung test host): count it as a failure.
        Write-Step "dotnet test exited with $DotnetExitCode"
        $failed = 1
    }
    if ($executed -eq 0) { Write-Step 'no test ran' }
    $summary = "$passed passed, $failed failed"
    if ($skipped -ne 0) { $summary += ", $skipped skipped" }
    Write-Host $summary
    $failed -eq 0 -and $executed -gt 0
}

# ---------------------------------------------------------------------------------------------
# Commands

function Invoke-BuildCommand {
    Initialize-Build
}

function Invoke-TestCommand {
    Initialize-Build
    Invoke-ProtoLint
    $dotnetExitCode = Invoke-DotnetTest -ArgumentList $Rest
    Stop-BuildServerInCI
    if (-not (Write-TestSummary -DotnetExitCode $dotnetExitCode)) { exit 1 }
}

function Invoke-RunCommand {
    Initialize-Build
    & dotnet run -c $Configuration --no-build --project $ServerProject -- @Rest
    exit $LASTEXITCODE
}

function Invoke-PackCommand {
    Write-Step 'laying out the PowerShell module in artifacts/module/GrpcExports'
    Invoke-NativeCommand 'dotnet' (@('build', $PowerShellModuleProject, '-c', $Configuration) + $Rest)
}

function Invoke-BenchCommand {
    Initialize-Build
    & dotnet run -c $Configuration --no-build --project $BenchmarksProject -- @Rest
    exit $LASTEXITCODE
}

function Invoke-MicroBenchCommand {
    Initialize-Build
    & dotnet run -c $Configuration --no-build --project $MicroBenchmarksProject -- @Rest
    exit $LASTEXITCODE
}

switch ($Command) {
    'build' { Invoke-BuildCommand }
    'test' { Invoke-TestCommand }
    'run' { Invoke-RunCommand }
    'pack' { Invoke-PackCommand }
    'bench' { Invoke-BenchCommand }
    'microbench' { Invoke-MicroBenchCommand }
    'help' { Get-Help -Detailed $PSCommandPath }
}
