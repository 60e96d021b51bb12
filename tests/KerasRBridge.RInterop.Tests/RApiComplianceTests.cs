using System.Diagnostics;
using System.Text.RegularExpressions;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.RInterop.Tests;

/// <summary>
/// The binding uses only R's API, as R-devel defines it (<c>tools:::nonAPI</c>, <c>funAPI()</c>,
/// <c>varAPI()</c>), plus the embedding interface that docs/interop.md lists with its reasons.
/// R-devel is asked when scripts/test has built it (<c>KRB_RDEVEL_RSCRIPT</c>), else the system R.
/// </summary>
public partial class RApiComplianceTests
{
    [Test]
    public void Every_libR_symbol_the_binding_resolves_is_API_or_a_documented_embedding_symbol() =>
        Assert.That(Outside(LibR.Symbols), Is.Empty, "LibR.Symbols names symbols outside R's API and not in docs/interop.md's table");

    [Test]
    public void Every_libR_symbol_libkrbnative_calls_is_API_or_a_documented_embedding_symbol()
    {
        var used = NativeImports.Value;
        Assert.That(used, Does.Contain("R_UnwindProtect"), "nm listed no R symbol: the check would pass vacuously");
        Assert.That(Outside(used), Is.Empty, "libkrbnative.so calls symbols outside R's API and not in docs/interop.md's table");
    }

    [Test]
    public void The_documented_exceptions_are_only_embedding_symbols_the_binding_uses() =>
        Assert.That(Documented(), Is.SubsetOf(LibR.Symbols.Concat(NativeImports.Value)));

    /// <summary>The symbols libkrbnative.so imports (from libR, libc, ...).</summary>
    private static readonly Lazy<List<string>> NativeImports = new(() =>
    {
        string library = Path.Combine(AppContext.BaseDirectory, "libkrbnative.so");
        Assert.That(File.Exists(library), library);
        return Run("nm", "-D", "-u", library).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Trim().Split(' ').Last().Split('@')[0]).ToList();
    });

    /// <summary>The symbols among <paramref name="symbols"/> that libR exports outside its API
    /// and that docs/interop.md does not list.</summary>
    private static List<string> Outside(IEnumerable<string> symbols)
    {
        var r = RLists.Value;
        var documented = Documented();
        return symbols.Where(s => r.LibR.Contains(s))
            .Where(s => r.NonApi.Contains(s) || (r.Api.Count > 0 && !r.Api.Contains(s)))
            .Where(s => !documented.Contains(s))
            .Distinct().ToList();
    }

    private sealed record RNames(HashSet<string> NonApi, HashSet<string> Api, HashSet<string> LibR);

    private static readonly Lazy<RNames> RLists = new(() =>
    {
        string rscript = Environment.GetEnvironmentVariable("KRB_RDEVEL_RSCRIPT") is { Length: > 0 } devel && File.Exists(devel) ? devel : "Rscript";
        string Lines(string code) => Run(rscript, "--vanilla", "-e", code);
        var nonApi = Lines("cat(tools:::nonAPI, sep = '\\n')");
        var api = Lines("t <- asNamespace('tools'); if (exists('funAPI', t)) cat(t$funAPI()$name, t$varAPI()$name, sep = '\\n')");
        string libR = Lines("cat(file.path(R.home('lib'), 'libR.so'))").Trim();
        var exported = Run("nm", "-D", "--defined-only", libR).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Trim().Split(' ').Last().Split('@')[0]);
        static HashSet<string> Set(IEnumerable<string> names) => [.. names.Select(n => n.Trim()).Where(n => n.Length > 0)];
        return new RNames(Set(nonApi.Split('\n')), Set(api.Split('\n')), Set(exported));
    });

    /// <summary>The symbols in docs/interop.md's table of embedding exceptions.</summary>
    private static HashSet<string> Documented()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "docs", "interop.md"))) dir = dir.Parent;
        Assert.That(dir, Is.Not.Null, "docs/interop.md not found above the test assembly");
        string text = File.ReadAllText(Path.Combine(dir!.FullName, "docs", "interop.md"));
        string section = text[text.IndexOf("## R's API", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        return [.. TableSymbol().Matches(section).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"^\| `(\w+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableSymbol();

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // This process's R_HOME is the embedded R's, not that of the R asked.
        start.Environment.Remove("R_HOME");
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(0), $"{program} failed: {error}");
        return output;
    }
}
