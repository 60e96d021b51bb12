namespace KerasRBridge.RInterop.Values;

/// <summary>
/// Marks the vector wrappers whose R object .NET owns (made by a factory such as
/// <see cref="RDoubleVector.Create(ReadOnlySpan{double})"/>, or by a <c>ToWritableCopy()</c>):
/// only these may be written, attributes included (see <see cref="RWritableAttributes"/>).
/// A wrapper of an object obtained from R never implements it.
/// </summary>
public interface IRWritableVector;
