x <- array(c(1, 4, 2, 8, 3, 6), c(2, 3))
a <- array(as.double(1:24), c(2, 3, 4))
v <- keras_variable(x)

test_that("op_sum of every element equals sum()", {
  expect_identical(as.vector(as.array(op_sum(v))), sum(x))
})

test_that("axis is 1-based: op_sum(axis = 1) reduces the rows, giving one value per column, as colSums", {
  expect_identical(as.array(op_sum(v, axis = 1)), array(colSums(x), 3))
  expect_identical(as.array(op_sum(v, axis = 2)), array(rowSums(x), 2))
  expect_identical(as.array(op_sum(v, axis = -1)), array(rowSums(x), 2))
})

test_that("several axes reduce together, as apply() over the axes kept", {
  expect_identical(as.array(op_sum(a, axis = c(1, 3))), array(apply(a, 2, sum), 3))
  expect_identical(as.array(op_max(a, axis = c(2, 3))), array(apply(a, 1, max), 2))
})

test_that("an empty axis reduces over no axis, as Keras's axis=() (numpy_test.py's test_sum, test_mean, ...)", {
  x <- op_array(rbind(c(1, 2, 3), c(3, 2, 1)), "int64")
  expect_identical(as.array(op_sum(x, axis = integer(0))), as.array(x))
  expect_identical(op_dtype(op_sum(x, axis = list())), "int64")
  expect_identical(as.array(op_max(x, axis = list())), as.array(x))
  expect_identical(as.array(op_mean(x, axis = integer(0))), as.array(op_cast(x, "float32")))
  expect_identical(as.array(op_any(x, axis = integer(0))), array(TRUE, c(2, 3)))
  expect_identical(as.array(op_var(x, axis = integer(0))), array(0, c(2, 3)))
  expect_identical(as.array(keras$ops$prod(x, axis = list())), as.array(x))
})

test_that("keepdims keeps the reduced axes with length 1", {
  expect_identical(dim(as.array(op_mean(v, axis = 2, keepdims = TRUE))), c(2L, 1L))
  expect_identical(as.array(op_mean(v, axis = 2, keepdims = TRUE)), array(rowMeans(x), c(2, 1)))
})

test_that("op_mean, op_max, op_min and op_prod equal base R", {
  expect_equal(as.vector(as.array(op_mean(v))), mean(x))
  expect_identical(as.array(op_max(v, axis = 1)), array(apply(x, 2, max), 3))
  expect_identical(as.array(op_min(v, axis = 2)), array(apply(x, 1, min), 2))
  expect_identical(as.array(op_prod(v, axis = 1)), array(apply(x, 2, prod), 3))
})

test_that("op_var and op_std are population figures: R's var() and sd() times (n - 1) / n", {
  n <- length(x)
  expect_equal(as.vector(as.array(op_var(v))), var(as.vector(x)) * (n - 1) / n)
  expect_equal(as.vector(as.array(op_std(v))), sd(as.vector(x)) * sqrt((n - 1) / n))
})

test_that("op_any and op_all count non-zero as TRUE", {
  expect_identical(as.array(op_any(v > 7, axis = 1)), array(apply(x > 7, 2, any), 3))
  expect_identical(as.array(op_all(array(c(1, 0, 2, 3), c(2, 2)), axis = 1)), array(c(FALSE, TRUE), 2))
})

test_that("op_count_nonzero counts as colSums(x != 0), in int32", {
  z <- array(c(0, 1, 2, 0, 0, 3), c(2, 3))
  result <- op_count_nonzero(z, axis = 1)
  expect_identical(result$dtype, "int32")
  expect_identical(as.array(result), array(as.integer(colSums(z != 0)), 3))
})

test_that("op_logsumexp equals log(sum(exp(x))) and does not overflow", {
  expect_equal(as.vector(as.array(op_logsumexp(v))), log(sum(exp(x))))
  expect_equal(as.vector(as.array(op_logsumexp(array(c(1000, 1000), 2)))), 1000 + log(2))
})

test_that("result dtypes follow Keras", {
  ints <- array(1:6, c(2, 3))
  expect_identical(op_sum(ints)$dtype, "int32")
  expect_identical(op_mean(ints)$dtype, "float32")
  expect_identical(op_std(ints)$dtype, "float32")
  expect_identical(op_sum(array(TRUE, 3))$dtype, "int32")
  expect_identical(op_max(op_cast(ints, "int8"))$dtype, "int8")
  expect_identical(op_sum(c(1, 2))$dtype, "float32")
})

