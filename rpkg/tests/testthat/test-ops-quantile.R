# keras3's op_quantile(), op_median() and op_average(), compared with base R's quantile() (type 7
# is NumPy's "linear"), median() and weighted.mean().
m <- matrix(c(1, 4, 2, 8, 3, 6, 5, 7, 0, 9, 2, 10), 3)

test_that("op_quantile's linear method equals quantile(type = 7) along an axis, over all elements, and per q", {
  expect_equal(as.vector(as.array(op_quantile(m, 0.3))), unname(quantile(m, 0.3)))
  expect_equal(as.array(op_quantile(m, 0.3, axis = 1)), array(apply(m, 2, quantile, 0.3, names = FALSE)))
  expect_equal(as.array(op_quantile(m, c(0.25, 0.75), axis = 2)), apply(m, 1, quantile, c(0.25, 0.75), names = FALSE))
})

test_that("op_quantile's other methods pick or average the neighbouring sorted values, as NumPy's", {
  v <- c(10, 40, 20, 30)
  # Sorted 10 20 30 40; q = 0.4 lies at position 1.2, between 20 and 30.
  expect_equal(as.vector(as.array(op_quantile(v, 0.4, method = "lower"))), 20)
  expect_equal(as.vector(as.array(op_quantile(v, 0.4, method = "higher"))), 30)
  expect_equal(as.vector(as.array(op_quantile(v, 0.4, method = "midpoint"))), 25)
  expect_equal(as.vector(as.array(op_quantile(v, 0.4, method = "nearest"))), 20)
  expect_bridge_error(op_quantile(v, 0.4, method = "cubic"), "value_error", "method")
  expect_bridge_error(op_quantile(v, 1.5), "value_error", "[0, 1]", fixed = TRUE)
})

test_that("op_quantile reduces several axes together and keeps them with keepdims, the quantiles first", {
  cube <- array(c(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 6, 2, 6, 4), c(2, 3, 4))
  expect_equal(as.array(op_quantile(cube, 0.5, axis = c(1, 3))), array(apply(cube, 2, median)))
  expect_identical(dim(as.array(op_quantile(cube, c(0.2, 0.8), axis = c(1, 3), keepdims = TRUE))), c(2L, 1L, 3L, 1L))
  expect_identical(dim(as.array(op_quantile(1:4, array(c(0.1, 0.2, 0.3, 0.4), c(2, 2))))), c(2L, 2L))
  expect_identical(dim(as.array(op_quantile(1:4, op_array(array(0.5))))), 1L)
})

test_that("op_quantile with a matrix q gives each quantile at q's own position, as an R matrix or a tensor", {
  q <- matrix(c(0.1, 0.9, 0.5, 0.3), 2)
  expected <- array(quantile(1:5, q, names = FALSE), dim(q))
  expect_equal(as.array(op_quantile(array(as.double(1:5)), q)), expected)
  expect_equal(as.array(op_quantile(array(as.double(1:5)), op_array(q))), expected)
})

test_that("op_median equals median(), gives NaN for a reduction holding NaN and float32 for integers", {
  expect_equal(as.vector(as.array(op_median(m))), median(m))
  expect_equal(as.array(op_median(m, axis = 2)), array(apply(m, 1, median)))
  with_nan <- m
  with_nan[2, 3] <- NaN
  expect_identical(is.nan(as.vector(as.array(op_median(with_nan, axis = 1)))), c(FALSE, FALSE, TRUE, FALSE))
  expect_identical(op_dtype(op_median(1:4)), "float32")
  expect_identical(op_dtype(op_median(op_array(c(1, 2), "float32"))), "float32")
})

test_that("linear and midpoint quantiles next to an infinity are NaN, as NumPy's interpolation towards the next element gives", {
  expect_identical(as.vector(as.array(op_quantile(c(1, 2, Inf), c(0, 0.5, 1)))), c(1, NaN, NaN))
  expect_identical(as.vector(as.array(op_quantile(c(-Inf, 1), c(0, 0.5, 1), method = "midpoint"))), c(NaN, -Inf, 1))
  expect_identical(as.vector(as.array(op_quantile(c(1, 2, Inf), 0.5, method = "lower"))), 2)
  expect_identical(as.vector(as.array(op_median(c(1, 2, Inf)))), 2)
})

test_that("long lines with many ties give quantile()'s and median()'s values", {
  set.seed(42)
  x <- matrix(sample(round(rnorm(200), 1), 3 * 20001, replace = TRUE), 3)
  q <- c(0, 0.1, 0.25, 0.5, 0.9, 1)
  expect_equal(as.array(op_quantile(x, q, axis = 2)), apply(x, 1, quantile, probs = q, type = 7, names = FALSE))
  expect_identical(as.vector(as.array(op_median(x, axis = 2))), apply(x, 1, median))
  expect_identical(as.vector(as.array(op_median(c(x)))), median(c(x)))
})

test_that("op_average is the mean, or with weights weighted.mean(), along an axis with one weight per element", {
  expect_equal(as.vector(as.array(op_average(m))), mean(m))
  expect_equal(as.vector(as.array(op_average(c(1, 2, 3), weights = c(3, 1, 0)))), weighted.mean(c(1, 2, 3), c(3, 1, 0)), tolerance = 1e-6)
  w <- c(1, 2, 3, 4)
  expect_equal(as.array(op_average(m, axis = 2, weights = w)), array(apply(m, 1, weighted.mean, w)))
  expect_equal(as.vector(as.array(op_average(m, weights = m))), sum(m * m) / sum(m))
  expect_bridge_error(op_average(m, weights = w), "value_error", "`weights` must have the same shape as `x` when `axis=None`", fixed = TRUE)
})

