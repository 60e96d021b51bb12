# Wall-clock timing helpers. Sys.time() has microsecond resolution, where proc.time() has
# milliseconds; medians, because the machine is noisy.

elapsed <- function(f) {
  t0 <- Sys.time()
  f()
  as.double(Sys.time()) - as.double(t0)
}

# Median seconds of `reps` calls of f after one warm-up call (JIT, imports, first page faults);
# a full gc before each call, so neither side pays for garbage the other left.
median_time <- function(f, reps = 7L) {
  f()
  median(vapply(seq_len(reps), function(i) {
    invisible(gc())
    elapsed(f)
  }, numeric(1)))
}

# Median seconds per evaluation of `expr`, run `calls` times in a loop inlined into one
# function, so that no extra closure call is counted.
per_call <- function(expr, calls = 10000L, reps = 5L, env = parent.frame()) {
  loop <- eval(substitute(function() for (i in seq_len(n)) e, list(e = substitute(expr), n = calls)), env)
  median_time(loop, reps) / calls
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
