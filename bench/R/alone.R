# Ours in a session without reticulate (bench/R/alone_one.R in a fresh Rscript), and what one
# full R collection costs in this session and in that one, measured after all timing.
alone_rows <- function(here, floor_library) {
  out <- file.path(here, "tmp", "alone.rds")
  unlink(out)
  status <- system2(file.path(R.home("bin"), "Rscript"),
                    c("--vanilla", shQuote(file.path(here, "R", "alone_one.R")), shQuote(here), shQuote(floor_library), shQuote(out)))
  if (status != 0L || !file.exists(out)) stop("bench: bench/R/alone_one.R failed with status ", status)
  alone <- readRDS(out)
  alone$full_gc_here <- stats::median(vapply(1:3, function(i) system.time(gc())[["elapsed"]], 0))
  alone$ncells_here <- gc()[1L, 1L]
  alone
}
