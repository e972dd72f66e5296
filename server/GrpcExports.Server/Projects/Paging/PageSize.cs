namespace GrpcExports.Server.Projects.Paging;

/// <summary>AIP-158 page sizes: 0 means the RPC's default, values above its maximum are lowered to it, negative is refused.</summary>
internal static class PageSize
{
    public static int Resolve(int requested, int defaultSize, int maximum) => requested switch
    {
        < 0 => throw ProjectErrors.InvalidRequest("page_size", $"The page size must not be negative (0 means the default, {defaultSize})."),
        0 => defaultSize,
        _ => Math.Min(requested, maximum),
    };
}
