using KerasRBridge.RInterop.Values;

namespace KerasRBridge.RInterop.Embedding;

/// <summary>R could not parse the code it was given.</summary>
public sealed class RParseException : Exception
{
    /// <summary>Makes the exception from R's parse error.</summary>
    public RParseException(string message, int? line) : base(message) => Line = line;

    /// <summary>The line (1-based) R reported, when it did.</summary>
    public int? Line { get; }
}

/// <summary>Evaluating R code raised an R error.</summary>
public sealed class REvaluationException : Exception
{
    /// <summary>Makes the exception from R's condition message and call, and the condition itself when known.</summary>
    public REvaluationException(string message, string? call, RObject? condition = null)
        : base(call is null ? message : $"Error in {call} : {message}")
    {
        RMessage = message;
        Call = call;
        Condition = condition;
    }

    /// <summary>The exception for an error R has printed at its top level: R's error buffer
    /// (<c>geterrmessage()</c>), "Error in call : message" or "Error: message", read back into
    /// the message and the call.</summary>
    internal static REvaluationException FromErrorBuffer(string buffer)
    {
        string text = buffer.Trim();
        const string WithCall = "Error in ", WithoutCall = "Error: ";
        if (text.StartsWith(WithCall, StringComparison.Ordinal) && text.IndexOf(" : ", StringComparison.Ordinal) is var colon and > 0)
            return new(text[(colon + 3)..].TrimStart(), text[WithCall.Length..colon]);
        return new(text.StartsWith(WithoutCall, StringComparison.Ordinal) ? text[WithoutCall.Length..] : text, null);
    }

    /// <summary>R's condition object, when the error came from calling an R function
    /// (<see cref="RFunction.Invoke"/>): what a handler in R would have received.</summary>
    public RObject? Condition { get; }

    /// <summary>R's <c>conditionMessage()</c>.</summary>
    public string RMessage { get; }

    /// <summary>The deparsed <c>conditionCall()</c>, or null when the error had no call.</summary>
    public string? Call { get; }
}

/// <summary>
/// R cannot start in this process as it is: R's packages link to <c>libR.so</c> by name, and the
/// dynamic linker would give them another R's library than the one started, or none. R's own
/// launcher avoids this by setting <c>LD_LIBRARY_PATH</c> (from <c>R_HOME/etc/ldpaths</c>); a
/// program hosting such an R must start with <see cref="LibraryDirectory"/> on that path.
/// </summary>
public sealed class RLibraryPathException(string libraryDirectory) : InvalidOperationException(
    $"R's packages would load another libR.so than {libraryDirectory}/libR.so (this R was built without a SONAME, " +
    $"as R built from source is): start the program with LD_LIBRARY_PATH={libraryDirectory}, as R's own launcher does.")
{
    /// <summary>The folder of the R's <c>libR.so</c>, which must be on <c>LD_LIBRARY_PATH</c>.</summary>
    public string LibraryDirectory { get; } = libraryDirectory;
}