test_that("op_average refuses weights that do not fit the axis with Keras's message, naming the axis given", {
  m <- matrix(1:6, 2)
  expect_bridge_error(op_average(m, axis = 1, weights = c(1, 1, 1)), "value_error",
                      "`weights` must have the same size as `x` at axis=1 but received `weights.shape=(3,)` while x.shape at axis=1 is `2`.", fixed = TRUE)
  expect_bridge_error(op_average(m, axis = c(1, 2), weights = c(1, 1)), "value_error", "is `multiple axes`", fixed = TRUE)
})

test_that("op_average's weight errors are one message whatever the axis", {
  m <- matrix(1:6, 2)
  expect_bridge_error(op_average(m, axis = c(1, 2), weights = c(1, 2, 3)), "value_error", "at axis=c(1, 2) but", fixed = TRUE)
  err <- tryCatch(op_average(m, axis = integer(0), weights = c(1, 2, 3)), error = identity)
  expect_length(conditionMessage(err), 1L)
  expect_match(conditionMessage(err), "axis=integer(0)", fixed = TRUE)
})

test_that("op_average with weights computes in result_type(x, weights, float), as Keras", {
  expect_identical(op_dtype(op_average(op_ones(2, "float16"), weights = op_ones(2, "uint8"))), "float16")
  expect_identical(op_dtype(op_average(op_ones(2, "int8"), weights = op_ones(2, "bfloat16"))), "bfloat16")
  expect_identical(op_dtype(op_average(op_ones(2, "int32"), weights = op_ones(2, "int32"))), "float32")
  expect_identical(op_dtype(op_average(op_ones(2, "float64"), weights = op_ones(2, "float32"))), "float64")
})

test_that("complex values are refused rather than cut to their real parts", {
  z <- op_array(c(1+2i, 3+0i), "complex64")
  expect_bridge_error(op_quantile(z, 0.5), "type_error", "`quantile` does not support dtype complex64.", fixed = TRUE)
  expect_bridge_error(op_median(z), "type_error", "`median` does not support dtype complex64.", fixed = TRUE)
  expect_bridge_error(op_average(z), "type_error", "`average` does not support dtype complex64.", fixed = TRUE)
  expect_bridge_error(op_average(c(1, 2), weights = z), "type_error", "`average` does not support", fixed = TRUE)
})

test_that("op_median and op_quantile of an empty array along its non-empty axis are empty, as NumPy's", {
  e <- array(numeric(0), c(0, 3))
  expect_identical(as.array(op_median(e, axis = 2)), array(numeric(0)))
  expect_identical(as.integer(op_shape(op_quantile(e, c(0.2, 0.5), axis = 2))), c(2L, 0L))
})

test_that("op_quantile, op_median and op_average of integers give floatx, Keras's result_type(x, float)", {
  config_set_floatx("float64")
  on.exit(config_set_floatx("float32"))
  ints <- op_ones(c(2, 3), dtype = "int32")
  expect_identical(op_dtype(op_median(ints)), "float64")
  expect_identical(op_dtype(op_quantile(ints, 0.5)), "float64")
  expect_identical(op_dtype(op_average(ints)), "float64")
  expect_identical(op_dtype(op_median(op_ones(3, dtype = "float32"))), "float32")
})

test_that("quantiles next to an infinity interpolate from the nearer side, as NumPy's, and the median is NumPy's mean of the middle", {
  f32 <- function(v) op_array(v, "float32")
  expect_identical(as.vector(as.array(op_quantile(f32(c(-Inf, 1, 2)), 0.25))), -Inf)
  expect_identical(as.vector(as.array(op_quantile(f32(c(-Inf, 1, 2)), 0.1))), NaN)
  expect_identical(as.vector(as.array(op_median(f32(c(-Inf, 1))))), -Inf)
  expect_identical(as.vector(as.array(op_median(f32(-Inf)))), -Inf)
  expect_identical(as.vector(as.array(op_quantile(f32(-Inf), 0.5))), NaN)
})

test_that("the median of no elements is NaN, as NumPy's; a quantile of them is refused", {
  expect_identical(as.vector(as.array(op_median(op_zeros(0)))), NaN)
  expect_identical(as.vector(as.array(op_median(op_zeros(c(0, 3)), axis = 1))), rep(NaN, 3))
  expect_error(op_quantile(op_zeros(0), 0.5), class = "value_error")
})

test_that("no quantiles asked are an empty result, as NumPy's", {
  expect_identical(as.integer(op_shape(op_quantile(c(1, 2, 3), numeric(0)))), 0L)
  expect_identical(as.integer(op_shape(op_quantile(matrix(1:6, 2), numeric(0), axis = 1))), c(0L, 3L))
})

test_that("op_quantile takes q as a list, the Python list keras3 hands Keras: one axis even for one quantile", {
  x <- op_array(rbind(1:3, 4:6), "float32")
  expect_equal(as.array(op_quantile(x, list(0.5), axis = 2)), matrix(c(2, 5), 1))
  expect_equal(as.array(op_quantile(x, list(0.25, 0.75))), array(quantile(1:6, c(0.25, 0.75), names = FALSE)), tolerance = 1e-6)
  expect_bridge_error(op_quantile(x, list(0.5, "a")), "value_error", "Quantiles must be in the range [0, 1]", fixed = TRUE)
})
