namespace GrpcExports.Tests.Support;

/// <summary>The comparer the round-trip tests rely on must notice every kind of difference.</summary>
public sealed class JsonEquivalenceTests
{
    [Theory]
    [InlineData("""{"a": 1, "b": [true, null, "x"]}""", """{"b": [true, null, "x"], "a": 1}""")]
    [InlineData("""{"n": 0.5}""", """{"n": 5e-1}""")]
    public void Accepts_the_same_document_in_another_layout(string expected, string actual)
    {
        Assert.Null(JsonEquivalence.FindDifference(expected, actual));
    }

    [Theory]
    [InlineData("""{"a": 1}""", """{"a": 1, "b": 2}""", "extra [b]")]
    [InlineData("""{"a": 1, "b": 2}""", """{"a": 1}""", "missing [b]")]
    [InlineData("""{"a": 5000}""", """{"a": 5000.0}""", "$.a")]
    [InlineData("""{"a": 1}""", """{"a": 2}""", "$.a")]
    [InlineData("""{"a": [1, 2]}""", """{"a": [2, 1]}""", "$.a[0]")]
    [InlineData("""{"a": [1]}""", """{"a": [1, 1]}""", "$.a")]
    [InlineData("""{"a": true}""", """{"a": false}""", "$.a")]
    [InlineData("""{"a": "x"}""", """{"a": "y"}""", "$.a")]
    [InlineData("""{"a": null}""", """{"a": 0}""", "$.a")]
    [InlineData("""{"a": {"b": 1.5}}""", """{"a": {"b": 1.25}}""", "$.a.b")]
    public void Reports_the_first_difference_with_its_path(string expected, string actual, string reported)
    {
        Assert.Contains(reported, JsonEquivalence.FindDifference(expected, actual));
    }
}
