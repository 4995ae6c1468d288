using System.Reflection;

namespace Municipal.Core.Display;

/// <summary>Liquid templates and static assets embedded in an assembly under a resource folder.</summary>
public sealed class EmbeddedAssets(Assembly assembly, string folder)
{
    private readonly string _prefix = assembly.GetName().Name + "." + folder.Replace('/', '.') + ".";

    public string? ReadText(string fileName)
    {
        using var stream = assembly.GetManifestResourceStream(_prefix + fileName);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public byte[]? ReadBytes(string fileName)
    {
        using var stream = assembly.GetManifestResourceStream(_prefix + fileName);
        if (stream is null)
        {
            return null;
        }

        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}

/// <summary>A theme: its Liquid templates (Views/) and its assets (wwwroot/), served under /theme/{name}/.</summary>
public sealed record ThemeRegistration(string Name, EmbeddedAssets Views, EmbeddedAssets Assets);

/// <summary>The templates a module brings for its own content, used when no theme overrides them.</summary>
public sealed record ModuleTemplates(string Module, EmbeddedAssets Views);
