# Small calls, where per-call overhead is everything: loops of 10,000 calls as users write them
# (result overwritten, no gc()), ours and the peer in turns over 7 rounds; the median loop is
# what the targets are checked against, the fastest beside it. And start-up: fresh processes.

# The peer of `v$value`: Keras's `Variable.value` is a property returning the variable's stored
# `_value` (the same array until the variable changes), and ours returns the same cached tensor
# until the variable changes; so the peer reads such a property of a Python object.
python_holder <- function(value) {
  reticulate::py_run_string(paste(
    "class KrbBenchHolder:",
    "    def __init__(self, value):",
    "        self._value = value",
    "    @property",
    "    def value(self):",
    "        return self._value", sep = "\n"))
  reticulate::import_main(convert = FALSE)$KrbBenchHolder(value)
}

small_call_rows <- function(np, kerasbridge_namespace, rounds = 7L, calls = 10000L) {
  d <- new.env(parent = globalenv())
  d$np <- np
  d$small <- array(1, c(3, 3))
  d$small_np <- np$array(d$small)
  d$v_small <- keras_variable(d$small)
  d$holder <- python_holder(d$small_np)
  # The one internal the harness touches: the package's .Call routine for entry points without
  # arguments. A build without it gets a row saying so instead of a failed run.
  has_call0 <- exists("krb_call0", envir = kerasbridge_namespace, inherits = FALSE)
  if (has_call0) d$call0 <- get("krb_call0", envir = kerasbridge_namespace)
  measure <- function(label, work, ours, peer, target, limit, calls = 10000L) {
    exprs <- list(ours = ours)
    if (!is.null(peer)) exprs$peer <- peer
    loops <- lapply(exprs, function(e) user_loop(e, calls, new.env(parent = d)))
    t <- in_turns(loops, rounds)$seconds / calls
    data.frame(label = label, work = work,
               ours = stats::median(t[, "ours"]), ours_min = min(t[, "ours"]),
               peer = if (is.null(peer)) NA_real_ else stats::median(t[, "peer"]),
               peer_min = if (is.null(peer)) NA_real_ else min(t[, "peer"]),
               target = target, limit = limit, stringsAsFactors = FALSE)
  }
  rbind(
    measure("`keras_variable(small)`", "`keras_variable(small)`: a float64 variable from a 3x3 R array (a converted copy); peer `np$array(small)`: a float64 copy",
            quote(keras_variable(small)), quote(np$array(small)), "<= 10 \u00b5s", 10e-6),
    measure("`v$assign(small)`", "`v$assign(small)`: a 3x3 R array into a float64 variable, new value returned; peer `np$copyto(a, small)` into a 3x3 NumPy array",
            quote(v_small$assign(small)), quote(np$copyto(small_np, small)), "<= 3 \u00b5s", 3e-6),
    measure("`v$value`", "`v$value` of a 3x3 variable: the same cached tensor until the variable changes (as Keras); peer: a Python property returning its stored array (as Keras's `Variable.value`)",
            quote(v_small$value), quote(holder$value), "<= 3 \u00b5s", 3e-6),
    if (has_call0)
      measure("`.Call`", "`.Call` round trip into a managed entry point (`config_floatx`); no peer",
              quote(.Call(call0, "config_floatx")), NULL, "<= 1 \u00b5s", 1e-6, calls = 100000L)
    else
      data.frame(label = "`.Call`", work = "`.Call` round trip: not measured, this build has no `krb_call0`",
                 ours = NA_real_, ours_min = NA_real_, peer = NA_real_, peer_min = NA_real_,
                 target = "<= 1 \u00b5s", limit = 1e-6, stringsAsFactors = FALSE))
}

# Fresh `Rscript -e` processes in turns (a bare one, ours, the peer), `rounds` of each; the
# extra start-up is the median over rounds of (side - bare) within a round.
startup_row <- function(rounds = 7L) {
  codes <- c(bare = "NULL",
             ours = "library(kerasbridge); invisible(keras_variable(array(1, c(3, 3))))",
             peer = "np <- reticulate::import('numpy', convert = FALSE); invisible(np$array(array(1, c(3, 3))))")
  rscript <- file.path(R.home("bin"), "Rscript")
  run <- function(code) {
    t0 <- now()
    status <- system2(rscript, c("-e", shQuote(code)), stdout = FALSE, stderr = FALSE)
    if (status != 0L) stop("bench: Rscript -e ", code, " failed with status ", status)
    now() - t0
  }
  t <- matrix(NA_real_, rounds, 3L, dimnames = list(NULL, names(codes)))
  for (r in seq_len(rounds)) {
    order <- (1:3 + r - 2L) %% 3L + 1L
    for (j in order) t[r, j] <- run(codes[[j]])
  }
  data.frame(bare = stats::median(t[, "bare"]),
             ours = stats::median(t[, "ours"] - t[, "bare"]),
             peer = stats::median(t[, "peer"] - t[, "bare"]))
}
