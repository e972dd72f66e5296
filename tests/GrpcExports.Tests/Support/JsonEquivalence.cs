using System.Text.Json;

namespace GrpcExports.Tests.Support;

/// <summary>
/// Compares two JSON documents as an editor would: the same keys with the same values, in any key order. A number
/// written as an integer must come back written as the same integer, not as 5000.0 or 5e3.
/// </summary>
public static class JsonEquivalence
{
    /// <summary>The first difference found, as "path: what differs", or null when the documents are equivalent.</summary>
    public static string? FindDifference(string expectedJson, string actualJson)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(actualJson);
        return Compare(expected.RootElement, actual.RootElement, "$");
    }

    private static string? Compare(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected {expected.ValueKind} {expected.GetRawText()}, got {actual.ValueKind} {actual.GetRawText()}";
        }
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedKeys = expected.EnumerateObject().Select(p => p.Name).ToHashSet();
                var actualKeys = actual.EnumerateObject().Select(p => p.Name).ToHashSet();
                if (!expectedKeys.SetEquals(actualKeys))
                {
                    return $"{path}: keys differ; missing [{string.Join(", ", expectedKeys.Except(actualKeys))}], "
                        + $"extra [{string.Join(", ", actualKeys.Except(expectedKeys))}]";
                }
                foreach (var property in expected.EnumerateObject())
                {
                    if (Compare(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}") is { } difference)
                    {
                        return difference;
                    }
                }
                return null;
            case JsonValueKind.Array:
                var expectedItems = expected.EnumerateArray().ToList();
                var actualItems = actual.EnumerateArray().ToList();
                if (expectedItems.Count != actualItems.Count)
                {
                    return $"{path}: expected {expectedItems.Count} elements, got {actualItems.Count}";
                }
                for (var i = 0; i < expectedItems.Count; i++)
                {
                    if (Compare(expectedItems[i], actualItems[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }
                return null;
            case JsonValueKind.Number:
                return CompareNumbers(expected, actual, path);
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString()
                    ? null
                    : $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}";
            default:
                return null;
        }
    }

    private static string? CompareNumbers(JsonElement expected, JsonElement actual, string path)
    {
        var expectedIsInteger = IsIntegerLiteral(expected.GetRawText());
        if (expectedIsInteger != IsIntegerLiteral(actual.GetRawText()))
        {
            return $"{path}: expected the number written as {expected.GetRawText()}, got {actual.GetRawText()}";
        }
        var same = expectedIsInteger
            ? expected.GetInt64() == actual.GetInt64()
            : expected.GetDouble().Equals(actual.GetDouble());
        return same ? null : $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}";
    }

    private static bool IsIntegerLiteral(string raw) => !raw.Contains('.') && !raw.Contains('e') && !raw.Contains('E');
}
