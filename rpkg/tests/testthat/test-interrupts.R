# Ctrl-C (SIGINT) during long bridge work: the work stops soon, R's interrupt reaches
# tryCatch(interrupt = ...), the session goes on, and a variable holds all its old values or
# all its new ones, never a mix. Each case runs in a child Rscript (children/interrupt.R, whose
# argument picks the work) that the test interrupts half a second after it starts.
interrupted_child <- function(mode) {
  child <- start_child("interrupt", mode, default_sigint = TRUE)
  on.exit(child$kill())
  lines <- wait_for_line(child, "ready")
  Sys.sleep(0.5)
  child$interrupt()
  child$wait(30000)
  # A child still working has missed the interrupt: stopped, so that reading its output ends
  # and the test fails rather than waiting forever.
  if (child$is_alive()) child$kill()
  c(lines, child$read_all_output_lines())
}

# The children start with SIGINT's default handling through coreutils' env, which other
# systems' env may lack.
skip_without_env_default_signal <- function() {
  if (!identical(suppressWarnings(system2("env", c("--default-signal=INT", "true"), stdout = FALSE, stderr = FALSE)), 0L))
    skip("env --default-signal (coreutils 8.31 or later) is not available to start a child with SIGINT's default handling")
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
    skip_without_env_default_signal()
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

test_that("setTimeLimit() stops a long sort of one line as it goes, not at its end", {
  x <- random_normal(1e7, seed = 1)
  invisible(op_sort(x))
  full <- min(system.time(op_sort(x))[["elapsed"]], system.time(op_sort(x))[["elapsed"]])
  limited <- system.time(err <- tryCatch({
    setTimeLimit(elapsed = full / 10, transient = TRUE)
    on.exit(setTimeLimit(), add = TRUE)
    op_sort(x)
  }, error = identity))[["elapsed"]]
  setTimeLimit()
  expect_match(conditionMessage(err), "reached elapsed time limit")
  expect_lt(limited, full * 0.75)
  expect_identical(as.array(op_sort(c(3, 1, 2))), array(c(1, 2, 3), 3))
})

test_that("setTimeLimit() stops the engine's long element-by-element loops, and the session goes on", {
  # Each would run for well over a minute: the engine's integer matrix kernel, einsum element by
  # element (integers), and order-1 sampling in 20 axes (2^20 elements blended a point).
  square <- op_ones(c(4000, 4000), dtype = "int32")
  long_work <- list(
    matmul = function() op_matmul(square, square),
    einsum = function() op_einsum("ij,jk->ik", square[1:1500, 1:1500], square[1:1500, 1:1500]),
    sampling = function() op_image_map_coordinates(array(1, rep(2, 20)), array(0.5, c(20, 10000)), order = 1)
  )
  for (work in names(long_work)) {
    limited <- system.time(err <- tryCatch({
      setTimeLimit(elapsed = 0.5, transient = TRUE)
      on.exit(setTimeLimit(), add = TRUE)
      long_work[[work]]()
    }, error = identity))[["elapsed"]]
    setTimeLimit()
    expect_match(conditionMessage(err), "reached elapsed time limit", info = work)
    expect_lt(limited, 10)
  }
  expect_identical(as.array(op_matmul(array(1:4, c(2, 2)), array(1:4, c(2, 2)))), array(c(7L, 10L, 15L, 22L), c(2, 2)))
})
