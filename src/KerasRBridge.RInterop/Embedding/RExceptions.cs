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
    /// <summary>Makes the exception from R's condition message and call.</summary>
    public REvaluationException(string message, string? call)
        : base(call is null ? message : $"Error in {call} : {message}")
    {
        RMessage = message;
        Call = call;
    }

    /// <summary>R's <c>conditionMessage()</c>.</summary>
    public string RMessage { get; }

    /// <summary>The deparsed <c>conditionCall()</c>, or null when the error had no call.</summary>
    public string? Call { get; }
}
