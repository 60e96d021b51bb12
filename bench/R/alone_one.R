# Run in a fresh Rscript by bench/R/alone.R: the overwriting loops of bench/R/loops.R for ours and
# the floor only, in a session that has kerasbridge but not reticulate, as a kerasbridge user's
# session is. Every full R collection walks the whole R heap, and reticulate with NumPy makes
# that heap several times larger, so the main run (which needs the peer) makes the collections
# the bridge forces dearer than they are without it. Writes its rows, and what one full
# collection of this session's heap costs (measured after all the loops), to an RDS file.
# Usage: Rscript alone_one.R BENCH_DIR FLOOR_LIBRARY OUTPUT.rds
args <- commandArgs(trailingOnly = TRUE)
here <- args[[1L]]
for (f in c("timing.R", "table.R", "floor.R", "loops.R")) source(file.path(here, "R", f))
suppressPackageStartupMessages(library(kerasbridge))
fl <- floor_symbols(dyn.load(args[[2L]]))
gc.time(TRUE)
rows <- list()
for (n in c(1e5, 1e6, 1e7)) for (matrix in c(TRUE, FALSE)) {
  d <- loop_data(n, matrix, NULL, fl)
  for (direction in c("to_float32", "to_r")) {
    direction_data(d, direction, matrix)
    rows[[length(rows) + 1L]] <- loop_row(d, matrix, direction, FALSE, sides = c("ours", "floor"))
  }
  rm(d)
}
stopifnot(!"reticulate" %in% loadedNamespaces())
full_gc <- stats::median(vapply(1:3, function(i) system.time(gc())[["elapsed"]], 0))
saveRDS(list(rows = do.call(rbind, rows), full_gc = full_gc, ncells = gc()[1L, 1L]), args[[3L]])
