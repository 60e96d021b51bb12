namespace KerasRBridge.Bridge.Tests;

/// <summary>The R package has one DESCRIPTION: the repository's, which rpkg/ links to, so that
/// the version, the dependencies and the NuGet packages' version (src/Version.props) never drift.</summary>
public class PackageDescriptionTests
{
    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "rpkg", "DESCRIPTION"))) dir = dir.Parent;
        Assert.That(dir, Is.Not.Null, "rpkg/DESCRIPTION not found above the test assembly");
        return dir!.FullName;
    }

    [Test]
    public void The_R_packages_DESCRIPTION_is_the_repositorys()
    {
        string root = Root();
        var package = new FileInfo(Path.Combine(root, "rpkg", "DESCRIPTION"));
        Assert.That(package.LinkTarget, Is.EqualTo("../DESCRIPTION"), "rpkg/DESCRIPTION must be a link to the repository's DESCRIPTION, not a copy");
        Assert.That(File.ReadAllText(package.FullName), Is.EqualTo(File.ReadAllText(Path.Combine(root, "DESCRIPTION"))));
    }
}
