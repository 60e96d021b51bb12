using KerasRBridge.Engine;

namespace KerasRBridge.Bridge.Results;

/// <summary>Maps engine exceptions to the R condition classes the package raises
/// (each also of class <c>kerasbridge_error</c>).</summary>
internal static class ErrorClasses
{
    /// <summary>The R condition subclass for <paramref name="e"/>.</summary>
    internal static string Of(Exception e) => e switch
    {
        KerasIndexError => "index_error",
        KerasTypeError => "type_error",
        KerasValueError => "value_error",
        IndexOutOfRangeException => "index_error",
        ArgumentOutOfRangeException => "index_error",
        InvalidCastException => "type_error",
        ArgumentException => "value_error",
        OutOfMemoryException => "memory_error",
        NotSupportedException => "not_implemented_error",
        KerasFileExistsError => "file_exists_error",
        KerasIsADirectoryError => "is_a_directory_error",
        FileNotFoundException or DirectoryNotFoundException => "file_not_found_error",
        UnauthorizedAccessException => "permission_error",
        MissingMemberException => "attribute_error",
        _ => "runtime_error",
    };

    /// <summary>The R condition subclass for a warning (each also of class
    /// <c>kerasbridge_warning</c>): Python's class name in snake case, <c>ComplexWarning</c>
    /// giving <c>complex_warning</c>.</summary>
    internal static string OfWarning(KerasWarning warning) =>
        string.Concat(warning.Category.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>The message R users see.</summary>
    internal static string MessageOf(Exception e) => e switch
    {
        KerasMemoryError => e.Message,
        // keras3's words, which name its R argument.
        KerasFileExistsError exists => $"File '{exists.FilePath}' already exists (pass overwrite = TRUE to force save).",
        OutOfMemoryException => $"Unable to allocate memory: {e.Message}",
        ArgumentException a when a.ParamName is not null => a.Message.Replace($" (Parameter '{a.ParamName}')", ""),
        _ => e.Message,
    };
}
