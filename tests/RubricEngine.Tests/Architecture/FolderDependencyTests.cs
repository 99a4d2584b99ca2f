using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RubricEngine.Tests.Architecture;

/// <summary>
/// Data flows one way (read → attribute → analyze → score → report): no folder of the engine or of the reports
/// project may depend, even through others, on a folder that depends on it. Each project's sources are compiled
/// here and every name is bound, so a fully qualified reference counts as much as a <c>using</c>.
/// </summary>
public sealed class FolderDependencyTests
{
    [TestCase("engine/RubricEngine", "RubricEngine")]
    [TestCase("reports/RubricEngine.Reports", "RubricEngine.Reports")]
    public void No_folder_depends_on_a_folder_that_depends_on_it(string project, string rootNamespace)
    {
        var graph = Dependencies(Path.Combine(Hw7Example.RepoRoot, project), rootNamespace);

        var cycles = Cycles(graph);
        foreach (var (from, uses) in graph.OrderBy(e => e.Key, StringComparer.Ordinal))
            TestContext.Out.WriteLine($"{from} -> {string.Join(", ", uses.Order(StringComparer.Ordinal))}");

        Assert.That(graph.Keys, Has.Count.GreaterThan(3), "the scan found the project's folders");
        Assert.That(cycles, Is.Empty, "folder import loops (each: the folders that reach one another; edges in the test output)");
    }

    [Test]
    public void A_loop_is_found_when_there_is_one()
    {
        var graph = new Dictionary<string, HashSet<string>> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"] };

        Assert.That(Cycles(graph), Is.EqualTo(new[] { "A, B, C" }));
    }

    /// <summary>Namespace below <paramref name="rootNamespace"/> (its first segment; "(root)" for the root) → the ones it uses.</summary>
    private static Dictionary<string, HashSet<string>> Dependencies(string projectFolder, string rootNamespace)
    {
        var files = Directory.EnumerateFiles(projectFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f)).ToList();
        // Everything the test host can load, except the assembly being compiled from source here.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => !string.Equals(Path.GetFileNameWithoutExtension(p), rootNamespace, StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(rootNamespace, trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            var from = Node(root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().First().Name.ToString(), rootNamespace);
            if (from is null) continue;
            if (!graph.TryGetValue(from, out var uses)) graph[from] = uses = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
                // Types and members count; a namespace name alone (in a using or a namespace declaration) does not.
                if (symbol is null or INamespaceSymbol || symbol.ContainingNamespace is not { } ns) continue;
                if (Node(ns.ToDisplayString(), rootNamespace) is { } to && to != from) uses.Add(to);
            }
        }
        return graph;
    }

    /// <summary>The folder-level namespace of <paramref name="ns"/> in this project; null for another project's.</summary>
    private static string? Node(string ns, string rootNamespace)
    {
        if (ns == rootNamespace) return "(root)";
        if (!ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal)) return null;
        var rest = ns[(rootNamespace.Length + 1)..];
        // The reports project is a namespace of the engine's root: it is another project, not a folder of the engine.
        if (rootNamespace == "RubricEngine" && rest.StartsWith("Reports", StringComparison.Ordinal)) return null;
        var dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>Every strongly connected set of two or more nodes (Tarjan), each listed sorted.</summary>
    private static List<string> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var found = new List<string>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph.GetValueOrDefault(v) ?? [])
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var members = new List<string>();
            string m;
            do { m = stack.Pop(); onStack.Remove(m); members.Add(m); } while (m != v);
            if (members.Count > 1) found.Add(string.Join(", ", members.Order(StringComparer.Ordinal)));
        }
        foreach (var v in graph.Keys.Order(StringComparer.Ordinal))
            if (!index.ContainsKey(v)) Visit(v);
        return found;
    }
}
