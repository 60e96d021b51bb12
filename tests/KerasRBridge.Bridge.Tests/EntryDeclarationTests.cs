using System.Text.RegularExpressions;
using KerasRBridge.Bridge.Entries;
using KerasRBridge.Bridge.Entries.Declaring;
using KerasRBridge.Engine;
using KerasRBridge.RInterop.Embedding;
using KerasRBridge.RInterop.Native;
using KerasRBridge.RInterop.Values;

namespace KerasRBridge.Bridge.Tests;

/// <summary>
/// Each entry point is declared once, in C#; the R package's calls are checked against the
/// declarations: every <c>.Call(krb_callN, "name", ...)</c> in rpkg/R names an entry point that
/// takes N arguments, and every entry point is called from the package's R code.
/// </summary>
public unsafe partial class EntryDeclarationTests
{
    /// <summary>Entry points the package's C shim calls itself, not its R code.</summary>
    private static readonly string[] CalledByTheShim = ["entry_names", "object_state", "object_restore"];

    private static List<(string Name, int Arity, string File)> CallsInR()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "rpkg", "R"))) dir = dir.Parent;
        Assert.That(dir, Is.Not.Null, "rpkg/R not found above the test assembly");
        return Directory.GetFiles(Path.Combine(dir!.FullName, "rpkg", "R"), "*.R")
            .SelectMany(file => CallPattern().Matches(File.ReadAllText(file))
                .Select(m => (m.Groups[2].Value, int.Parse(m.Groups[1].Value), Path.GetFileName(file))))
            .ToList();
    }

    [GeneratedRegex(@"\.Call\(krb_call(\d), ""(\w+)""")]
    private static partial Regex CallPattern();

    [Test]
    public void Every_call_in_the_R_package_names_an_entry_point_with_as_many_parameters_as_it_passes()
    {
        var declared = EntryTable.Entries.ToDictionary(e => e.Name, e => e.Arity);
        var calls = CallsInR();
        Assert.That(calls, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var (name, arity, file) in calls)
            {
                Assert.That(declared, Does.ContainKey(name), $"{file} calls {name}, which no entry point declares");
                if (declared.TryGetValue(name, out int expected))
                    Assert.That(arity, Is.EqualTo(expected), $"{file} calls {name} with {arity} arguments; it is declared with {expected}");
            }
        });
    }

    [Test]
    public void Every_entry_point_is_called_from_the_R_package()
    {
        var called = CallsInR().Select(c => c.Name).ToHashSet();
        var uncalled = EntryTable.Entries.Select(e => e.Name).Where(n => !called.Contains(n) && !CalledByTheShim.Contains(n));
        Assert.That(uncalled, Is.Empty);
    }

    [Test]
    public void Entry_point_names_are_unique_and_arities_fit_the_shims_widest_call()
    {
        Assert.That(EntryTable.Entries.Select(e => e.Name), Is.Unique);
        Assert.That(EntryTable.Entries.Select(e => e.Arity), Has.All.InRange(0, EntryTable.MaxArity));
    }

    [Test]
    public void A_parameter_is_refused_with_Kerass_wording_naming_it_from_its_declaration()
    {
        var entry = Declare.Entry("probe", (string dtype, bool trainable) => dtype);
        var e = Assert.Throws<KerasTypeError>(() => REngine.Invoke(() =>
        {
            using var text = RValues.String("float32");
            using var notBool = RValues.String("yes");
            return HandOver(entry.Body([text.Sexp, notBool.Sexp]));
        }));
        Assert.That(e!.Message, Is.EqualTo("Argument `trainable` must be a boolean (TRUE or FALSE). Received: trainable=\"yes\""));
    }

    [Test]
    public void A_nullable_string_parameter_takes_NULL_and_a_plain_one_refuses_it()
    {
        var optional = Declare.Entry("probe", (string? dtype) => dtype is null);
        var required = Declare.Entry("probe", (string dtype) => true);
        REngine.Invoke(() =>
        {
            Assert.That(HandOver(optional.Body([RValues.NilValue])), Is.Not.EqualTo(Sexp.Zero));
            var e = Assert.Throws<KerasTypeError>(() => HandOver(required.Body([RValues.NilValue])));
            Assert.That(e!.Message, Does.StartWith("Argument `dtype` must be a string."));
        });
    }

    /// <summary>What R would receive; the result's protection ends here, as in the shim.</summary>
    private static Sexp HandOver(Results.EntryResult result)
    {
        Sexp value = Sexp.Zero;
        var build = new RPointerRequest();
        result.TryHandOver(&value, &build);
        return value;
    }

    [Test]
    public void A_parameter_type_without_a_reader_is_refused_when_its_entry_point_is_made()
    {
        var probe = Declare.Entry("probe", (DateTime when) => true);
        var e = Assert.Throws<InvalidOperationException>(() => _ = probe.Body);
        Assert.That(e!.Message, Does.Contain("`when`"));
    }

    [Test]
    public void Every_entry_point_reads_each_of_its_parameters()
    {
        // Bodies are made on first call; making them all here finds a parameter type without a
        // reader before any R code calls its entry point.
        Assert.That(EntryTable.Entries.Select(e => e.Body), Has.None.Null);
    }
}
