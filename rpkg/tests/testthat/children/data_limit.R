# Runs under a process data limit (ulimit -d, set by the test) of about 3 GB: asks for R arrays
# the engine checks against memory before R allocates them, beyond that limit but well within
# the machine's memory. Prints "<case> <class>", then whether the session goes on.
library(kerasbridge)
attempt <- function(case, code) {
  err <- tryCatch({
    force(code)
    NULL
  }, error = identity)
  cat(case, if (is.null(err)) "no-error" else class(err)[1], "\n")
  flush(stdout())
}
attempt("bincount", op_bincount(c(1L, 2L), minlength = 5e8))
attempt("scatter", op_scatter(matrix(1L, 1, 1), 1, 5e8))
attempt("pad", op_pad(c(1, 2), c(4e8, 4e8)))
attempt("categorical", random_categorical(matrix(0, 1, 3), 5e8, seed = 1))
# R's own allocations inside a decomposition (the matrices reach R; their copy does not), and
# the frames of a signal.
attempt("qr", op_qr(op_zeros(c(1, 13000, 13000))))
attempt("extract_sequences", op_extract_sequences(array(0, 1e5), 5e4, 1))
# Index vectors whose copies on their way to the engine would pass the limit (a compact 1:3e9
# would be expanded by R's first comparison).
indices <- rep(1L, 2e8)
attempt("subset_indices", op_array(1:5)[indices])
attempt("take_indices", op_take(op_array(1:5), indices))
rm(indices)
attempt("compact_indices", op_take(op_array(1:5), 1:3e9))
attempt("zero_indexed_indices", op_take(op_array(1:5), 1:3e9, zero_indexed = TRUE))
cat("usable", identical(as.array(op_array(1:3) + 1L), array(2:4)), "\n")
