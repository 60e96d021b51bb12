namespace KerasRBridge.Engine;

public abstract partial class NdArray
{
    /// <summary>
    /// The values as NumPy's <c>str()</c> prints them, in logical (row-major) order:
    /// <c>[[1. 2.]\n [3. 4.]]</c>; a shape <c>()</c> tensor prints as a scalar (<c>1.5</c>).
    /// Lines wrap at 75 characters, and tensors of more than 1000 elements show only the first
    /// and last 3 items of each axis around <c>...</c>.
    /// </summary>
    public string Format() => NumPyText.Format(this);

    /// <summary>The values as <see cref="Format"/> gives them, so that <c>Console.WriteLine(x)</c>
    /// shows the tensor rather than its .NET type.</summary>
    public override string ToString() => Format();
}
