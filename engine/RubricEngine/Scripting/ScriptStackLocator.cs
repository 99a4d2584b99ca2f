using System.Diagnostics;

namespace RubricEngine.Scripting;

/// <summary>
/// Finds the rubric line an exception came from, using the debug information compiled into the script
/// (portable PDB embedded in the script assembly): the innermost stack frame whose file is a <c>.csx</c>.
/// </summary>
internal static class ScriptStackLocator
{
    public static ScriptLocation? Find(Exception exception, Func<string, string>? displayPath)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            StackFrame[] frames;
            try
            {
                frames = new StackTrace(e, fNeedFileInfo: true).GetFrames();
            }
            catch (Exception)
            {
                continue; // symbol reading must never turn one error into another
            }
            foreach (var frame in frames)
            {
                var file = frame.GetFileName();
                if (file is null || !file.EndsWith(".csx", StringComparison.OrdinalIgnoreCase) || frame.GetFileLineNumber() <= 0) continue;
                return new ScriptLocation(displayPath?.Invoke(file) ?? file, frame.GetFileLineNumber(), Math.Max(1, frame.GetFileColumnNumber()));
            }
        }
        return null;
    }
}
