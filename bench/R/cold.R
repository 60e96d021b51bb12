# Cold rows: the first conversion in a fresh process (bench/R/cold_one.R), ours and the peer's
# processes in turns, `reps` processes per side; medians.

cold_rows <- function(here, sizes = c(1e3, 1e5, 1e6, 1e7), reps = 3L) {
  rscript <- file.path(R.home("bin"), "Rscript")
  script <- file.path(here, "R", "cold_one.R")
  one <- function(side, n, dims) {
    out <- system2(rscript, c("--vanilla", shQuote(script), side, format(n, scientific = FALSE), dims), stdout = TRUE)
    figures <- as.double(strsplit(out[[length(out)]], " ", fixed = TRUE)[[1L]])
    if (length(figures) != 2L || anyNA(figures)) stop("bench: ", script, " ", side, " ", n, " printed: ", paste(out, collapse = "\n"))
    figures
  }
  rows <- list()
  for (n in sizes) for (matrix in c(TRUE, FALSE)) {
    dims <- if (matrix) paste(format(matrix_dim(n), scientific = FALSE, trim = TRUE), collapse = ",") else "vector"
    sides <- if (matrix) c("ours", "numpy_c", "numpy_k") else c("ours", "numpy_c")
    times <- array(NA_real_, c(reps, length(sides), 2L), list(NULL, sides, c("to_float32", "to_r")))
    for (r in seq_len(reps)) {
      order <- (seq_along(sides) + r - 2L) %% length(sides) + 1L
      for (j in order) times[r, j, ] <- one(sides[[j]], n, dims)
    }
    for (direction in c("to_float32", "to_r")) {
      med <- apply(times[, , direction, drop = FALSE], 2L, stats::median)
      rows[[length(rows) + 1L]] <- data.frame(
        n = n, shape = if (matrix) gsub(",", " x ", dims) else "vector", direction = direction,
        ours = med[["ours"]], numpy_c = med[["numpy_c"]],
        numpy_k = if (matrix) med[["numpy_k"]] else NA_real_, reps = reps, stringsAsFactors = FALSE)
    }
    message(sprintf("bench:   cold %.0e %s done", n, dims))
  }
  do.call(rbind, rows)
}
