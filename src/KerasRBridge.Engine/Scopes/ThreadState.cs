namespace KerasRBridge.Engine;

/// <summary>One thread's Keras state for one session; see <see cref="GlobalState"/>.</summary>
internal sealed class ThreadState(int session)
{
    public int Session { get; } = session;
    public Dictionary<string, long> NameUids { get; } = new(StringComparer.Ordinal);
    public List<NameScope> NameScopes { get; } = [];
    public AutocastScope? Autocast { get; set; }
    public StatelessScope? Stateless { get; set; }
    public List<Variable> UninitializedVariables { get; } = [];
}
