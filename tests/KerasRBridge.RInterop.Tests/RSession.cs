using KerasRBridge.RInterop.Embedding;

namespace KerasRBridge.RInterop.Tests;

/// <summary>R starts once for the whole test assembly (once per process is all R allows).</summary>
[SetUpFixture]
public class RSession
{
    [OneTimeSetUp]
    public void StartR() => REngine.Start();
}
