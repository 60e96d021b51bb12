# Peak memory of a 1e7 float64 -> float32 conversion: bench/R/peak_memory.R in fresh processes,
# ours and the peer in turns, median of `reps` per side.
peak_memory <- function(here, reps = 3L) {
  one <- function(side) {
    out <- system2(file.path(R.home("bin"), "Rscript"), c("--vanilla", file.path(here, "R", "peak_memory.R"), side), stdout = TRUE)
    bytes <- as.double(out[[length(out)]])
    if (!is.finite(bytes)) stop("bench/R/peak_memory.R ", side, " printed no figure: ", paste(out, collapse = "\n"))
    bytes
  }
  t <- matrix(NA_real_, reps, 2L, dimnames = list(NULL, c("ours", "peer")))
  for (r in seq_len(reps)) for (side in if (r %% 2L) c("ours", "peer") else c("peer", "ours")) t[r, side] <- one(side)
  list(ours = stats::median(t[, "ours"]), peer = stats::median(t[, "peer"]))
}
