# Wall-clock timing helpers. Sys.time() has microsecond resolution, where proc.time() has
# milliseconds; medians, because the machine is noisy.

elapsed <- function(f) {
  t0 <- Sys.time()
  f()
  as.double(Sys.time()) - as.double(t0)
}

# Median seconds of `reps` calls of f after one warm-up call (JIT, imports, first page faults);
# a full gc before each call, so neither side pays for garbage the other left.
median_time <- function(f, reps = 7L) median(paired_times(list(f), reps)[[1L]])

# Seconds of each of `reps` rounds for each function in `fs`, the functions taking turns within
# a round (after one warm-up call each), so that a slow spell of this noisy machine falls on
# every side alike instead of on whichever was measured during it; a full gc before each call.
paired_times <- function(fs, reps = 7L) {
  for (f in fs) f()
  times <- matrix(NA_real_, reps, length(fs))
  for (i in seq_len(reps)) for (j in seq_along(fs)) {
    invisible(gc())
    times[i, j] <- elapsed(fs[[j]])
  }
  lapply(seq_along(fs), function(j) times[, j])
}

# A function evaluating `expr` `calls` times in a loop inlined into its body, so that no extra
# closure call is counted.
call_loop <- function(expr, calls, env) eval(substitute(function() for (i in seq_len(n)) e, list(e = expr, n = calls)), env)

# Median seconds per evaluation of `expr` over `reps` loops of `calls` evaluations.
per_call <- function(expr, calls = 10000L, reps = 5L, env = parent.frame()) {
  median_time(call_loop(substitute(expr), calls, env), reps) / calls
}

# Median seconds of a fresh `Rscript -e code`, over `reps` runs.
rscript_time <- function(code, reps = 7L) {
  rscript <- file.path(R.home("bin"), "Rscript")
  run <- function() {
    status <- system2(rscript, c("-e", shQuote(code)), stdout = FALSE, stderr = FALSE)
    if (status != 0L) stop("Rscript -e ", code, " failed with status ", status)
  }
  median_time(run, reps)
}
