using System.Xml.Linq;

namespace GrpcExports.Tests.PowerShell;

/// <summary>
/// The packed module checked from its files: the manifest against the cmdlet classes compiled into the assembly, their
/// attributes against PowerShell's conventions, and the help and format views against the cmdlets.
/// </summary>
public sealed class ModuleMetadataTests
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    // Verbs whose cmdlets change or delete something on the server (or on disk) and so must offer -WhatIf/-Confirm.
    private static readonly HashSet<string> ChangingVerbs =
        ["New", "Set", "Sync", "Remove", "Copy", "Restore", "Add", "Start", "Stop", "Save", "Import", "Export", "Clear", "Rename", "Move", "Reset", "Update"];

    // Cmdlets that by design write nothing, so have no output type to declare.
    private static readonly HashSet<string> CmdletsWithoutOutput = ["Disconnect-GxServer"];

    private static readonly IReadOnlyList<CmdletInfo> Cmdlets = CmdletMetadata.Read(PackedModule.CmdletAssemblyPath);

    [Fact]
    public void TheManifestExportsExactlyTheCmdletClassesOfTheAssembly()
    {
        var exported = ((List<object>)PackedModule.ReadManifest()["CmdletsToExport"]).Cast<string>().Order().ToArray();

        Assert.Equal(26, Cmdlets.Count);
        Assert.Equal(Cmdlets.Select(cmdlet => cmdlet.Name).Order(), exported);
    }

    [Fact]
    public void EveryCmdletHasTheGxNounPrefixAndAClassNamedAfterIt()
    {
        Assert.All(Cmdlets, cmdlet =>
        {
            Assert.StartsWith("Gx", cmdlet.Noun, StringComparison.Ordinal);
            Assert.Equal(cmdlet.Verb + cmdlet.Noun, cmdlet.ClassName);
        });
    }

    [Fact]
    public void CmdletsThatChangeStateSupportShouldProcessAndRemoveAsksFirst()
    {
        var changing = Cmdlets.Where(cmdlet => ChangingVerbs.Contains(cmdlet.Verb)).ToArray();

        Assert.Contains(changing, cmdlet => cmdlet.Name == "Sync-GxProject");
        Assert.All(changing, cmdlet => Assert.True(cmdlet.SupportsShouldProcess, $"{cmdlet.Name} does not support -WhatIf/-Confirm"));
        Assert.All(Cmdlets.Where(cmdlet => cmdlet.Verb == "Remove"), cmdlet => Assert.Equal("High", cmdlet.ConfirmImpact));
        Assert.All(Cmdlets.Where(cmdlet => !ChangingVerbs.Contains(cmdlet.Verb)),
            cmdlet => Assert.False(cmdlet.SupportsShouldProcess, $"{cmdlet.Name} changes nothing, so should not offer -WhatIf"));
    }

    [Fact]
    public void EveryCmdletDeclaresWhatItReturns()
    {
        Assert.All(Cmdlets.Where(cmdlet => !CmdletsWithoutOutput.Contains(cmdlet.Name)), cmdlet =>
        {
            Assert.NotEmpty(cmdlet.OutputTypes);
            Assert.All(cmdlet.OutputTypes, type => Assert.StartsWith("GrpcExports.PowerShell.Output.", type, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void IdParametersBindFromThePipelineByPropertyName()
    {
        var idParameters = Cmdlets.SelectMany(cmdlet => cmdlet.Parameters.Where(parameter => parameter.Name == "Id")
            .Select(parameter => (cmdlet.Name, cmdlet.Noun, parameter))).ToArray();

        Assert.Equal(18, idParameters.Length);
        Assert.All(idParameters, item =>
        {
            Assert.True(item.parameter.ValueFromPipelineByPropertyName, $"{item.Name} -{item.parameter.Name}");
            // Project cmdlets take ProjectId (so sync results and exports pipe in), export cmdlets ExportId, asset cmdlets AssetId.
            var alias = item.Noun.StartsWith("GxProject", StringComparison.Ordinal) ? "ProjectId" : item.Noun["Gx".Length..] + "Id";
            Assert.Contains(alias, item.parameter.Aliases);
        });
        var startFrom = Cmdlets.Single(cmdlet => cmdlet.Name == "Start-GxExport").Parameters.Single(parameter => parameter.Name == "ProjectId");
        Assert.True(startFrom.ValueFromPipelineByPropertyName);
        Assert.Contains("Id", startFrom.Aliases);
    }

    [Fact]
    public void EveryCmdletHasHelpWithASynopsisADescriptionEveryParameterAndAnExample()
    {
        var help = XDocument.Load(PackedModule.HelpPath).Root!.Elements(Command + "command")
            .ToDictionary(command => command.Element(Command + "details")!.Element(Command + "name")!.Value);

        Assert.Equal(Cmdlets.Select(cmdlet => cmdlet.Name).Order(), help.Keys.Order());
        Assert.All(Cmdlets, cmdlet =>
        {
            var command = help[cmdlet.Name];
            Assert.False(string.IsNullOrWhiteSpace(command.Element(Command + "details")!.Element(Maml + "description")?.Value), $"{cmdlet.Name} synopsis");
            Assert.False(string.IsNullOrWhiteSpace(command.Element(Maml + "description")?.Value), $"{cmdlet.Name} description");
            var documented = command.Element(Command + "parameters")!.Elements(Command + "parameter")
                .Where(parameter => !string.IsNullOrWhiteSpace(parameter.Element(Maml + "description")?.Value))
                .Select(parameter => parameter.Element(Maml + "name")!.Value)
                .Order();
            Assert.Equal(ExpectedHelpParameters(cmdlet).Order(), documented);
            var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToArray();
            Assert.NotEmpty(examples);
            Assert.All(examples, example => Assert.Contains(cmdlet.Name, example.Element(Dev + "code")!.Value, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void EveryOutputTypeHasAFormatView()
    {
        var viewed = XDocument.Load(PackedModule.FormatPath).Descendants("TypeName").Select(name => name.Value).ToHashSet();

        var outputTypes = Cmdlets.SelectMany(cmdlet => cmdlet.OutputTypes).Distinct().ToArray();
        Assert.Contains("GrpcExports.PowerShell.Output.GxProject", outputTypes);
        Assert.All(outputTypes, type => Assert.Contains(type, viewed));
    }

    [Fact]
    public void ProjectsHistoryExportsAndAssetsAreShownAsTables()
    {
        var tables = XDocument.Load(PackedModule.FormatPath).Descendants("View")
            .Where(view => view.Element("TableControl") is not null)
            .Select(view => view.Element("ViewSelectedBy")!.Element("TypeName")!.Value);

        Assert.Contains("GrpcExports.PowerShell.Output.GxProject", tables);
        Assert.Contains("GrpcExports.PowerShell.Output.GxProjectEvent", tables);
        Assert.Contains("GrpcExports.PowerShell.Output.GxExport", tables);
        Assert.Contains("GrpcExports.PowerShell.Output.GxAsset", tables);
    }

    [Fact]
    public void OneExportAlsoHasAListView()
    {
        var lists = XDocument.Load(PackedModule.FormatPath).Descendants("View")
            .Where(view => view.Element("ListControl") is not null)
            .Select(view => view.Element("ViewSelectedBy")!.Element("TypeName")!.Value);

        Assert.Contains("GrpcExports.PowerShell.Output.GxExport", lists);
    }

    /// <summary>The cmdlet's own parameters plus the ones PowerShell adds for ShouldProcess and paging.</summary>
    private static IEnumerable<string> ExpectedHelpParameters(CmdletInfo cmdlet)
    {
        var names = cmdlet.Parameters.Select(parameter => parameter.Name).ToList();
        if (cmdlet.SupportsShouldProcess)
        {
            names.AddRange(["WhatIf", "Confirm"]);
        }
        if (cmdlet.SupportsPaging)
        {
            names.AddRange(["First", "Skip", "IncludeTotalCount"]);
        }
        return names;
    }
}
