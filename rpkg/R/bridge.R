# The package's channel to the .NET engine: each R function makes one .Call through the C
# shim, naming the entry point with a string literal (the shim finds its number from the
# string's address), and the shim raises the engine's errors as classed R conditions.

.krb_state <- new.env(parent = emptyenv())

start_engine <- function(ns) {
  dotnet_dir <- system.file("dotnet", package = "kerasbridge", lib.loc = dirname(getNamespaceInfo(ns, "path")))
  started_runtime <- .Call(krb_start, ns, dotnet_dir)
  # "own": this package started .NET; "host": a .NET program hosting R lent its engine.
  .krb_state$engine <- if (started_runtime) "own" else "host"
  # A session that quits before its first call must not exit while the runtime is still
  # starting on its thread: R waits for it as it quits. Once pkgload::unload() has unloaded the
  # package's DLL, the routine's address is NULL and nothing is starting: no error at exit.
  reg.finalizer(.krb_state, function(state) tryCatch(.Call(krb_await_start), error = function(e) NULL), onexit = TRUE)
  await_start_before_load_ends(ns)
  invisible(TRUE)
}

# loadNamespace() ends by unsetting the environment variable _R_NS_LOAD_, and attachNamespace()
# sets and unsets it again; the runtime and its JIT copy the environment as they start, and a copy
# made on the start thread while R shortened it read past its end (a segfault in strdup() on
# .NET's tiering thread, once in some hundreds of loads). R runs the package's onLoad user hooks
# just before that unset, after caching the namespace's S4 metadata, which the start overlaps:
# a hook there waits for the thread, then removes itself. One hook only, however often the
# package is loaded into a session (a load that failed before the hook ran leaves it in place).
await_start_before_load_ends <- function(ns) {
  event <- packageEvent(getNamespaceName(ns), "onLoad")
  ours <- function(hook) isTRUE(attr(hook, "kerasbridge_start"))
  if (any(vapply(getHook(event), ours, logical(1)))) return(invisible())
  hook <- function(pkgname, pkgpath) {
    .Call(krb_await_start)
    setHook(event, Filter(Negate(ours), getHook(event)), "replace")
  }
  setHook(event, structure(hook, kerasbridge_start = TRUE), "prepend")
}

# Run by the shim once the engine has attached (at the first call that needs it, or at a reload
# of the package into a session where it runs): what the engine keeps of this package's R side.
engine_attached <- function() {
  register_prototypes()
  .Call(krb_call1, "register_progress", progress_settings)
}

# What the engine's progress bar follows, read once per long run of work: whether to show it
# (with interactive logging on, in interactive sessions unless options(kerasbridge.progress =
# FALSE); elsewhere only if TRUE) and after how many seconds (cli's option, 2 by default).
progress_settings <- function() {
  after <- suppressWarnings(as.double(getOption("cli.progress_show_after", 2))[1])
  show <- config_is_interactive_logging_enabled() && isTRUE(getOption("kerasbridge.progress", interactive()))
  c(show, if (is.na(after)) 2 else after)
}

# TRUE or FALSE, else a type_error naming the argument (keras3's `if (!zero_indexed)` refuses
# NA and strings too, where isTRUE() would read them as FALSE).
flag <- function(value, name) .Call(krb_call2, "flag", value, name)

# Keras's standardize_dtype(): a dtype's canonical name, as the engine reads it (NULL: floatx);
# a name the engine does not know is its classed error.
standardize_dtype <- function(dtype) if (is.null(dtype)) config_floatx() else op_dtype(op_zeros(0L, dtype = dtype))

# A number argument: one R number, not missing and not of a class (a Date), as a double.
one_number <- function(value, name) {
  if (!is.numeric(value) || length(value) != 1L || is.na(value) || is.object(value))
    raise_bridge_error("type_error", sprintf("`%s` must be a number. Received: %s=%s", name, name, shown(value)))
  as.double(value)
}

