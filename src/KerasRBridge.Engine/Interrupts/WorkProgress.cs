namespace KerasRBridge.Engine;

/// <summary>
/// How far a long run of engine work has come (<see cref="Interruption.SetProgress"/>): the
/// elements done of the run's total, and the time since the run began. An operation may make
/// several runs (a pass per axis, a cast then a sum); each reports from 0 to its own total.
/// </summary>
/// <param name="Done">Elements done so far.</param>
/// <param name="Total">Elements in the run.</param>
/// <param name="Elapsed">Time since the run's first element.</param>
public readonly record struct WorkProgress(long Done, long Total, TimeSpan Elapsed)
{
    /// <summary>The part done, from 0 to 1.</summary>
    public double Fraction => Total == 0 ? 1 : (double)Done / Total;

    /// <summary>Whether the run is over (its last report).</summary>
    public bool IsComplete => Done >= Total;
}
