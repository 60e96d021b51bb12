# An R function used as an initializer fails: R sees a kerasbridge error carrying its message,
# with the original condition kept as `parent`, as rlang chains errors.
failing <- function(shape, dtype) stop("my init failed")

test_that("stop() in an initializer function is a runtime_error with the function's message", {
  err <- expect_bridge_error(keras_variable(failing, shape = c(2, 2)), "runtime_error",
                             "The initializer function(shape, dtype) failed: my init failed", fixed = TRUE)
})

test_that("the initializer function's own condition is kept as the parent", {
  custom <- function(shape, dtype) stop(structure(class = c("my_condition", "error", "condition"),
                                                  list(message = "custom", call = NULL)))
  err <- tryCatch(keras_variable(custom, shape = 2), error = identity)
  expect_s3_class(err$parent, "my_condition")
  expect_equal(conditionMessage(err$parent), "custom")
})

test_that("a kerasbridge error inside an initializer function is the parent of the one the user sees", {
  nested <- function(shape, dtype) keras_variable("nonsense", shape = shape)
  err <- tryCatch(keras_variable(nested, shape = 2), error = identity)
  expect_s3_class(err, "runtime_error")
  expect_s3_class(err$parent, "value_error")
  expect_match(conditionMessage(err), "Could not interpret initializer identifier: nonsense", fixed = TRUE)
})

test_that("a warning in an initializer function stays a warning and the variable is made", {
  warns <- function(shape, dtype) {
    warning("careful")
    array(1, shape)
  }
  expect_warning(v <- keras_variable(warns, shape = c(2, 2)), "careful")
  expect_identical(as.array(v), array(1, c(2, 2)))
})

test_that("the session keeps working after initializer functions fail", {
  for (i in 1:20) try(keras_variable(failing, shape = 2), silent = TRUE)
  expect_identical(as.array(keras_variable(function(shape, dtype) array(3, shape), shape = 2)), array(3, 2))
})

test_that("a failed initializer function leaves no protected objects behind", {
  gc()
  before <- kerasbridge_diagnostics()$protected
  for (i in 1:50) try(keras_variable(failing, shape = 2), silent = TRUE)
  keras_variable(1)
  gc()
  expect_lte(kerasbridge_diagnostics()$protected, before + 2)
})
