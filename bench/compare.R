# Measures kerasbridge (ours) and reticulate + NumPy (the peer keras3 users take today) side by
# side in one R process, against the targets of issue 6, and writes one markdown report.
# Usage: Rscript bench/compare.R [output.md]; the ratio column is ours / peer.
output <- commandArgs(trailingOnly = TRUE)[1L]
if (is.na(output)) output <- "bench/results.md"
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
for (f in c("timing.R", "machine.R", "table.R", "scaling.R")) source(file.path(here, "R", f))

suppressPackageStartupMessages(library(kerasbridge))
np <- reticulate::import("numpy", convert = FALSE)
n <- 1e7
set.seed(1)
# A 1e4 x 1e3 matrix, as R data for a model usually is: NumPy must reorder it into C order,
# where our column-major tensors take R's order as it is. `x1` is the same data as a vector,
# where both orders coincide and each side makes a single cast pass.
x <- array(rnorm(n), c(1e4, 1e3))
x1 <- array(as.vector(x), n)
rows <- list()
add <- function(work, ours, peer, target, limit, absolute = FALSE, shown_ours = format_seconds(ours),
                shown_peer = format_seconds(peer)) {
  ratio <- ours / peer
  met <- if (absolute) ours <= limit else ratio <= limit
  rows[[length(rows) + 1L]] <<- result_row(work, shown_ours, shown_peer, ratio, target, met)
}

# Ours and the peer measured in turns (see paired_times); the medians are compared.
compare <- function(work, ours, peer, target, limit) {
  times <- paired_times(list(ours, peer))
  add(work, median(times[[1L]]), median(times[[2L]]), target, limit)
}

# Per-call figures: loops of 10,000 calls, ours and the peer taking turns (7 rounds). A loop's
# time per call counts all the calls cost, R's garbage collections included; the fastest loop is
# what they cost when nothing else on the machine interferes (interference only ever adds time,
# as Python's timeit documentation advises), and is what the targets are checked against; the
# median is shown beside it.
compare_per_call <- function(work, ours, peer, target, limit, calls = 10000L, env = parent.frame()) {
  loops <- list(call_loop(substitute(ours), calls, env))
  if (!missing(peer)) loops[[2L]] <- call_loop(substitute(peer), calls, env)
  times <- lapply(paired_times(loops), function(t) t / calls)
  shown <- function(t) sprintf("%s (median %s)", format_seconds(min(t)), format_seconds(median(t)))
  peer_time <- if (length(times) > 1L) min(times[[2L]]) else NA
  add(work, min(times[[1L]]), peer_time, target, limit, absolute = TRUE, shown_ours = shown(times[[1L]]),
      shown_peer = if (is.na(peer_time)) "\u2013" else shown(times[[2L]]))
}

message("bench: large conversions")
to_f32 <- function() keras_variable(x, dtype = "float32")
r_plus_0 <- function() x + 0
compare("R double array 1e7 (1e4 x 1e3) -> float32 variable (peer: `np$ascontiguousarray(np$array(x, dtype = \"float32\"))`)",
        to_f32, function() np$ascontiguousarray(np$array(x, dtype = "float32")), "<= 0.5", 0.5)
compare("R double vector 1e7 (1-D: no reordering for NumPy either) -> float32 variable (peer: the same NumPy call)",
        function() keras_variable(x1, dtype = "float32"),
        function() np$ascontiguousarray(np$array(x1, dtype = "float32")), "<= 0.5", 0.5)
compare("R double array 1e7 (1e4 x 1e3) -> float32 variable (peer: R `x + 0`)", to_f32, r_plus_0, "<= 0.5", 0.5)

v32 <- keras_variable(x, dtype = "float32")
a32 <- np$ascontiguousarray(np$array(x, dtype = "float32"))
compare("float32 variable 1e7 (1e4 x 1e3) -> R array (peer: `py_to_r()` of the same float32 array)",
        function() as.array(v32), function() reticulate::py_to_r(a32), "<= 0.5", 0.5)

compare("R double array 1e7 (1e4 x 1e3) -> float64 variable (peer: R `x + 0`)",
        function() keras_variable(x), r_plus_0, "<= 1.0", 1.0)
v64 <- keras_variable(x)
compare("float64 variable 1e7 (1e4 x 1e3) -> R array (peer: R `x + 0`)",
        function() as.array(v64), r_plus_0, "<= 1.0", 1.0)

