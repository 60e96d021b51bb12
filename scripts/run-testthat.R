# Runs the package's testthat suite against the installed package and prints the figures
# scripts/test sums: "testthat: passed failed skipped" (counted in tests, not expectations).
library(testthat)
library(kerasbridge)
results <- as.data.frame(test_dir("rpkg/tests/testthat", package = "kerasbridge", load_package = "installed",
                                  reporter = CheckReporter$new(),
                                  stop_on_failure = FALSE, stop_on_warning = FALSE))
failed <- sum(results$failed > 0 | results$error)
skipped <- sum(results$skipped & !(results$failed > 0 | results$error))
passed <- nrow(results) - failed - skipped
cat(sprintf("testthat: %d %d %d\n", passed, failed, skipped))
