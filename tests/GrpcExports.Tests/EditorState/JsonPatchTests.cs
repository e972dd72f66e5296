using System.Text.Json.Nodes;
using GrpcExports.Server.EditorState.JsonPatch;

namespace GrpcExports.Tests.EditorState;

/// <summary>RFC 6902 diff and apply: apply(a, diff(a, b)) is b, byte for byte, numbers and key order included.</summary>
public sealed class JsonPatchTests
{
    [Fact]
    public void ApplyingTheDiffOfRandomEditsGivesTheEditedDocumentExactly()
    {
        for (var seed = 0; seed < 2000; seed++)
        {
            var random = new RandomJson(seed);
            var source = random.Document();
            var target = random.Edit(source);

            var patch = PatchJson.Read(PatchJson.Write(JsonDiff.Diff(source, target)));
            var result = JsonPatchApply.Apply(source, patch);

            Assert.True(JsonNodes.AreEqual(target, result), $"seed {seed}: {Text(target)} became {Text(result)}");
            Assert.Equal(Text(target), Text(result));
        }
    }

    [Fact]
    public void ApplyingTheDiffBetweenUnrelatedDocumentsGivesTheTarget()
    {
        for (var seed = 0; seed < 500; seed++)
        {
            var source = new RandomJson(seed).Document();
            var target = new RandomJson(seed + 100_000).Document();

            var result = JsonPatchApply.Apply(source, JsonDiff.Diff(source, target));

            Assert.Equal(Text(target), Text(result));
        }
    }

    [Fact]
    public void EqualDocumentsGiveAnEmptyPatch()
    {
        var document = new RandomJson(7).Document();

        Assert.Empty(JsonDiff.Diff(document, JsonNodes.Clone(document)));
    }

    [Fact]
    public void ApplyLeavesTheInputUnchanged()
    {
        var source = JsonNode.Parse("""{"a":[1,2,3],"b":{"c":1}}""");
        var before = Text(source);

        JsonPatchApply.Apply(source, JsonDiff.Diff(source, JsonNode.Parse("""{"a":[3],"d":1}""")));

        Assert.Equal(before, Text(source));
    }

    [Fact]
    public void KeepsNumberTextExactly()
    {
        var source = JsonNode.Parse("""{"n":1,"m":[0.1]}""");
        var target = JsonNode.Parse("""{"n":12345678901234567890.000001,"m":[1e400,1.50]}""");

        var patchText = PatchJson.Write(JsonDiff.Diff(source, target));
        var result = JsonPatchApply.Apply(source, PatchJson.Read(patchText));

        Assert.Contains("12345678901234567890.000001", patchText, StringComparison.Ordinal);
        Assert.Equal("""{"n":12345678901234567890.000001,"m":[1e400,1.50]}""", Text(result));
    }

    [Fact]
    public void EscapesPointerTokens()
    {
        var source = JsonNode.Parse("""{"a/b":{"m~n":1}}""");
        var target = JsonNode.Parse("""{"a/b":{"m~n":2}}""");

        var patch = JsonDiff.Diff(source, target);

        Assert.Equal("/a~1b/m~0n", Assert.Single(patch).Path);
        Assert.Equal(["a/b", "m~n"], JsonPointer.Parse("/a~1b/m~0n"));
        Assert.Equal(["~1"], JsonPointer.Parse("/~01"));
    }

    [Fact]
    public void AppliesEveryRfc6902Operation()
    {
        var source = JsonNode.Parse("""{"a":[1,2],"b":{"c":"x"}}""");
        var patch = PatchJson.Read("""
            [{"op":"test","path":"/b/c","value":"x"},{"op":"add","path":"/a/-","value":3},{"op":"copy","from":"/b","path":"/d"},
             {"op":"move","from":"/a/0","path":"/a/2"},{"op":"replace","path":"/b/c","value":null},{"op":"remove","path":"/d/c"}]
            """);

        Assert.Equal("""{"a":[2,3,1],"b":{"c":null},"d":{}}""", Text(JsonPatchApply.Apply(source, patch)));
    }

    [Theory]
    [InlineData("""[{"op":"remove","path":"/missing"}]""")]
    [InlineData("""[{"op":"replace","path":"/a/5","value":1}]""")]
    [InlineData("""[{"op":"add","path":"/a/01","value":1}]""")]
    [InlineData("""[{"op":"test","path":"/a/0","value":2}]""")]
    [InlineData("""[{"op":"jump","path":"/a"}]""")]
    public void RefusesPatchesThatDoNotFit(string patch)
    {
        var source = JsonNode.Parse("""{"a":[1]}""");

        Assert.Throws<JsonPatchException>(() => JsonPatchApply.Apply(source, PatchJson.Read(patch)));
    }

    [Fact]
    public void MovingOneItemInALargeDocumentGivesATinyPatch()
    {
        var items = new JsonArray();
        for (var i = 0; i < 1000; i++)
        {
            items.Add(JsonNode.Parse($$"""{"id":"item-{{i}}","startTicks":{{i * 1000}},"left":{"value":{{i}}.25,"keyframes":[]},"name":"an item with some text to make it larger {{i}}"}"""));
        }
        var source = new JsonObject { ["tracks"] = new JsonArray(JsonNode.Parse("""{"id":"t1"}""")), ["items"] = items };
        var moved = JsonNodes.Clone(source)!;
        var list = moved["items"]!.AsArray();
        var item = list[100];
        list.RemoveAt(100);
        list.Insert(900, item);
        var shifted = JsonNodes.Clone(source)!;
        shifted["items"]![500]!["startTicks"] = 1;

        var movePatch = PatchJson.Write(JsonDiff.Diff(source, moved));
        var shiftPatch = PatchJson.Write(JsonDiff.Diff(source, shifted));

        Assert.True(Text(source).Length > 100_000);
        Assert.True(movePatch.Length < 100, movePatch);
        Assert.True(shiftPatch.Length < 100, shiftPatch);
        Assert.Equal(Text(moved), Text(JsonPatchApply.Apply(source, PatchJson.Read(movePatch))));
    }

    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";
}
