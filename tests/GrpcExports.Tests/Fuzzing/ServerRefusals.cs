using GrpcExports.Protocol.Wire;

namespace GrpcExports.Tests.Fuzzing;

/// <summary>What every refusal of hostile input must be: never INTERNAL or UNKNOWN, and an INVALID_ARGUMENT with a reason and a named field.</summary>
internal static class ServerRefusals
{
    /// <summary>Runs <paramref name="call"/>; returns its status (OK when it succeeded) after checking the refusal, if any.</summary>
    public static async Task<StatusCode> CheckAsync(string what, Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException refusal)
        {
            Assert.False(refusal.StatusCode is StatusCode.Internal or StatusCode.Unknown, $"{what} -> {refusal.StatusCode}: {refusal.Detail}");
            if (refusal.StatusCode == StatusCode.InvalidArgument)
            {
                Assert.False(string.IsNullOrEmpty(refusal.Reason), $"{what} -> INVALID_ARGUMENT without a reason: {refusal.Detail}");
                Assert.True(refusal.BadRequest?.FieldViolations.Any(violation => violation.Field.Length > 0) == true,
                    $"{what} -> INVALID_ARGUMENT {refusal.Reason} names no field: {refusal.Detail}");
            }
            return refusal.StatusCode;
        }
    }
}
