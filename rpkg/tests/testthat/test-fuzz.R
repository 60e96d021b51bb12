# A bounded run of the fuzzer (children/fuzz.R; scripts/fuzz runs longer ones): random calls of
# the R API with random arguments, in a child Rscript so that a crash shows as a dead child.
test_that("10,000 random calls with seed 7 crash nothing and every failure is a kerasbridge_error", {
  skip_if_not_installed("processx")
  log <- tempfile(fileext = ".log")
  child <- run_child("fuzz", c("7", "1", "10000", log), timeout = 120)
  output <- strsplit(child$stdout, "\n")[[1]]
  last_case <- if (file.exists(log)) utils::tail(readLines(log), 1) else "none"
  expect(any(startsWith(output, "done 10000 0")),
         sprintf("The fuzzer (seed 7) crashed or found problems; replay with scripts/fuzz --replay 7 <case>.\nLast case: %s\n%s\n%s",
                 last_case, child$stdout, child$stderr))
})
