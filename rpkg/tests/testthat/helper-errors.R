# Expects a kerasbridge error of the given Keras-like class whose message matches `pattern`.
expect_bridge_error <- function(object, class, pattern = NULL) {
  err <- expect_error(object, class = "kerasbridge_error", regexp = pattern)
  expect_s3_class(err, class)
  invisible(err)
}
