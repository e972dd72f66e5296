using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using GrpcExports.Tests.Support;

namespace GrpcExports.Tests.Fuzzing.EditorStates;

/// <summary>
/// A generated editor state: one document of Indream's corpus (valid and invalid examples alike) with a list of
/// mutations applied in order. Shrinking drops mutations and simplifies the rest, so a failure comes down to the
/// fewest edits of a known document that still break the property.
/// </summary>
internal sealed record EditorStateCase(int SeedIndex, EditorStateMutation[] Mutations)
{
    private static readonly Lazy<(string Name, string Json)[]> Seeds = new(() =>
        Directory.GetFiles(RepoPaths.EditorStateCorpus, "editor-state.*.json")
            .Where(path => !path.EndsWith(".schema.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)))
            .ToArray());

    public static IReadOnlyList<string> SeedNames => Seeds.Value.Select(seed => seed.Name).ToList();

    public static Arbitrary<EditorStateCase> Arbitrary { get; } = Arb.From(Generator(), Shrink);

    public string SeedName => Seeds.Value[SeedIndex].Name;

    /// <summary>The mutated document, built afresh on every call (mutations edit in place).</summary>
    public JsonNode? Document()
    {
        var document = JsonNode.Parse(Seeds.Value[SeedIndex].Json);
        foreach (var mutation in Mutations)
        {
            document = mutation.ApplyTo(document);
        }
        return document;
    }

    public override string ToString() => $"{SeedName} + [{string.Join(", ", Mutations.AsEnumerable())}]";

    public static Gen<EditorStateCase> Generator()
    {
        var mutation =
            from kind in Gen.Elements(Enum.GetValues<MutationKind>())
            from target in Gen.Choose(0, 100_000)
            from choice in Gen.Choose(0, 1_000)
            select new EditorStateMutation(kind, target, choice);
        return
            from seed in Gen.Choose(0, Seeds.Value.Length - 1)
            from count in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 3)), (3, Gen.Choose(4, 10)))
            from mutations in Gen.ArrayOf(mutation, count)
            select new EditorStateCase(seed, mutations);
    }

    public static IEnumerable<EditorStateCase> Shrink(EditorStateCase failing)
    {
        for (var index = 0; index < failing.Mutations.Length; index++)
        {
            yield return failing with { Mutations = [.. failing.Mutations[..index], .. failing.Mutations[(index + 1)..]] };
        }
        for (var index = 0; index < failing.Mutations.Length; index++)
        {
            var mutation = failing.Mutations[index];
            if (mutation.Choice > 0)
            {
                EditorStateMutation[] simpler = [.. failing.Mutations];
                simpler[index] = mutation with { Choice = mutation.Choice / 2 };
                yield return failing with { Mutations = simpler };
            }
        }
    }
}
