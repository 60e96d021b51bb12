# Runs the package's testthat suite against the installed package and prints the figures
# scripts/test sums: "testthat: passed failed skipped" (counted in tests, not expectations).
# Where testthat cannot load (R-devel, on which Debian's compiled rlang does not), the same
# files run under scripts/testthat-lite.R, which says so.
library(kerasbridge)
dir <- "rpkg/tests/testthat"
if (requireNamespace("testthat", quietly = TRUE)) {
  results <- testthat::test_dir(dir, package = "kerasbridge", load_package = "installed",
                                reporter = testthat::CheckReporter$new(),
                                stop_on_failure = FALSE, stop_on_warning = FALSE)
  # From each test's expectations: the data frame testthat 3.1.6 makes leaves `error` FALSE
  # for a test whose code raised an error after a warning, which then counted as passed.
  any_of <- function(test, classes) any(vapply(test$results, function(e) inherits(e, classes), TRUE))
  bad <- vapply(results, any_of, TRUE, classes = c("expectation_failure", "expectation_error"))
  failed <- sum(bad)
  skipped <- sum(vapply(results, any_of, TRUE, classes = "expectation_skip") & !bad)
  passed <- length(results) - failed - skipped
} else {
  cat("testthat cannot be loaded in R", format(getRversion()), "here: running the tests with scripts/testthat-lite.R\n")
  source("scripts/testthat-lite.R")
  counts <- run_lite(dir, "kerasbridge")
  passed <- counts[["passed"]]; failed <- counts[["failed"]]; skipped <- counts[["skipped"]]
}
cat(sprintf("testthat: %d %d %d\n", passed, failed, skipped))