test_that("op_max and op_min give NaN where a reduced element is NaN, as max() and min()", {
  y <- array(c(1, NaN, 3, 4), c(2, 2))
  expect_identical(as.array(op_max(y, axis = 1)), array(c(NaN, 4), 2))
})

test_that("op_max with initial is at least initial, and op_prod computes in dtype", {
  expect_identical(as.vector(as.array(op_max(v, initial = 100))), 100)
  expect_identical(as.array(op_min(v, axis = 1, initial = 2)), array(c(1, 2, 2), 3))
  expect_identical(op_prod(array(1:5, 5), dtype = "float32")$dtype, "float32")
})

test_that("op_prod(dtype =) gives narrow integer and bool dtypes themselves, wrapping as NumPy's prod(dtype=)", {
  expect_identical(op_dtype(op_prod(op_ones(2, "int8"), dtype = "int8")), "int8")
  expect_identical(op_dtype(op_prod(op_ones(2, "float32"), dtype = "uint8")), "uint8")
  expect_identical(as.vector(as.array(op_prod(op_array(c(10L, 30L)), dtype = "int8"))), 44L)
  expect_identical(as.vector(as.array(op_prod(op_array(c(2, 0.5)), dtype = "bool"))), TRUE)
  expect_identical(as.vector(as.array(op_prod(op_array(c(2, 0)), dtype = "bool"))), FALSE)
  expect_identical(op_dtype(op_prod(op_ones(2, "int8"))), "int32")
})

test_that("op_max and op_min of no elements give initial, as NumPy's initial does", {
  expect_identical(as.vector(as.array(op_max(op_zeros(0), initial = 10))), 10)
  expect_identical(as.array(op_min(op_zeros(c(2, 0)), axis = 2, initial = -1)), array(c(-1, -1), 2))
  expect_identical(as.array(op_max(matrix(1:6, 2), axis = 1, initial = 4L)), array(c(4L, 4L, 6L), 3))
  expect_identical(as.vector(as.array(op_min(op_array(5), initial = 3))), 3)
  expect_identical(op_dtype(op_max(op_array(c(1, 2), "float32"), initial = 5)), "float32")
  expect_bridge_error(op_max(v, axis = 3, initial = 1), "value_error", "out of bounds")
})

test_that("a scalar's maximum with initial stays a scalar under keepdims, as NumPy's", {
  expect_identical(as.integer(op_shape(op_max(op_array(3, "float32"), keepdims = TRUE, initial = 5))), integer())
  expect_identical(as.vector(as.array(op_min(op_array(3, "float32"), keepdims = TRUE, initial = 5))), 3)
})

test_that("axis = 0 is keras3's error, as a classed value_error", {
  expect_bridge_error(op_sum(v, axis = 0), "value_error", "`axis` argument is 1 based, received 0", fixed = TRUE)
})

test_that("an axis out of range says so in R's 1-based terms", {
  expect_bridge_error(op_mean(v, axis = 3), "value_error", "axis 3 is out of bounds for a tensor of rank 2: its axes are 1 to 2 (or -2 to -1).", fixed = TRUE)
  expect_bridge_error(op_mean(v, axis = -3), "value_error", "out of bounds")
})

test_that("an axis that is not whole numbers is a type_error", {
  expect_bridge_error(op_sum(v, axis = 1.5), "type_error", "Argument `axis` must be NULL or whole numbers. Received: axis=1.5", fixed = TRUE)
  expect_bridge_error(op_sum(v, axis = "rows"), "type_error", "axis")
  expect_bridge_error(op_sum(v, axis = NA), "type_error", "axis")
})

test_that("an integer tensor names the axes its values name, as keras3 reads it with as.integer()", {
  x <- op_array(array(as.numeric(1:24), c(2, 3, 4)), "float32")
  expect_identical(as.array(op_sum(x, axis = op_array(2L))), as.array(op_sum(x, axis = 2L)))
  expect_identical(as.array(op_max(x, axis = op_array(c(-1L, 1L), "int64"))), as.array(op_max(x, axis = c(-1L, 1L))))
  expect_identical(as.array(op_mean(x, axis = list(op_array(3L), 1L))), as.array(op_mean(x, axis = c(3L, 1L))))
  expect_identical(as.array(op_prod(x, axis = op_array(integer(0)))), as.array(x))
  expect_identical(as.array(op_argmax(x, axis = keras_variable(2L, dtype = "int32"))), as.array(op_argmax(x, axis = 2L)))
})

