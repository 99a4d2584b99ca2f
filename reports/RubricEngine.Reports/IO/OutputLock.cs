using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace RubricEngine.Reports.IO;

/// <summary>
/// Exclusive access to one output between runs: a lock file beside it (<c>.grades.csv.lock</c>) opened with
/// <see cref="FileShare.None"/>, which the OS turns into an exclusive lock (<c>flock</c> on Unix, a sharing mode on
/// Windows) that it releases when the process ends, however it ends — a killed run never leaves a stale lock. The
/// holder writes its pid, host, start time and command into the file so a waiting run can say who it waits for.
/// </summary>
/// <remarks>
/// The holder deletes the lock file when it is done, before closing it. A waiter that opened the file just before
/// could then lock the deleted file while a third run creates and locks a new one; so after locking, a run checks
/// that the path still holds the token it wrote, and starts again when it does not. A killed run leaves its file,
/// unlocked: the next run takes it over.
/// </remarks>
public sealed class OutputLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);
    private FileStream? _stream;

    private OutputLock(string lockPath, FileStream stream)
    {
        LockPath = lockPath;
        _stream = stream;
    }

    /// <summary>The lock file.</summary>
    public string LockPath { get; }

    /// <summary>The lock file that guards <paramref name="target"/>: hidden, in the same folder.</summary>
    public static string PathFor(string target)
    {
        var full = Path.GetFullPath(target);
        return Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar))}.lock");
    }

    /// <summary>
    /// Takes the lock on <paramref name="target"/>, waiting up to <see cref="OutputPolicy.LockTimeout"/> while another
    /// run holds it (saying once who holds it); throws <see cref="OutputLockTimeoutException"/> after that.
    /// </summary>
    public static OutputLock Acquire(string target, OutputPolicy policy)
    {
        var lockPath = PathFor(target);
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        var clock = Stopwatch.StartNew();
        var said = false;
        while (true)
        {
            if (TryOpen(lockPath) is { } stream)
            {
                if (WriteHolder(stream, lockPath)) return new OutputLock(lockPath, stream);
                stream.Dispose(); // we locked a file its holder had just deleted: start again on the path's file
                continue;
            }
            if (clock.Elapsed >= policy.LockTimeout)
                throw new OutputLockTimeoutException(
                    $"{target}: error: another run is writing this file ({Describe(ReadHolder(lockPath), lockPath)}); gave up after " +
                    $"{policy.LockTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s and left it as it was. " +
                    "Run again when that run has finished (the lock goes away with its process; RUBRIC_LOCK_TIMEOUT sets the wait in seconds).");
            if (!said)
            {
                said = true;
                policy.Report?.Invoke($"{target}: waiting for another run that is writing this file ({Describe(ReadHolder(lockPath), lockPath)})");
            }
            Thread.Sleep(Poll);
        }
    }

    public void Dispose()
    {
        if (_stream is null) return;
        if (!OperatingSystem.IsWindows())
        {
            try { File.Delete(LockPath); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        _stream.Dispose(); // on Windows DeleteOnClose removes it here
        _stream = null;
    }

    private static FileStream? TryOpen(string lockPath)
    {
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1,
                OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None);
        }
        catch (IOException e) when (e is not (DirectoryNotFoundException or PathTooLongException))
        {
            // Held by another process (a sharing violation), or deleted by its holder between our open and our lock
            // (the stress test caught that one): try again until the wait is over.
            return null;
        }
        catch (UnauthorizedAccessException) when (File.Exists(lockPath) && OperatingSystem.IsWindows())
        {
            return null; // Windows reports a file being deleted or locked this way too
        }
    }

    /// <summary>Writes who holds the lock and a token; false when the path no longer names the file we locked.</summary>
    private static bool WriteHolder(FileStream stream, string lockPath)
    {
        using var process = Process.GetCurrentProcess();
        var token = Guid.NewGuid().ToString("N");
        var text = string.Create(CultureInfo.InvariantCulture,
            $"pid {Environment.ProcessId} on {Environment.MachineName}, started {process.StartTime.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC, writing since {DateTime.UtcNow:HH:mm:ss} UTC: {Command()}\ntoken {token}\n");
        var bytes = Encoding.UTF8.GetBytes(text);
        stream.SetLength(0);
        stream.Write(bytes);
        stream.Flush();
        if (OperatingSystem.IsWindows()) return true; // nobody can open, delete or replace a file held with FileShare.None
        try
        {
            return Native.ReadText(lockPath, bytes.Length + 64)?.Contains(token, StringComparison.Ordinal) == true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return true; // no libc to ask: keep the lock (the race needs three runs within microseconds)
        }
    }

    private static string Command()
    {
        var args = Environment.GetCommandLineArgs();
        var line = string.Join(" ", args.Skip(args.Length > 1 && args[0].EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? 0 : 1));
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    private static string Describe(string? holder, string lockPath) =>
        string.IsNullOrWhiteSpace(holder) ? $"lock file {Path.GetFileName(lockPath)}" : "held by " + holder.Trim();

    /// <summary>
    /// The holder's line. .NET takes a shared lock to read, which the holder's exclusive lock refuses, so on Unix the
    /// file is read with plain open/read, which ignore advisory locks.
    /// </summary>
    private static string? ReadHolder(string lockPath)
    {
        try
        {
            if (!OperatingSystem.IsWindows()) return Native.ReadText(lockPath, 1024)?.Split('\n')[0];
            using var s = new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var r = new StreamReader(s);
            return r.ReadLine();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static class Native
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", EntryPoint = "read", SetLastError = true)]
        private static extern nint Read(int fd, byte[] buffer, nint count);

        [DllImport("libc", EntryPoint = "close")]
        private static extern int Close(int fd);

        /// <summary>Up to <paramref name="max"/> bytes of the file as text; null when it cannot be opened.</summary>
        public static string? ReadText(string path, int max)
        {
            var fd = Open(path, 0); // O_RDONLY
            if (fd < 0) return null;
            try
            {
                var buffer = new byte[max];
                var n = Read(fd, buffer, buffer.Length);
                return n <= 0 ? "" : Encoding.UTF8.GetString(buffer, 0, (int)n);
            }
            finally
            {
                _ = Close(fd);
            }
        }
    }
}
