# Ctrl-C (SIGINT) during long bridge work: the work stops soon, R's interrupt reaches
# tryCatch(interrupt = ...), the session goes on, and a variable holds all its old values or
# all its new ones, never a mix. Each case runs in a child Rscript (children/interrupt.R, whose
# argument picks the work) that the test interrupts half a second after it starts.
interrupted_child <- function(mode) {
  child <- start_child("interrupt", mode)
  on.exit(child$kill())
  lines <- wait_for_line(child, "ready")
  Sys.sleep(0.5)
  child$interrupt()
  child$wait(30000)
  c(lines, child$read_all_output_lines())
}

# The work, and whether it must stop within moments: uninterrupted, the orthogonal
# initialisation takes several seconds and the R function sleeps for 30; the loops never end.
cases <- list(
  "Ctrl-C stops a long initialisation within moments" = list(mode = "initializer", prompt = TRUE),
  "Ctrl-C inside an R initializer function reaches R as an interrupt" = list(mode = "r_function", prompt = TRUE),
  "Ctrl-C during a loop of large assigns is caught" = list(mode = "assign", prompt = FALSE),
  "Ctrl-C during a loop of large conversions to R is caught" = list(mode = "to_r", prompt = FALSE)
)

for (behaviour in names(cases)) {
  test_that(paste0(behaviour, "; the variable is all old or all new and the session goes on"), {
    skip_if_not_installed("processx")
    lines <- interrupted_child(cases[[behaviour]]$mode)
    expect_equal(child_value(lines, "outcome"), "interrupted")
    if (cases[[behaviour]]$prompt) expect_lt(as.numeric(child_value(lines, "seconds")), 3)
    expect_equal(child_value(lines, "consistent"), "TRUE")
    expect_equal(child_value(lines, "usable"), "TRUE")
  })
}

test_that("setTimeLimit() stops long engine work at the polls that serve Ctrl-C, and the session goes on", {
  orthogonal <- function() keras_variable(initializer_orthogonal(seed = 1), shape = c(1500, 1500), dtype = "float64")
  # The faster of two calls after a first one: a slow spell of the machine while measuring must
  # not set a limit the limited call can finish within.
  invisible(orthogonal())
  full <- min(system.time(orthogonal())[["elapsed"]], system.time(orthogonal())[["elapsed"]])
  limited <- system.time(err <- tryCatch({
    setTimeLimit(elapsed = full / 10, transient = TRUE)
    on.exit(setTimeLimit(), add = TRUE)
    orthogonal()
  }, error = identity))[["elapsed"]]
  setTimeLimit()
  expect_s3_class(err, "error")
  expect_match(conditionMessage(err), "reached elapsed time limit")
  # Had the limit waited for the end of the engine call, the whole of `full` would have passed.
  expect_lt(limited, full * 0.75)
  expect_identical(as.array(keras_variable(array(1:4, c(2, 2)))), array(1:4, c(2, 2)))
})