compare("random_normal 1e7 float32 (peer: `np$random$standard_normal(1e7)$astype(\"float32\")`)",
        function() keras_variable("random_normal", shape = n),
        function() np$random$standard_normal(as.integer(n))$astype("float32"), "<= 1.0", 1.0)

message("bench: per-call overhead")
small <- array(1, c(3, 3))
small_np <- np$array(small)
v_small <- keras_variable(small)
compare_per_call("`keras_variable()` of a 3x3 array, per call (peer: `np$array()` of it)",
                 keras_variable(small), np$array(small), "<= 10 \u00b5s", 10e-6)
compare_per_call("`v$assign()` of a 3x3 array, per call (peer: `np$copyto()` into a NumPy array)",
                 v_small$assign(small), np$copyto(small_np, small), "<= 3 \u00b5s", 3e-6)
compare_per_call("`v$value` of a 3x3 variable, per call (peer: `a$copy()` of a NumPy array)",
                 v_small$value, small_np$copy(), "<= 3 \u00b5s", 3e-6)
call0 <- get("krb_call0", envir = asNamespace("kerasbridge"))
compare_per_call("`.Call` round trip into a managed entry point (`config_floatx`), per call (no peer)",
                 .Call(call0, "config_floatx"), target = "<= 1 \u00b5s", limit = 1e-6, calls = 100000L)

message("bench: fresh Rscript start-up")
bare <- rscript_time("NULL")
ours_start <- rscript_time("library(kerasbridge); invisible(keras_variable(array(1, c(3, 3))))") - bare
peer_start <- rscript_time("np <- reticulate::import('numpy', convert = FALSE); invisible(np$array(array(1, c(3, 3))))") - bare
add(sprintf("`library(kerasbridge)` + first variable, over a bare `Rscript -e NULL` (%s) (peer: reticulate + NumPy + `np$array()`)",
            format_seconds(bare)),
    ours_start, peer_start, "<= 150 ms extra", 0.150, absolute = TRUE)

message("bench: peak memory")
peak <- function(side) {
  out <- system2(file.path(R.home("bin"), "Rscript"), c(file.path(here, "R", "peak_memory.R"), side), stdout = TRUE)
  bytes <- as.double(out[[length(out)]])
  if (!is.finite(bytes)) stop("bench/R/peak_memory.R ", side, " printed no figure: ", paste(out, collapse = "\n"))
  bytes
}
result_bytes <- 4 * n
peak_ours <- median(vapply(1:3, function(i) peak("ours"), 0))
peak_peer <- median(vapply(1:3, function(i) peak("peer"), 0))
rows[[length(rows) + 1L]] <- result_row(
  "peak memory added by 1e7 float64 -> float32, as a multiple of the 40 MB result (peer: NumPy)",
  sprintf("%s (%.2f x)", format_bytes(peak_ours), peak_ours / result_bytes),
  sprintf("%s (%.2f x)", format_bytes(peak_peer), peak_peer / result_bytes),
  peak_ours / peak_peer, "<= 1.1 x result", peak_ours / result_bytes <= 1.1)

message("bench: scaling")
scaling <- scaling_table(np)

results <- do.call(rbind, rows)
report <- c(
  "# Benchmarks", "",
  "Written by `scripts/bench` (`bench/compare.R`). Ours is `kerasbridge`, the peer is reticulate + NumPy,",
  "measured side by side in one R process and in turns (ours, then the peer, in each of 7 rounds), each",
  "run after a full `gc()`. Times are medians of the 7 rounds for 1e7 elements, and of 7 fresh processes",
  "for start-up. Per-call figures come from loops of 10,000 calls: the fastest of the 7 loops, which is",
  "what the calls cost when nothing else on this noisy machine interferes, with the median loop beside",
  "it. Ratio = ours / peer; targets from issue 6.", "",
  machine_description(np), "",
  markdown_table(results, c("work", "ours", "peer", "ratio", "target", "met?")), "",
  "Peak memory: a fresh `Rscript` loads everything and makes the input first, resets the kernel's peak",
  "counter (`/proc/self/clear_refs`), converts, and reports `VmHWM` minus the `VmRSS` before the conversion",
  "(median of 3 processes).", "",
  "## Scaling: R double array -> float32", "",
  scaling
)
writeLines(report, output, useBytes = TRUE)
writeLines(c(markdown_table(results, c("work", "ours", "peer", "ratio", "target", "met?")), "", scaling), useBytes = TRUE)
message(sprintf("bench: %d of %d targets met; written to %s", sum(results$met == "yes"), nrow(results), output))
