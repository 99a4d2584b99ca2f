namespace RubricEngine.Reports.IO;

/// <summary>A report written to one file that it replaces atomically; says what replacing it did.</summary>
public interface IReplacesFile
{
    /// <summary>The target file's full path.</summary>
    string Path { get; }

    /// <summary>What replacing the target did (another writer meanwhile, a backup kept); null until the sink completed.</summary>
    ReplaceResult? Result { get; }
}
