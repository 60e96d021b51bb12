test_that("shape() makes a shape that prints and converts", {
  s <- shape(3, NA, 4)
  expect_output(print(s), "shape(3, NA, 4)", fixed = TRUE)
  expect_identical(as.numeric(shape(2, 5)), c(2, 5))
})

test_that("tensors convert with the usual R functions", {
  t <- keras_variable(array(c(0, 1.5, 2, 3), c(2, 2)))$value
  expect_identical(as.numeric(t), c(0, 1.5, 2, 3))
  expect_identical(as.integer(t), c(0L, 1L, 2L, 3L))
  expect_identical(as.logical(t), c(FALSE, TRUE, TRUE, TRUE))
  expect_identical(dim(t), c(2L, 2L))
  expect_identical(length(t), 4L)
  expect_identical(t$numpy(), array(c(0, 1.5, 2, 3), c(2, 2)))
})

test_that("a variable's numpy() gives its value as an R array", {
  v <- keras_variable(array(1:4, c(2, 2)))
  expect_identical(v$numpy(), array(1:4, c(2, 2)))
})

test_that("str describes a tensor in one line", {
  expect_output(str(keras_variable(array(1, c(2, 2)))$value), "<Tensor> float64 [1:2, 1:2] 1 1 1 1", fixed = TRUE)
})

test_that("a scalar tensor has no dim, and its numpy() is its number, as a TensorFlow tensor's in keras3", {
  t <- keras_variable(2.5)$value
  expect_null(dim(t))
  expect_identical(t$numpy(), 2.5)
})

test_that("a 0-d tensor or variable converts as keras3's as.array(), through a NumPy 0-d array: a 1-d array of one element", {
  v <- keras_variable(2.5)
  expect_identical(as.array(v), array(2.5))
  expect_identical(as.array(v$value), array(2.5))
  expect_identical(as.array(op_sum(c(1L, 2L))), array(3L))
  expect_identical(v$numpy(), array(2.5))
  expect_identical(op_convert_to_array(op_sum(c(1, 2))), array(3))
  expect_identical(as.numeric(v), 2.5)
  expect_identical(as.vector(v), 2.5)
})

test_that("base R's functions on a 0-d variable see its number, as on an R number", {
  v <- keras_variable(3)
  expect_identical(median(v), 3)
  expect_identical(rev(v), 3)
  expect_identical(dim(gamma(v)), NULL)
  expect_true(all.equal(v, 3))
})

test_that("tensors are immutable: changing one makes a new one", {
  a <- keras_variable(array(0, c(2, 2)))$value
  b <- a
  b@r[1, 1] <- 1
  expect_identical(as.array(a), array(0, c(2, 2)))
  expect_identical(as.array(b)[1, 1], 1)
})

test_that("an empty tensor of many slices prints in one line, not one per slice", {
  empty <- keras_variable(array(0L, c(0, 3, 1e6)))
  expect_identical(strsplit(format(empty), "\n")[[1]][2], "<0 x 3 x 1000000 array of integer>")
  expect_output(print(keras_variable(array(1, c(1e6, 0)))), "<1000000 x 0 array of double>", fixed = TRUE)
})

test_that("a plain list converts as Keras converts the Python list keras3 makes of it: stacked, in the leaves' result type", {
  expect_identical(op_dtype(op_convert_to_tensor(list(1, 2, 3))), "float32")
  expect_identical(op_dtype(op_convert_to_tensor(list(1L, 2L))), "int32")
  mixed <- op_convert_to_tensor(list(1, op_array(2, "float64"), 3))
  expect_identical(op_dtype(mixed), "float64")
  expect_identical(as.vector(as.array(mixed)), c(1, 2, 3))
  expect_identical(op_dtype(op_convert_to_tensor(list(1L, op_array(2L, "int8")))), "int8")
  nested <- op_convert_to_tensor(list(c(1, 2), c(3, 4)))
  expect_identical(as.array(nested), rbind(c(1, 2), c(3, 4)))
  expect_identical(as.array(op_convert_to_tensor(list(list(1, 2), list(3, 4)))), rbind(c(1, 2), c(3, 4)))
  expect_identical(op_shape(op_convert_to_tensor(list())), shape(0))
  expect_identical(op_dtype(op_convert_to_tensor(list(1, 2), dtype = "int16")), "int16")
})

test_that("keras_variable() takes a plain list as its value, as Keras's Variable takes a Python list", {
  v <- keras_variable(list(1, 2))
  expect_identical(v$dtype, "float32")
  expect_identical(as.vector(as.array(v)), c(1, 2))
})

