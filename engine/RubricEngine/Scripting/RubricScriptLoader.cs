using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using RubricEngine.Rubrics;

namespace RubricEngine.Scripting;

/// <summary>
/// Loads a rubric script (<c>.csx</c>): compiles it with Roslyn — or, when nothing changed, takes the compiled
/// assembly from the on-disk cache without starting the compiler — runs it in a collectible load context and
/// returns the rubric it declares.
/// </summary>
internal static class RubricScriptLoader
{
    /// <summary>
    /// Loads <paramref name="path"/>. Throws <see cref="RubricScriptException"/> (compiler-style diagnostics) when the
    /// script does not compile or fails while building its rubric.
    /// </summary>
    public static LoadedRubric Load(string path, RubricLoadOptions? options = null)
    {
        options ??= new RubricLoadOptions();
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new RubricScriptException([new ScriptDiagnostic(path, null, null, "error", null, "The rubric file was not found.")]);

        var baseDirectory = Path.GetDirectoryName(full)!;
        var mainRelative = Path.GetFileName(full);
        var bytes = File.ReadAllBytes(full);
        var text = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true).ReadToEnd();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var directives = ScriptDirectives.Scan(baseDirectory, mainRelative, text);
        var key = RubricCache.ComputeKey(directives);
        var displayFolder = Path.GetDirectoryName(path) ?? "";
        string Display(string file) => LoadedRubric.DisplayPathOf(displayFolder, path, mainRelative, file);

        var cache = new RubricCache(options.CacheFolder ?? RubricCache.DefaultFolder());
        var references = directives.References.Select(r => r.FullPath).OfType<string>().Distinct().ToList();
        var files = directives.Files.Select(f => Display(f.RelativePath)).ToList();

        LoadedRubric Run(byte[] assembly, string entryType, string entryMethod, ColumnMap columns, bool fromCache, IReadOnlyList<ScriptDiagnostic> warnings)
        {
            var context = new RubricLoadContext("rubric " + key[..12], references);
            try
            {
                var definition = Execute(context, assembly, entryType, entryMethod, baseDirectory, options.BuildTimeLimit, path, Display, columns);
                return new LoadedRubric(path, definition, sha256, key, files, references, fromCache, warnings, context, mainRelative);
            }
            catch
            {
                context.Unload();
                throw;
            }
        }

        if (options.UseCache && cache.TryRead(key, out var cached, out var type, out var method, out var cachedColumns))
        {
            options.Log?.Invoke($"rubric cache hit: {key}");
            try
            {
                return Run(cached, type, method, cachedColumns, fromCache: true, []);
            }
            catch (Exception e) when (e is BadImageFormatException or TypeLoadException or MissingMethodException or FileLoadException)
            {
                options.Log?.Invoke($"rubric cache entry {key} is damaged ({e.GetType().Name}); recompiling");
                cache.Remove(key);
            }
        }

        options.Log?.Invoke($"compiling rubric {path} (cache miss: {key})");
        var compiled = Compile(baseDirectory, mainRelative, text, Display);
        if (options.UseCache) cache.Write(key, compiled);
        return Run(compiled.Assembly, compiled.EntryType, compiled.EntryMethod, compiled.Columns, fromCache: false, compiled.Warnings);
    }

    // Separate method: the JIT only loads Roslyn when a rubric really has to be compiled.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static CompiledRubric Compile(string baseDirectory, string mainRelative, string text, Func<string, string> display) =>
        RubricCompiler.Compile(baseDirectory, mainRelative, text, display);

    /// <summary>
    /// Runs the script assembly's entry point. Roslyn emits a script as type <c>Submission#0</c> with a static
    /// <c>&lt;Factory&gt;(object[] submissionArray)</c> returning <c>Task&lt;object&gt;</c>: slot 0 holds the globals,
    /// slot 1 receives the submission instance.
    /// </summary>
    private static RubricDefinition Execute(
        RubricLoadContext context, byte[] assembly, string entryType, string entryMethod, string baseDirectory,
        TimeSpan buildLimit, string path, Func<string, string> display, ColumnMap columns)
    {
        var loaded = context.LoadFromStream(new MemoryStream(assembly));
        var factory = loaded.GetType(entryType, throwOnError: true)!
            .GetMethod(entryMethod, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new MissingMethodException(entryType, entryMethod);
        var globals = new RubricGlobals(baseDirectory);
        try
        {
            using (RuleGuard.Begin(buildLimit))
            {
                var task = (Task)factory.Invoke(null, [new object?[] { globals, null }])!;
                task.GetAwaiter().GetResult();
            }
            return globals.BuildRubric();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw BuildError(e.InnerException, path, baseDirectory, display, columns);
        }
        catch (Exception e) when (e is not RubricScriptException)
        {
            throw BuildError(e, path, baseDirectory, display, columns);
        }
    }

    /// <summary>The 1-based column of the first non-blank character of the declaration's line (1 when unreadable).</summary>
    private static int FirstColumn(string baseDirectory, ScriptLine declared)
    {
        try
        {
            var file = Path.IsPathRooted(declared.File) ? declared.File : Path.Combine(baseDirectory, declared.File);
            var line = File.ReadLines(file).Skip(declared.Line - 1).FirstOrDefault() ?? "";
            var column = line.Length - line.TrimStart().Length;
            return column + 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return 1;
        }
    }

    private static RubricScriptException BuildError(Exception e, string path, string baseDirectory, Func<string, string> display, ColumnMap columns)
    {
        var where = ScriptStackLocator.Find(e, null);
        if (where is not null) where = new ScriptLocation(display(where.File), where.Line, columns.ToOriginal(where.File, where.Line, where.Column));
        // Mistakes found once the script has run (a duplicate id, a criterion without a check) have no script frame
        // on the stack; the builder recorded the line of the declaration instead.
        if (e is RubricDefinitionException { DeclaredAt: { } declared })
            where = new ScriptLocation(display(declared.File), declared.Line, FirstColumn(baseDirectory, declared));
        var message = e switch
        {
            RubricDefinitionException => e.Message,
            RuleTimeoutException t => $"the rubric did not finish building within {RuleTimeoutException.Format(t.Limit)}",
            InsufficientExecutionStackException => "the rubric recursed too deeply while building",
            _ => $"{e.GetType().Name}: {e.Message}",
        };
        return new RubricScriptException([new ScriptDiagnostic(where?.File ?? path, where?.Line, where?.Column, "error", null, message)], e);
    }
}
