namespace Municipal.Media.Storage;

/// <summary>
/// The library's files on disk: &lt;tenant folder&gt;/media/&lt;id&gt;/&lt;file&gt;. A tenant reaches only its own folder
/// (the tenant name is a validated slug, the id 32 hexadecimal digits, the file one of the generated names).
/// </summary>
public sealed class MediaFiles(DataPaths paths)
{
    public string Root(string tenantName) => Path.Combine(paths.TenantFolder(tenantName), "media");

    public string Folder(string tenantName, string id) => Path.Combine(Root(tenantName), id);

    public string File(string tenantName, string id, string fileName) => Path.Combine(Folder(tenantName, id), fileName);

    /// <summary>
    /// Writes every file into a hidden temporary folder, then renames it into place: the image's folder appears whole
    /// or not at all. Returns the bytes written.
    /// </summary>
    public async Task<long> WriteAsync(string tenantName, string id, IReadOnlyList<DerivativeFile> files, CancellationToken cancellationToken)
    {
        var root = Root(tenantName);
        var temporary = Path.Combine(root, ".tmp-" + Guid.NewGuid().ToString("N"));
        SecureFiles.CreateDirectory(temporary);
        try
        {
            foreach (var file in files)
            {
                await SecureFiles.WriteAllBytesAsync(Path.Combine(temporary, file.Name), file.Bytes, cancellationToken);
            }

            Directory.Move(temporary, Folder(tenantName, id));
            return files.Sum(f => (long)f.Bytes.Length);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public void Delete(string tenantName, string id) => TryDelete(Folder(tenantName, id));

    private static void TryDelete(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