test_that("ops take plain lists where Keras takes Python lists", {
  # Keras's math_test test_logsumexp_list_input.
  expect_equal(as.vector(as.array(op_logsumexp(list(c(1, 2), c(3, 4))))), log(sum(exp(1:4))), tolerance = 1e-6)
  expect_identical(as.array(op_one_hot(list(0, 1, 2), 3, zero_indexed = TRUE)), diag(1, 3))
})

test_that("a list nested deeper than a tensor's 64 axes is a value_error in a session that goes on, not a stack overflow", {
  child <- run_child("deep_list")
  expect_equal(child$status, 0, info = child$stderr)
  lines <- trimws(strsplit(child$stdout, "\n")[[1]])
  expect_true("value_error/kerasbridge_error" %in% lines, info = child$stdout)
  expect_true("alive" %in% lines)
})

test_that("a list whose elements differ in shape, or hold text, is refused with a classed error", {
  expect_bridge_error(op_convert_to_tensor(list(1, c(2, 3))), "value_error", "differ in shape")
  expect_bridge_error(op_convert_to_tensor(list("a")), "type_error", "Cannot convert")
})

test_that("a tensor of more than 1000 elements prints summarised as NumPy does, each position labelled", {
  x <- op_reshape(op_arange(1, 3000), c(1000, 3))
  lines <- capture.output(print(x))
  expect_identical(lines[2:8], c("        [,1] [,2] [,3]",
                                 "[1,]       1    2    3",
                                 "[2,]       4    5    6",
                                 "[3,]       7    8    9",
                                 "[998,]  2992 2993 2994",
                                 "[999,]  2995 2996 2997",
                                 "[1000,] 2998 2999 3000"))
  expect_match(lines[[9L]], "3,000 elements: the first and last 3 positions of each axis longer than 6", fixed = TRUE)
  expect_length(capture.output(print(op_ones(c(10, 3)))), 12L)
})

test_that("a wide tensor prints its first and last columns, not a header per column", {
  lines <- capture.output(print(op_zeros(c(3, 2000))))
  expect_length(lines, 6L)
  expect_identical(lines[[2L]], "     [,1] [,2] [,3] [,1998] [,1999] [,2000]")
})

test_that("a large vector prints its first and last three elements, labelled with their positions", {
  x <- op_arange(1, 1e6)
  lines <- capture.output(print(x))
  expect_identical(trimws(lines[[3L]]), "1         2         3    999998    999999   1000000")
})

test_that("print() takes digits as for an R array, and int32's least value prints as the number", {
  expect_identical(capture.output(print(op_array(c(1 / 3, 2 / 3)), digits = 3))[[2L]], "[1] 0.333 0.667")
  expect_identical(capture.output(print(op_cast(op_array(-2147483648, "float64"), "int32")))[[2L]], "[1] -2147483648")
})

test_that("64-bit integers beyond 2^53 print and convert to text by their digits, which R's doubles round", {
  big <- op_add(op_array(2^53, "int64"), op_array(1L, "int64"))
  expect_identical(capture.output(print(big))[[2L]], "[1] 9007199254740993")
  expect_identical(as.character(big), "9007199254740993")
  largest <- op_subtract(op_zeros(2, "uint64"), op_ones(2, "uint64"))
  expect_identical(as.character(largest), rep("18446744073709551615", 2))
  expect_identical(as.character(op_array(c(1.5, 2))), c("1.5", "2"))
  expect_identical(capture.output(print(op_array(c(1, 2), "int64")))[[2L]], "[1] 1 2")
})

test_that("64-bit integers print by their digits, never in R's scientific notation", {
  expect_identical(capture.output(print(op_array(2^40, "int64")))[[2L]], "[1] 1099511627776")
  expect_identical(as.character(op_array(c(1e5, 7), "uint64")), c("100000", "7"))
  expect_identical(capture.output(print(op_array(integer(0), "int64")))[[2L]], "numeric(0)")
})


test_that("int32's least value is R's NA_integer_, as reticulate reads it, and prints as the number NumPy shows", {
  x <- op_array(c(-2147483647L, 1L), "int32") - 1L
  expect_identical(as.array(x), array(c(NA, 0L)))
  expect_identical(as.array(op_cast(x, "float64")), array(c(-2147483648, 0)))
  expect_output(print(x), "-2147483648")
  v <- keras_variable(c(NA, 2L))
  expect_identical(as.array(v), array(c(NA, 2L)))
})