test_that("an axis tensor is checked as a number is", {
  x <- op_ones(c(2, 3))
  expect_bridge_error(op_sum(x, axis = op_array(0L)), "value_error", "1 based, received 0")
  expect_bridge_error(op_sum(x, axis = op_array(3L)), "value_error", "axis 3 is out of bounds for a tensor of rank 2", fixed = TRUE)
  expect_bridge_error(op_sum(x, axis = op_array(1.5)), "type_error", "Argument `axis` must be NULL or whole numbers", fixed = TRUE)
  expect_bridge_error(op_sum(x, axis = op_array(TRUE)), "type_error", "axis")
})

test_that("op_expand_dims counts the axes an integer tensor names, and the least int64 axis is out of bounds", {
  expect_identical(dim(op_expand_dims(op_ones(3), op_array(c(1L, 3L)))), c(1L, 3L, 1L))
  expect_bridge_error(op_sum(op_ones(c(2, 2)), axis = op_array(-2^63, "int64")), "value_error", "axis -9223372036854775808 is out of bounds", fixed = TRUE)
})

test_that("a repeated axis is a value_error", {
  expect_bridge_error(op_sum(v, axis = c(2, -1)), "value_error", "duplicate value in 'axis'", fixed = TRUE)
})

test_that("op_max of nothing is NumPy's value_error", {
  expect_bridge_error(op_max(array(numeric(), 0)), "value_error", "zero-size array to reduction operation maximum which has no identity", fixed = TRUE)
})

test_that("op_cast converts dtypes, truncating floats to integers", {
  expect_identical(as.array(op_cast(array(c(1.7, -2.7), 2), "int32")), array(c(1L, -2L), 2))
  expect_identical(op_cast(v, "float16")$dtype, "float16")
  expect_bridge_error(op_cast(v, "float99"), "value_error")
})

test_that("reductions leave the variable they read unchanged", {
  w <- keras_variable(x)
  invisible(op_sum(w, axis = 1))
  expect_identical(as.array(w), x)
})

test_that("axes given as a list are the vector of them, as keras3's as_axis() maps over lists", {
  x <- array(1:24, c(2, 3, 4))
  expect_identical(as.array(op_sum(x, axis = list(1, 2))), as.array(op_sum(x, axis = c(1, 2))))
  expect_identical(dim(as.array(op_transpose(x, axes = list(3, 1, 2)))), c(4L, 2L, 3L))
  expect_bridge_error(op_sum(x, axis = list(1, "a")), "type_error")
})

test_that("op_logsumexp of no elements is -Inf, the log of an empty sum", {
  e <- array(numeric(0), c(0, 3))
  expect_identical(as.vector(as.array(op_logsumexp(e))), -Inf)
  expect_identical(as.array(op_logsumexp(e, axis = 1)), array(rep(-Inf, 3)))
})

test_that("op_var and op_std of complex numbers are the mean of Mod(x - mean)^2 and its root, as TensorFlow gives them", {
  z <- c(1 + 1i, 2 - 1i, 0 + 3i)
  expect_equal(as.vector(as.array(op_var(op_array(z)))), mean(Mod(z - mean(z))^2) + 0i)
  expect_identical(op_dtype(op_var(op_array(z))), "complex128")
  expect_equal(as.vector(as.array(op_std(op_array(z)))), sqrt(mean(Mod(z - mean(z))^2)))
  expect_identical(op_dtype(op_std(op_cast(op_array(z), "complex64"))), "float32")
  m <- rbind(z, Conj(z))
  expect_equal(as.vector(as.array(op_std(op_array(m), axis = 2))), rep(sqrt(mean(Mod(z - mean(z))^2)), 2))
})

test_that("op_var and op_std of integers and bools give floatx; floats keep their dtype", {
  config_set_floatx("float64")
  on.exit(config_set_floatx("float32"))
  ints <- op_ones(c(2, 3), dtype = "int32")
  expect_identical(op_var(ints)$dtype, "float64")
  expect_identical(op_std(ints)$dtype, "float64")
  expect_identical(op_var(op_ones(2, dtype = "bool"))$dtype, "float64")
  expect_identical(op_var(op_ones(2, dtype = "float16"))$dtype, "float16")
  expect_identical(op_mean(ints)$dtype, "float32")
})
