namespace KerasRBridge.Engine;

/// <summary>How the index arrays of one index (<see cref="IndexItem.Gather"/>, <see cref="IndexItem.Mask"/>) combine.</summary>
public enum IndexRules
{
    /// <summary>
    /// NumPy's advanced indexing: the arrays, with any scalars, broadcast together into one result
    /// axis (<c>x[[0, 1], [0, 1]]</c> is the diagonal); see <see cref="Indexer"/>.
    /// </summary>
    NumPy,

    /// <summary>
    /// R's <c>[</c> (keras3's <c>op_subset</c>): each array selects along its own axis, which keeps
    /// its place (<c>x[[0, 1], [0, 1]]</c> is a 2 x 2 block), and a 1-D mask shorter than its axis
    /// is recycled.
    /// </summary>
    Orthogonal,
}
