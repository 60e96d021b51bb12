using System.Runtime.InteropServices;

namespace KerasRBridge.Bridge.Tests;

/// <summary>One engine per process: a copy of the bridge of another version is refused, with the reason.</summary>
public unsafe class ProcessEngineTests
{
    [Test]
    public void Another_version_of_the_running_engine_is_refused_with_a_message_naming_both()
    {
        var running = new ProcessEngine.Running(null, "0.0.1 (API 1)", "/elsewhere/kerasbridge/dotnet");
        byte* why = stackalloc byte[1024];
        nint table = running.Attach(0, why, 1024);
        Assert.That(table, Is.EqualTo((nint)0));
        string message = Marshal.PtrToStringUTF8((nint)why)!;
        Assert.That(message, Does.Contain("0.0.1 (API 1)").And.Contain("/elsewhere/kerasbridge/dotnet").And.Contain("Restart R"));
    }

    [Test]
    public void A_message_longer_than_the_buffer_is_cut_and_terminated()
    {
        byte* why = stackalloc byte[16];
        ProcessEngine.Write(why, 16, new string('x', 100));
        Assert.That(Marshal.PtrToStringUTF8((nint)why), Is.EqualTo(new string('x', 15)));
    }
}
