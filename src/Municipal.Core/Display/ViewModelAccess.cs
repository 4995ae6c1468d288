using System.Reflection;
using Fluid;

namespace Municipal.Core.Display;

/// <summary>
/// What a template may read: the public properties of records declared in Municipal's own assemblies (view models
/// are records), found by the type of the value at hand, the first time a template reads one. No list of view types
/// is kept by hand: a forgotten registration used to render a blank template without an error. Classes (services,
/// entities, the framework's types) stay closed to templates.
/// </summary>
public sealed class ViewModelAccess : DefaultMemberAccessStrategy
{
    /// <summary>
    /// The ambient value (<see cref="TemplateContext.AmbientValues"/>) of a strict rendering: the template's name. Then a
    /// member a view-model record does not have fails (<see cref="TemplateStrictness"/>); otherwise it renders empty.
    /// </summary>
    public const string StrictTemplate = "Municipal.StrictTemplate";

    private readonly ConcurrentDictionary<Type, bool> _opened = new();

    public override IMemberAccessor GetAccessor(Type type, string name)
    {
        if (base.GetAccessor(type, name) is { } accessor)
        {
            return accessor;
        }

        // The first reader of a type opens it; a reader racing with it opens it too (registering twice is harmless),
        // and no reader sees the type as added before its members are.
        var opened = _opened.GetOrAdd(type, t =>
        {
            if (IsViewModel(t))
            {
                this.Register(t);
                return true;
            }

            return false;
        });
        return opened ? base.GetAccessor(type, name) ?? MissingMember.Instance : null!;
    }

    /// <summary>A member a view-model record does not have: nothing, or an error when the rendering is strict.</summary>
    private sealed class MissingMember : IMemberAccessor
    {
        public static readonly MissingMember Instance = new();

        public object Get(object obj, string name, TemplateContext ctx) =>
            ctx.AmbientValues.TryGetValue(StrictTemplate, out var template)
                ? throw new InvalidOperationException($"Template {template} reads \"{name}\", which {obj.GetType().Name} does not have.")
                : null!;
    }

    /// <summary>A record (it has the compiler's clone method) of an assembly named Municipal.*.</summary>
    public static bool IsViewModel(Type type) =>
        type.Assembly.GetName().Name?.StartsWith("Municipal.", StringComparison.Ordinal) == true
        && type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null;
}
