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

    /// <summary>R's condition object, when the error came from calling an R function
    /// (<see cref="RFunction.Invoke"/>): what a handler in R would have received.</summary>
    public RObject? Condition { get; }

    /// <summary>R's <c>conditionMessage()</c>.</summary>
    public string RMessage { get; }

    /// <summary>The deparsed <c>conditionCall()</c>, or null when the error had no call.</summary>
    public string? Call { get; }
}
