using System.Diagnostics;

namespace GrpcExports.Server.Database.Embedded;

/// <summary>
/// The operating-system user the private cluster runs as. PostgreSQL refuses to run as root, so a server running as
/// root runs initdb and pg_ctl as an unprivileged system user (the <c>postgres</c> user Debian's package creates)
/// through util-linux's <c>runuser</c>, and hands that user the cluster's directories. Any other server runs the
/// cluster as itself.
/// </summary>
internal sealed class ClusterAccount
{
    private static readonly string[] RunuserLocations = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser"];

    private ClusterAccount(string? systemUser) => SystemUser = systemUser;

    /// <summary>The system user the cluster runs as, or null when it runs as the server's own user.</summary>
    public string? SystemUser { get; }

    /// <summary><paramref name="systemUser"/> when this process runs as root; otherwise the current user.</summary>
    public static ClusterAccount ForThisProcess(string systemUser) =>
        new(Environment.IsPrivilegedProcess ? systemUser : null);

    /// <summary>A command line that runs <paramref name="program"/> as the cluster's user.</summary>
    public ProcessStartInfo Command(string program, params IEnumerable<string> arguments)
    {
        ProcessStartInfo startInfo;
        if (SystemUser is null)
        {
            startInfo = new ProcessStartInfo(program);
        }
        else
        {
            startInfo = new ProcessStartInfo(FindRunuser());
            foreach (var argument in (string[])["-u", SystemUser, "--", program])
            {
                startInfo.ArgumentList.Add(argument);
            }
        }
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        // The server's working directory may be one the cluster's user cannot enter (under /root).
        startInfo.WorkingDirectory = "/";
        return startInfo;
    }

    /// <summary>Makes the cluster's user own <paramref name="paths"/> (not recursively); nothing to do for the current user.</summary>
    public async Task TakeOwnershipAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken)
    {
        if (SystemUser is null || paths.Count == 0)
        {
            return;
        }
        // "user:" also sets the group to the user's login group.
        var chown = new ProcessStartInfo("chown") { ArgumentList = { $"{SystemUser}:" } };
        foreach (var path in paths)
        {
            chown.ArgumentList.Add(path);
        }
        var result = await ClusterCommand.RunAsync(chown, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new EmbeddedClusterException(
                $"Could not give the system user '{SystemUser}' the cluster's directories ({ClusterCommand.Describe(chown)}): " +
                $"{result.Diagnostics}. As root, the private PostgreSQL cluster runs as this unprivileged user; " +
                $"it exists once the {PostgresBinaries.DebianPackage} package is installed (or set Database:ClusterUser).");
        }
    }

    private static string FindRunuser() =>
        RunuserLocations.FirstOrDefault(File.Exists)
        ?? throw new EmbeddedClusterException(
            "The server runs as root, so the private PostgreSQL cluster must run as an unprivileged user through " +
            "runuser (util-linux), which was not found. Install util-linux, run the server as another user, or set " +
            "Database:ConnectionString to use an existing server.");
}
