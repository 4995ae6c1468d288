namespace Municipal.Web.Tests.Infrastructure;

public static class RecipeFiles
{
    /// <summary>Writes a recipe into the fixture's data folder and returns its path (the CLI and the provisioner accept paths).</summary>
    public static string Write(StorageFixture fixture, string json)
    {
        var folder = Path.Combine(fixture.DataPath, "test-recipes");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".recipe.json");
        File.WriteAllText(path, json);
        return path;
    }
}
