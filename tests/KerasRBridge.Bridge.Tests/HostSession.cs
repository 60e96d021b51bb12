using KerasRBridge.Bridge.Hosting;

namespace KerasRBridge.Bridge.Tests;

/// <summary>R with kerasbridge starts once for the assembly; the package must be installed
/// where R_LIBS points (scripts/test installs it into .rlib/).</summary>
[SetUpFixture]
public class HostSession
{
    [OneTimeSetUp]
    public void StartR() => KerasBridgeHost.Start();
}
