# shape() as keras3's (rstudio/keras3 R/shape.R): unknown dimensions, splicing, shapes of things.
test_that("shape() is keras3's list of class keras_shape", {
  expect_identical(shape(NULL, 28), structure(list(NULL, 28L), class = "keras_shape"))
  expect_identical(format(shape(2, NA), prefix = FALSE), "(2, NA)")
})

test_that("NULL, NA and -1 are unknown dimensions, stored as NULL and printed as NA", {
  for (s in list(shape(NULL, 28), shape(NA, 28), shape(-1, 28))) {
    expect_output(print(s), "shape(NA, 28)", fixed = TRUE)
    expect_null(s[[1]])
    expect_identical(s[[2]], 28L)
    expect_identical(as.integer(s), c(NA, 28L))
  }
})

test_that("shapes of tensors, variables and R arrays are their dimensions", {
  expect_identical(as.integer(shape(keras_variable(array(0, c(2, 3))))), c(2L, 3L))
  expect_identical(as.integer(shape(op_ones(c(4, 5)))), c(4L, 5L))
  expect_identical(as.integer(shape(array(0, c(2, 5)))), c(2L, 5L))
  expect_identical(as.integer(shape(matrix(0, 3, 1))), c(3L, 1L))
})

test_that("a 0-d integer tensor is a dimension; op_shape gives its own shape", {
  expect_identical(as.integer(shape(op_convert_to_tensor(2L), 3)), c(2L, 3L))
  expect_identical(length(op_shape(op_convert_to_tensor(2L))), 0L)
})

test_that("a tensor or variable in I() gives its own shape, as keras3 documents", {
  expect_identical(shape(I(op_convert_to_tensor(2L))), shape())
  expect_identical(shape(I(op_ones(c(2, 3)))), shape(2, 3))
  expect_identical(shape(I(keras_variable(op_zeros(4))), 5), shape(4, 5))
  expect_identical(shape(I(3)), shape(3))
})

test_that("shape(I(x)) does not pass on I()'s warning that the tensor lost its S4 class", {
  x <- op_convert_to_tensor(2L)
  expect_no_warning(shape(I(x)))
  expect_warning(shape(I(x), {warning("another"); 3}), "another")
})

test_that("shapes and vectors splice together", {
  s <- shape(3, 4)
  expect_identical(as.integer(shape(s, 5)), c(3L, 4L, 5L))
  expect_identical(as.integer(shape(1, s, c(6, 7))), c(1L, 3L, 4L, 6L, 7L))
  expect_identical(as.integer(shape(op_zeros(c(2, 2)), 8)), c(2L, 2L, 8L))
  expect_identical(length(shape()), 0L)
})

test_that("shapes compare whole with == and !=", {
  expect_true(shape(3, 4) == shape(3, 4))
  expect_true(shape(3, 4) == c(3, 4))
  expect_false(shape(3, 4) == shape(4, 3))
  expect_true(shape(3, 4) != shape(3))
  expect_true(shape(NA, 2) == shape(NULL, 2))
  expect_bridge_error(shape(3) + 1, "type_error", "only `==` and `!=`")
})

test_that("length is the rank, prod the element count, max and min the extremes", {
  s <- shape(2, 3, 4)
  expect_identical(length(s), 3L)
  expect_identical(prod(s), 24)
  expect_identical(max(s), 4L)
})

test_that("[ keeps the class, [[ and as.list give plain values", {
  s <- shape(2, NA, 4)
  expect_s3_class(s[2:3], "keras_shape")
  expect_output(print(s[c(1, 3)]), "shape(2, 4)", fixed = TRUE)
  expect_identical(s[[3]], 4L)
  expect_identical(as.list(s), list(2L, NULL, 4L))
  expect_s3_class(s, "keras_shape")
})

test_that("a shape with unknown dimensions goes where keras3 takes one", {
  expect_identical(as.integer(keras_variable(initializer_zeros(), shape = shape(2, 3))$shape), c(2L, 3L))
})

test_that("a 1-d array stands for its dim(), as keras3's shape() reads every array, and a vector holds sizes", {
  expect_identical(as.integer(shape(array(c(2, 3)))), 2L)
  expect_identical(as.integer(shape(as.array(op_array(c(1, 2, 3))))), 3L)
  expect_identical(as.integer(shape(list(array(1:4), 5))), c(4L, 5L))
  expect_identical(as.integer(shape(c(2, 3))), c(2L, 3L))
})

test_that("a shape given as a list takes scalar integer tensors among its dimensions, as keras3 passes them to Keras", {
  expect_identical(random_normal(list(op_array(2L), 3), seed = 1)$shape, shape(2, 3))
  expect_identical(keras_variable("ones", shape = list(op_array(3L)))$shape, shape(3))
  expect_error(op_zeros(list(op_array(2.5), 2)), class = "value_error", regexp = "invalid dimension '<kerasbridge_tensor>")
})

test_that("a 1-D integer tensor given as a shape is its values, as keras3's normalize_shape() passes its tuple", {
  sizes <- op_array(c(1L, 2L, 3L))
  expect_identical(op_shape(random_normal(sizes)), shape(1, 2, 3))
  expect_identical(op_shape(op_zeros(sizes)), shape(1, 2, 3))
  expect_identical(op_shape(op_full(op_array(c(2L, 2L), "int64"), 7)), shape(2, 2))
})

test_that("a uint64 shape beyond the 64-bit signed integers is refused, not wrapped to a negative size", {
  expect_bridge_error(op_zeros(op_array(c(1.8e19, 1), "uint64")), "value_error", "within the 64-bit integers")
})

test_that("shape() coerces strings of numbers and flags as keras3's as.integer() does, and refuses fractions and words", {
  expect_identical(shape("3"), shape(3))
  expect_identical(shape(TRUE, 2), shape(1, 2))
  expect_error(shape(2.7), class = "value_error")
  expect_error(shape("a"), "Found invalid dimension 'a'", class = "value_error")
  # Keras's test_standardize_shape_with_string: the dimension shown as Python shows a string.
  expect_error(keras_variable("ones", shape = list(3, 4, "5")), "Found invalid dimension '5'.", fixed = TRUE)
})

test_that("a tensor's shape answers TensorShape's as_list() and rank, as keras3 users read them", {
  x <- op_array(array(0, c(2, 3, 4)))
  expect_identical(x$shape$as_list(), c(2L, 3L, 4L))
  expect_identical(x$shape$rank, 3L)
  expect_identical(shape(NA, 8)$as_list(), list(NULL, 8L))
  expect_error(x$shape$foo, class = "attribute_error")
})

test_that("a string that is not valid UTF-8 in shape() is a value_error, as the engine words it", {
  bytes <- rawToChar(as.raw(c(0xff, 0xfe)))
  expect_bridge_error(shape(bytes), "value_error", "not valid UTF-8")
  expect_bridge_error(as_tensor(1:4, shape = bytes), "value_error", "not valid UTF-8")
})

test_that("lists nested deeper than a shape's 64 axes are a value_error, not an overflow of R's C stack", {
  deep <- function(n) { x <- 1; for (i in seq_len(n)) x <- list(x); x }
  expect_bridge_error(shape(deep(5000)), "value_error", "at most 64")
  expect_bridge_error(as_tensor(1:4, shape = deep(5000)), "value_error", "at most 64")
})
