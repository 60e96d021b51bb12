using KerasRBridge.Bridge.Results;
using KerasRBridge.RInterop.Native;

namespace KerasRBridge.Bridge.Entries.Declaring;

/// <summary>
/// Declares entry points from typed lambdas, once: the name R calls an entry by
/// (<c>.Call(krb_callN, "name", ...)</c>, N the number of parameters), and a lambda whose
/// parameter types say how each R argument is read (<see cref="Readers"/>: the checks, and the
/// Keras-worded error naming the parameter, come from there) and whose result type says how the
/// value goes back to R (<see cref="Results{T}"/>).
/// </summary>
/// <remarks>The lambdas' parameter names and nullability are read once, when an entry point is
/// first called (reading them for every entry point would add some 20 ms to <c>library()</c>);
/// a call is the readers, the lambda and the result writer, with no reflection.</remarks>
internal static class Declare
{
    internal static EntryPoint Entry<TResult>(string name, Func<TResult> body) =>
        new(name, 0, () => _ => Results<TResult>.Write(body()));

    internal static EntryPoint Entry<T1, TResult>(string name, Func<T1, TResult> body) =>
        new(name, 1, () =>
        {
            var parameters = Parameter.Of(body);
            var read1 = Readers.For<T1>(parameters[0]);
            return a => Results<TResult>.Write(body(read1(a[0])));
        });

    internal static EntryPoint Entry<T1, T2, TResult>(string name, Func<T1, T2, TResult> body) =>
        new(name, 2, () =>
        {
            var parameters = Parameter.Of(body);
            var read1 = Readers.For<T1>(parameters[0]);
            var read2 = Readers.For<T2>(parameters[1]);
            return a => Results<TResult>.Write(body(read1(a[0]), read2(a[1])));
        });

    internal static EntryPoint Entry<T1, T2, T3, TResult>(string name, Func<T1, T2, T3, TResult> body) =>
        new(name, 3, () =>
        {
            var parameters = Parameter.Of(body);
            var read1 = Readers.For<T1>(parameters[0]);
            var read2 = Readers.For<T2>(parameters[1]);
            var read3 = Readers.For<T3>(parameters[2]);
            return a => Results<TResult>.Write(body(read1(a[0]), read2(a[1]), read3(a[2])));
        });

    internal static EntryPoint Entry<T1, T2, T3, T4, TResult>(string name, Func<T1, T2, T3, T4, TResult> body) =>
        new(name, 4, () =>
        {
            var parameters = Parameter.Of(body);
            var read1 = Readers.For<T1>(parameters[0]);
            var read2 = Readers.For<T2>(parameters[1]);
            var read3 = Readers.For<T3>(parameters[2]);
            var read4 = Readers.For<T4>(parameters[3]);
            return a => Results<TResult>.Write(body(read1(a[0]), read2(a[1]), read3(a[2]), read4(a[3])));
        });

    internal static EntryPoint Entry<T1, T2, T3, T4, T5, TResult>(string name, Func<T1, T2, T3, T4, T5, TResult> body) =>
        new(name, 5, () =>
        {
            var parameters = Parameter.Of(body);
            var read1 = Readers.For<T1>(parameters[0]);
            var read2 = Readers.For<T2>(parameters[1]);
            var read3 = Readers.For<T3>(parameters[2]);
            var read4 = Readers.For<T4>(parameters[3]);
            var read5 = Readers.For<T5>(parameters[4]);
            return a => Results<TResult>.Write(body(read1(a[0]), read2(a[1]), read3(a[2]), read4(a[3]), read5(a[4])));
        });

    internal static EntryPoint Entry<T1, T2, T3, T4, T5, T6, TResult>(string name, Func<T1, T2, T3, T4, T5, T6, TResult> body) =>
        new(name, 6, () =>
        {
            var parameters = Parameter.Of(body);
            var read1 = Readers.For<T1>(parameters[0]);
            var read2 = Readers.For<T2>(parameters[1]);
            var read3 = Readers.For<T3>(parameters[2]);
            var read4 = Readers.For<T4>(parameters[3]);
            var read5 = Readers.For<T5>(parameters[4]);
            var read6 = Readers.For<T6>(parameters[5]);
            return a => Results<TResult>.Write(body(read1(a[0]), read2(a[1]), read3(a[2]), read4(a[3]), read5(a[4]), read6(a[5])));
        });

    internal static EntryPoint Entry<T1, T2, T3, T4, T5, T6, T7, TResult>(string name, Func<T1, T2, T3, T4, T5, T6, T7, TResult> body) =>
        new(name, 7, () =>
        {
            var parameters = Parameter.Of(body);
            var read1 = Readers.For<T1>(parameters[0]);
            var read2 = Readers.For<T2>(parameters[1]);
            var read3 = Readers.For<T3>(parameters[2]);
            var read4 = Readers.For<T4>(parameters[3]);
            var read5 = Readers.For<T5>(parameters[4]);
            var read6 = Readers.For<T6>(parameters[5]);
            var read7 = Readers.For<T7>(parameters[6]);
            return a => Results<TResult>.Write(body(read1(a[0]), read2(a[1]), read3(a[2]), read4(a[3]), read5(a[4]), read6(a[5]), read7(a[6])));
        });

    internal static EntryPoint Entry<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(string name, Func<T1, T2, T3, T4, T5, T6, T7, T8, TResult> body) =>
        new(name, 8, () =>
        {
            var parameters = Parameter.Of(body);
            var read1 = Readers.For<T1>(parameters[0]);
            var read2 = Readers.For<T2>(parameters[1]);
            var read3 = Readers.For<T3>(parameters[2]);
            var read4 = Readers.For<T4>(parameters[3]);
            var read5 = Readers.For<T5>(parameters[4]);
            var read6 = Readers.For<T6>(parameters[5]);
            var read7 = Readers.For<T7>(parameters[6]);
            var read8 = Readers.For<T8>(parameters[7]);
            return a => Results<TResult>.Write(body(read1(a[0]), read2(a[1]), read3(a[2]), read4(a[3]), read5(a[4]), read6(a[5]), read7(a[6]), read8(a[7])));
        });
}
