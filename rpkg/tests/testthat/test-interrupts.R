# Ctrl-C (SIGINT) during long bridge work: the work stops soon, R's interrupt reaches
# tryCatch(interrupt = ...), the session goes on, and a variable holds all its old values or
# all its new ones, never a mix. Each case runs in a child Rscript that the test interrupts.
interrupted_child <- function(mode) {
  child <- start_child("interrupt", mode)
  on.exit(child$kill())
  lines <- wait_for_line(child, "ready")
  Sys.sleep(0.5)
  child$interrupt()
  child$wait(30000)
  c(lines, child$read_all_output_lines())
}

test_that("Ctrl-C stops a long initialisation within moments and the session goes on", {
  skip_if_not_installed("processx")
  lines <- interrupted_child("initializer")
  expect_equal(child_value(lines, "outcome"), "interrupted")
  # Uninterrupted, this orthogonal initialisation takes several seconds.
  expect_lt(as.numeric(child_value(lines, "seconds")), 3)
  expect_equal(child_value(lines, "usable"), "TRUE")
})

test_that("Ctrl-C during a loop of large assigns leaves the variable all old or all new", {
  skip_if_not_installed("processx")
  lines <- interrupted_child("assign")
  expect_equal(child_value(lines, "outcome"), "interrupted")
  expect_equal(child_value(lines, "consistent"), "TRUE")
  expect_equal(child_value(lines, "usable"), "TRUE")
})

test_that("Ctrl-C during a loop of large conversions to R is caught and the session goes on", {
  skip_if_not_installed("processx")
  lines <- interrupted_child("to_r")
  expect_equal(child_value(lines, "outcome"), "interrupted")
  expect_equal(child_value(lines, "consistent"), "TRUE")
  expect_equal(child_value(lines, "usable"), "TRUE")
})

test_that("Ctrl-C inside an R initializer function reaches R as an interrupt", {
  skip_if_not_installed("processx")
  lines <- interrupted_child("r_function")
  expect_equal(child_value(lines, "outcome"), "interrupted")
  expect_lt(as.numeric(child_value(lines, "seconds")), 3)
  expect_equal(child_value(lines, "usable"), "TRUE")
})
