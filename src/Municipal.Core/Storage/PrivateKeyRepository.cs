using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Municipal.Core.Storage;

/// <summary>
/// The data-protection key ring under &lt;DataPath&gt;/keys, readable by the service account only: whoever reads
/// these keys can forge sign-in cookies. The framework's repository writes with the umask's modes (0755, 0644).
/// </summary>
public sealed class PrivateKeyRepository : FileSystemXmlRepository
{
    public PrivateKeyRepository(string folder, ILoggerFactory logging)
        : base(SecureFiles.CreateDirectory(folder), logging)
    {
    }

    public override void StoreElement(XElement element, string friendlyName)
    {
        base.StoreElement(element, friendlyName);
        // Directory is the repository's folder here (the base class's property).
        foreach (var file in Directory.EnumerateFiles("*.xml"))
        {
            SecureFiles.Restrict(file.FullName);
        }
    }
}