# Raises the condition for an engine error; called from the C shim and the package's R code.
# `parent` is the R condition that caused it (an error in a user's initializer function), kept as
# rlang chains errors.
raise_bridge_error <- function(class, message, parent = NULL) {
  cond <- structure(
    class = c(class, "kerasbridge_error", "error", "condition"),
    list(message = message, call = user_facing_call(sys.nframe() - 1L), parent = parent)
  )
  stop(cond)
}

# The call an error names: the call the user made to the package (`op_one_hot(f)`, `x[2:NA]`),
# not the helper that found the problem. From `frame` (the frame that raised) to the frame each
# was called from, the outermost of the package's frames before the first frame of code that is
# neither the package's nor R's own (lapply() between the package's frames does not end the
# walk): the user's code, which may be a callback the package called, or a block a scope
# evaluates (its calls were made from the user's frame, though they run inside the package's).
user_facing_call <- function(frame) {
  package <- topenv()
  parents <- sys.parents()
  chosen <- frame
  i <- frame
  while (i > 0L) {
    home <- topenv(environment(sys.function(i)))
    if (identical(home, package)) chosen <- i
    else if (!isNamespace(home) || !getNamespaceName(home) %in% c("base", "methods", "stats", "utils")) break
    # A frame's caller comes before it; a promise forced later can claim a later one.
    if (parents[[i]] >= i) break
    i <- parents[[i]]
  }
  if (chosen > 0L) sys.call(chosen) else NULL
}

# A value as an error message shows what was received: R code for R values (one line unless
# asked for more), the header a tensor, variable or initializer prints for ours, whose
# deparsed S4 slots would fill the message with pointers.
shown <- function(x, ...) {
  # Initializers and seed generators hold their engine object's pointer as tensors do.
  if (typeof(attr(x, "ptr", exact = TRUE)) == "externalptr")
    return(tryCatch(.Call(krb_call1, "describe", x), error = function(e) sprintf("<%s>", class(x)[[1L]])))
  if (is.list(x) && !is.object(x) && any(vapply(x, is_kerasbridge_object, TRUE))) {
    parts <- vapply(x, shown, "", ...)
    if (!is.null(names(x))) parts <- ifelse(nzchar(names(x)), paste(names(x), "=", parts), parts)
    return(sprintf("list(%s)", paste(parts, collapse = ", ")))
  }
  deparse1(x, ...)
}

# Raises a warning the engine left (NumPy's ComplexWarning, say); called from the C shim once
# the call's result exists.
raise_bridge_warning <- function(class, message) {
  cond <- structure(
    class = c(class, "kerasbridge_warning", "warning", "condition"),
    list(message = message, call = sys.call(-1L))
  )
  warning(cond)
}

#' Engine diagnostics
#'
#' Counters used by the package's leak tests: .NET objects currently held by R, the bytes of
#' the large tensors among them, R objects currently protected for .NET, and releases queued by
#' other threads; and what float32 and float64 matrix products (`op_matmul()` and the ops built
#' on it) run on.
#'
#' Matrix products go through an optimized BLAS found when the engine starts: the library the
#' environment variable `KERASBRIDGE_BLAS` names (`none` keeps the engine's own kernel), else
#' the BLAS R links unless it is R's reference BLAS, else Debian's OpenBLAS (package
#' `libopenblas0-pthread`). Without one they use the engine's vectorised kernel.
#'
#' Small tensors share their finalizer in groups (R's finalizers are slow), and the group being
#' filled stays until it is full: its members are counted even when R no longer reaches them.
#' `settle = TRUE` lets that group go and runs R's garbage collector first, so that the counts
#' hold only what R still reaches.
#'
#' @param settle Whether to let go of the group being filled and collect garbage first.
#' @return A named list: the four counts, and `matmul`, a string naming the BLAS library or
#'   the engine's kernel, with the reason.
#' @examples
#' kerasbridge_diagnostics()$matmul
#' kerasbridge_diagnostics(settle = TRUE)$live_handles
#' @export
kerasbridge_diagnostics <- function(settle = FALSE) .Call(krb_call1, "diagnostics", settle)
