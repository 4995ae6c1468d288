namespace Municipal.Core.Storage;

/// <summary>
/// Folders and files of the data path, readable by the service account only (0700 and 0600 on Unix): they hold
/// citizens' attachments, password-reset links (mail pickup), the databases and the data-protection keys, and
/// the default umask would leave them readable by every local account. Windows keeps its inherited ACLs.
/// </summary>
public static class SecureFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder and any missing parent 0700. An existing folder is left as it is.</summary>
    public static DirectoryInfo CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path);
        }

        // Directory.CreateDirectory(path, mode) gives the mode to the last folder only, the missing parents get the
        // umask's 0755: each missing level is created on its own, from the top.
        var missing = new Stack<string>();
        for (var folder = Path.GetFullPath(path); !Directory.Exists(folder); folder = Path.GetDirectoryName(folder)!)
        {
            missing.Push(folder);
        }

        while (missing.Count > 0)
        {
            Directory.CreateDirectory(missing.Pop(), FolderMode);
        }

        return new DirectoryInfo(path);
    }

    /// <summary>
    /// Takes group and other rights off an existing folder (0700), so that nothing beneath it can be reached by another
    /// local account, whatever the modes of the files inside. For a data folder created before files were made 0600
    /// (an older install). A folder this process does not own is left as it is.
    /// </summary>
    public static void Close(string path)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(path))
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)) == 0)
        {
            return;
        }

        try
        {
            File.SetUnixFileMode(path, mode & FolderMode);
        }
        catch (UnauthorizedAccessException)
        {
            // Owned by another account (a mount point): its owner decides.
        }
    }

    /// <summary>Opens a file for writing, created 0600 when it does not exist yet.</summary>
    public static FileStream OpenWrite(string path, System.IO.FileMode mode, FileOptions options = FileOptions.None, int bufferSize = 4096)
    {
        var stream = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None, Options = options, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows())
        {
            stream.UnixCreateMode = FileMode;
        }

        return new FileStream(path, stream);
    }

    public static async Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await using var stream = OpenWrite(path, System.IO.FileMode.Create, FileOptions.Asynchronous);
        await stream.WriteAsync(bytes, cancellationToken);
    }

    /// <summary>
    /// Creates an empty SQLite database file 0600 (and its folder 0700) before SQLite opens it: SQLite would create it
    /// with the umask's 0644, and it gives its -wal and -shm files the mode of the database file.
    /// </summary>
    public static void EnsureDatabaseFile(string path)
    {
        CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // An empty file is an empty database to SQLite.
            using var _ = OpenWrite(path, System.IO.FileMode.CreateNew);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Already there (a restart, or another node on the same folder): its mode is the operator's.
        }
    }

    /// <summary>Sets a file written by other code (the data-protection key ring) to 0600.</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }
}
