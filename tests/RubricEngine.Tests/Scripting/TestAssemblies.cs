using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RubricEngine.Tests.Scripting;

internal static class TestAssemblies
{
    /// <summary>Compiles <paramref name="source"/> into a library at <paramref name="path"/> (for <c>#r</c> tests).</summary>
    public static void CompileLibrary(string path, string source)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var result = compilation.Emit(path);
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }
}
