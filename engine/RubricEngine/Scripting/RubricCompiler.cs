using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;
using RubricEngine.Rubrics;

namespace RubricEngine.Scripting;

/// <summary>
/// The cold path: compiles a rubric script with Roslyn. Kept apart from the loader so that a warm load never
/// touches (or even JIT-compiles a reference to) the compiler.
/// </summary>
internal static class RubricCompiler
{
    private static readonly string[] Imports =
    [
        "System", "System.Linq", "System.Collections.Generic", "System.Text.RegularExpressions",
        "RubricEngine.Rubrics", "RubricEngine.Checks", "RubricEngine.Segmentation", "RubricEngine.Text", "RubricEngine.Traces",
    ];

    public static CompiledRubric Compile(string baseDirectory, string mainRelativePath, string mainText, Func<string, string> displayPath)
    {
        // 1. Compile as written: its diagnostics carry the user's exact lines and columns.
        var options = Options(baseDirectory, mainRelativePath, new RubricSourceResolver(baseDirectory));
        var compilation = CSharpScript.Create(mainText, options, typeof(RubricGlobals)).GetCompilation();
        var diagnostics = compilation.GetDiagnostics();
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            throw new RubricScriptException(Format(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), displayPath, compilation));
        var warnings = Format(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning), displayPath);

        // 2. Weave the guards into every file (same lines), compile that and emit it with embedded debug info.
        var columns = new ColumnMap();
        var woven = compilation.SyntaxTrees.ToDictionary(
            t => t.FilePath, t => GuardInjector.Weave(t, compilation.GetSemanticModel(t), columns), StringComparer.Ordinal);
        var guardedOptions = Options(baseDirectory, mainRelativePath, new RubricSourceResolver(baseDirectory, woven));
        var guarded = CSharpScript.Create(woven[mainRelativePath], guardedOptions, typeof(RubricGlobals)).GetCompilation();

        using var peStream = new MemoryStream();
        var emit = guarded.Emit(peStream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
        if (!emit.Success)
        {
            var internalErrors = Format(emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), displayPath)
                .Select(d => d with { Message = "internal error after weaving time-limit guards: " + d.Message }).ToList();
            throw new RubricScriptException(internalErrors);
        }
        var entry = guarded.GetEntryPoint(CancellationToken.None)
            ?? throw new InvalidOperationException("The compiled rubric script has no entry point.");
        return new CompiledRubric(peStream.ToArray(), entry.ContainingType.MetadataName, entry.MetadataName, columns, warnings);
    }

    private static ScriptOptions Options(string baseDirectory, string mainRelativePath, SourceReferenceResolver sources)
    {
        var engine = typeof(RubricGlobals).Assembly;
        var hasChecks = engine.GetTypes().Any(t => t.Namespace == "RubricEngine.Checks");
        return ScriptOptions.Default
            .WithFilePath(mainRelativePath)
            .WithFileEncoding(Encoding.UTF8)
            .WithSourceResolver(sources)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory))
            .WithReferences(engine, typeof(object).Assembly, typeof(Enumerable).Assembly, typeof(List<>).Assembly,
                typeof(Regex).Assembly, typeof(ImmutableArray).Assembly, typeof(Uri).Assembly,
                typeof(System.Linq.Expressions.Expression).Assembly)
            .AddReferences(System.Reflection.Assembly.Load("System.Runtime"), System.Reflection.Assembly.Load("System.Collections"))
            .WithImports(hasChecks ? Imports : Imports.Where(i => i != "RubricEngine.Checks"))
            .WithEmitDebugInformation(true)
            .WithOptimizationLevel(OptimizationLevel.Debug) // keeps frames un-inlined: exact lines in stack traces
            .WithAllowUnsafe(false);
    }

    private static List<ScriptDiagnostic> Format(IEnumerable<Diagnostic> diagnostics, Func<string, string> displayPath, Compilation? compilation = null) =>
        diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath ?? "", StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .Select(d =>
            {
                var severity = d.Severity == DiagnosticSeverity.Error ? "error" : "warning";
                var message = d.GetMessage(CultureInfo.InvariantCulture);
                if (compilation is not null && d.Id == "CS1739" && DidYouMean(compilation, d) is { } hint) message += $"; did you mean '{hint}'?";
                if (!d.Location.IsInSource) return new ScriptDiagnostic(displayPath(""), null, null, severity, d.Id, message);
                var span = d.Location.GetMappedLineSpan();
                return new ScriptDiagnostic(displayPath(span.Path), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, severity, d.Id, message);
            })
            .ToList();

    /// <summary>
    /// For CS1739 ("does not have a parameter named 'tolerence'"): the closest parameter name among the overloads
    /// the call could have meant, or null.
    /// </summary>
    private static string? DidYouMean(Compilation compilation, Diagnostic d)
    {
        if (d.Location.SourceTree is not { } tree) return null;
        var node = tree.GetRoot().FindNode(d.Location.SourceSpan);
        var typed = node.ToString().TrimEnd(':', ' ');
        var call = node.AncestorsAndSelf().FirstOrDefault(n =>
            n is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
              or Microsoft.CodeAnalysis.CSharp.Syntax.BaseObjectCreationExpressionSyntax
              or Microsoft.CodeAnalysis.CSharp.Syntax.ConstructorInitializerSyntax);
        if (call is null) return null;
        var info = compilation.GetSemanticModel(tree).GetSymbolInfo(call);
        var candidates = info.Symbol is { } s ? [s] : info.CandidateSymbols;
        var names = candidates.OfType<IMethodSymbol>()
            .SelectMany(m => m.Parameters)
            .Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
        return Suggestions.Closest(typed, names);
    }
}
