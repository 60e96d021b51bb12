# Expects a kerasbridge error of the given Keras-like class whose message matches `pattern`
# (a regular expression, or plain text with `fixed = TRUE`).
expect_bridge_error <- function(object, class, pattern = NULL, fixed = FALSE) {
  err <- if (is.null(pattern)) {
    expect_error(object, class = "kerasbridge_error")
  } else {
    expect_error(object, class = "kerasbridge_error", regexp = pattern, fixed = fixed)
  }
  expect_s3_class(err, class)
  invisible(err)
}
