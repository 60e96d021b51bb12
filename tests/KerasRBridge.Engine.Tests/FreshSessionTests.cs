namespace KerasRBridge.Engine.Tests;

/// <summary>Tests that each start a new Keras session (names from <c>variable</c> again) and leave floatx at its default.</summary>
public abstract class FreshSessionTests
{
    [SetUp]
    public void FreshSession() => GlobalState.ClearSession();

    [TearDown]
    public void RestoreFloatX() => KerasConfig.FloatX = "float32";
}
