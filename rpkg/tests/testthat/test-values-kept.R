# No silent change of values: lengths are checked before R data is read, NA never becomes a
# number, complex values never lose their imaginary parts without a warning, and strings keep
# the text their encoding says.

test_that("a dim attribute that lies about the vector's length is a value_error, never a read past the data", {
  child <- run_child("lying_dim")
  expect_equal(child$status, 0, info = child$stderr)
  lines <- trimws(strsplit(child$stdout, "\n")[[1]])
  for (case in c("longer-dim", "huge-dim", "shorter-dim", "double-dim", "negative-dim", "na-dim", "assign", "operator", "mask-index"))
    expect_true(paste(case, "value_error/kerasbridge_error") %in% lines, info = paste(case, "\n", child$stdout))
  expect_true("unchanged TRUE" %in% lines)
  expect_true("alive" %in% lines)
})

test_that("integer and logical NA become R's complex NA in complex dtypes, as as.complex() makes it in R >= 4.4", {
  for (dtype in c("complex64", "complex128")) {
    expect_identical(is.na(as.vector(keras_variable(c(1L, NA, 3L), dtype = dtype))), c(FALSE, TRUE, FALSE))
    expect_identical(is.na(as.vector(keras_variable(c(TRUE, NA), dtype = dtype))), c(FALSE, TRUE))
  }
  expect_identical(as.vector(keras_variable(c(1L, NA), dtype = "complex128")), complex(real = c(1, NA), imaginary = 0))
})

test_that("complex NA into an integer dtype or bool is a value_error", {
  z <- c(1 + 0i, NA)
  for (dtype in c("int32", "int64", "uint8", "bool"))
    expect_bridge_error(keras_variable(z, dtype = dtype), "value_error", "NA")
})

test_that("complex values into a real dtype keep their real parts with NumPy's ComplexWarning", {
  expect_warning(v <- keras_variable(c(1.5 + 2i, -3 - 1i), dtype = "float32"),
                 "Casting complex values to real discards the imaginary part", class = "complex_warning")
  expect_identical(as.array(v), array(c(1.5, -3)))
  expect_warning(i <- keras_variable(c(2 + 1i), dtype = "int32"), class = "kerasbridge_warning")
  expect_identical(as.array(i), array(2L))
})

test_that("complex values into a complex dtype and into bool give no warning", {
  expect_no_warning(keras_variable(c(1 + 2i, 0i), dtype = "complex64"))
  expect_no_warning(b <- keras_variable(c(1i, 0i), dtype = "bool"))
  expect_identical(as.array(b), array(c(TRUE, FALSE)))
})

test_that("a warning turned into an error by options(warn = 2) leaves the session working", {
  withr::local_options(warn = 2)
  expect_error(keras_variable(c(1 + 1i), dtype = "float64"), "imaginary part")
  expect_identical(as.array(keras_variable(array(3, 1))), array(3))
})

test_that("a latin1-encoded name reads as the text it holds", {
  name <- iconv("caf\u00e9_kernel", "UTF-8", "latin1")
  expect_identical(Encoding(name), "latin1")
  v <- keras_variable(1, name = name)
  expect_identical(v$name, "caf\u00e9_kernel")
  expect_identical(Encoding(v$name), "UTF-8")
})

test_that("a UTF-8 name round-trips", {
  expect_identical(keras_variable(1, name = "\u00fcber_\u03b1")$name, "\u00fcber_\u03b1")
})

test_that("a string marked as bytes is refused with a value_error saying how to declare it", {
  name <- "caf\xe9"
  Encoding(name) <- "bytes"
  expect_bridge_error(keras_variable(1, name = name), "value_error", "bytes")
})

test_that("an invalid UTF-8 string is refused with a value_error", {
  name <- "caf\xff"
  Encoding(name) <- "UTF-8"
  expect_bridge_error(keras_variable(1, name = name), "value_error", "not valid UTF-8")
})
