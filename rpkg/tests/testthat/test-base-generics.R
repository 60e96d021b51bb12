# Base R's functions on tensors and variables, compared with base R on the same array.
m <- array(c(1, 4, 9, 16, 25, 36), c(2, 3))
v <- keras_variable(m)

# A tensor result as the R value base R gives (a 1-D tensor is a plain vector).
as_r <- function(x) {
  a <- as.array(x)
  if (length(dim(a)) == 1L) as.vector(a) else a
}

test_that("trunc() keeps an integer or bool tensor's dtype, as op_trunc()", {
  expect_identical(trunc(op_array(c(-2L, 3L), "int8"))$dtype, "int8")
  expect_identical(trunc(op_array(c(TRUE, FALSE)))$dtype, "bool")
  expect_identical(as.vector(as.array(trunc(op_array(c(-2.5, 3.7), "float32")))), c(-2, 3))
})

test_that("Math functions give tensors with base R's values", {
  for (f in list(sqrt, exp, log, log2, log10, log1p, expm1, floor, ceiling, trunc, sign, abs,
                 sin, cos, tan, sinh, cosh, tanh, gamma, lgamma, digamma)) {
    result <- f(v)
    expect_s4_class(result, "kerasbridge_tensor")
    expect_equal(as_r(result), f(m), tolerance = 1e-12)
  }
  unit <- keras_variable(array(c(-0.5, 0, 0.5, 0.9), c(2, 2)))
  for (f in list(asin, acos, atan, sinpi, cospi))
    expect_equal(as_r(f(unit)), f(as.array(unit)), tolerance = 1e-12)
})

test_that("log takes a base, signif digits", {
  expect_equal(as_r(log(v, 3)), log(m, 3))
  expect_equal(as_r(signif(v * 1.23456, 2)), signif(m * 1.23456, 2))
  expect_equal(as_r(round(v / 7, 2)), round(m / 7, 2))
})

test_that("signif() of a complex tensor keeps its imaginary part and dtype, as base R", {
  z <- op_array(c(1.234 + 5.678i, -2.345 - 0.0123i), dtype = "complex128")
  result <- signif(z, 2)
  expect_identical(op_dtype(result), "complex128")
  expect_equal(as_r(result), signif(c(1.234 + 5.678i, -2.345 - 0.0123i), 2))
})

test_that("Math functions keep a float32 tensor float32", {
  expect_identical(op_dtype(sqrt(op_array(m, "float32"))), "float32")
  expect_identical(op_dtype(gamma(op_array(m, "float32"))), "float32")
})

test_that("Math functions at their poles give NaN or Inf without R's warning, as keras3's tensor methods", {
  expect_no_warning(poles <- c(as_r(gamma(op_array(-1))), as_r(digamma(op_array(0)))))
  expect_true(all(is.nan(poles) | is.infinite(poles)))
})

test_that("Math functions base R lacks for complex numbers are a classed error naming the dtype", {
  expect_bridge_error(gamma(op_convert_to_tensor(1 + 2i)), "type_error", "gamma() does not support a tensor of dtype complex128", fixed = TRUE)
  expect_bridge_error(digamma(op_convert_to_tensor(array(1i, 2), "complex64")), "type_error", "complex64")
})

test_that("cumulative functions run in R's element order into a 1-D tensor", {
  expect_equal(as_r(cumsum(v)), cumsum(m))
  expect_equal(as_r(cumprod(v)), cumprod(m))
  expect_equal(as_r(cummax(keras_variable(array(c(3, 1, 4, 1, 5, 9), c(3, 2))))), cummax(c(3, 1, 4, 1, 5, 9)))
  expect_equal(as_r(cummin(v)), cummin(m))
})

test_that("cummax() and cummin() keep the tensor's dtype and every digit of int64", {
  big <- op_add(op_full(3, 2^53, "int64"), op_array(c(1L, 3L, 2L), "int64"))
  expect_identical(as.character(cummax(big)), c("9007199254740993", "9007199254740995", "9007199254740995"))
  expect_identical(as.character(cummin(big)), rep("9007199254740993", 3))
  expect_identical(op_dtype(cummax(op_array(c(2L, 5L, 1L)))), "int32")
  expect_identical(as_r(cummin(op_array(c(3, NaN, 1)))), cummin(c(3, NaN, 1)))
  expect_error(cummax(op_array(1i)), class = "type_error")
})

test_that("Summary functions reduce to 0-d tensors with base R's values", {
  for (f in list(sum, prod, max, min)) {
    result <- f(v)
    expect_s4_class(result, "kerasbridge_tensor")
    expect_identical(as.integer(unlist(result$shape)), integer())
    expect_equal(as.vector(as.array(result)), f(m))
  }
  expect_equal(as_r(range(v)), range(m))
  expect_true(as.array(any(v > 20)))
  expect_false(as.array(all(v > 20)))
  expect_equal(as.vector(as.array(sum(v, v$value))), sum(m, m))
  expect_equal(as.vector(as.array(max(v, 100))), 100)
})

test_that("Summary functions reduce along keras3's 1-based axis, keeping dims when asked, instead of reducing the options as data", {
  expect_equal(as_r(sum(v, axis = 1)), colSums(m))
  expect_equal(as_r(max(v, axis = 2)), apply(m, 1, max))
  expect_equal(as_r(min(v, axis = -1)), apply(m, 1, min))
  expect_equal(as_r(prod(v, axis = 1)), apply(m, 2, prod))
  expect_identical(as.integer(unlist(sum(v, keepdims = TRUE)$shape)), c(1L, 1L))
  expect_equal(as.array(sum(v, keepdims = TRUE)), array(sum(m), c(1, 1)))
  expect_identical(as.vector(as.array(any(v > 20, axis = 2))), c(TRUE, TRUE))
  expect_identical(as.vector(as.array(all(v > 3, axis = 1))), c(FALSE, TRUE, TRUE))
  expect_equal(as_r(sum(keras_variable(c(1, NaN, 3)), axis = 1, na.rm = TRUE)), 4)
  expect_equal(as_r(range(v, axis = 1)), rbind(apply(m, 2, min), apply(m, 2, max)))
  expect_identical(as.integer(op_shape(range(v, axis = 2, keepdims = TRUE))), c(2L, nrow(m), 1L))
  expect_bridge_error(sum(v, v, axis = 1), "value_error", "Received: 2 values")
})

test_that("a Summary function's keepdims must be TRUE or FALSE, as the ops take it", {
  expect_bridge_error(sum(v, axis = 1, keepdims = NA), "type_error", "keepdims=NA")
  expect_bridge_error(max(v, axis = 1, keepdims = "yes"), "type_error", "keepdims")
})

test_that("na.rm skips NaN in sums, extremes and means", {
  with_nan <- keras_variable(c(1, NaN, 3))
  expect_true(is.nan(as.array(sum(with_nan))))
  expect_equal(as.vector(as.array(sum(with_nan, na.rm = TRUE))), 4)
  expect_equal(as.vector(as.array(max(with_nan, na.rm = TRUE))), 3)
  expect_equal(as.vector(as.array(mean(with_nan, na.rm = TRUE))), 2)
})

test_that("mean gives base R's mean, and keras3's axis and keepdims", {
  expect_equal(as.vector(as.array(mean(v))), mean(m))
  expect_equal(as_r(mean(v, axis = 1)), colMeans(m))
  expect_equal(as_r(mean(v, axis = 2)), rowMeans(m))
  expect_identical(as.integer(unlist(mean(v, axis = 2, keepdims = TRUE)$shape)), c(2L, 1L))
  expect_bridge_error(mean(v, trim = 0.1), "value_error", "trim")
})

test_that("t transposes a matrix and aperm rearranges any axes, as base R does", {
  expect_identical(as_r(t(v)), t(m))
  cube <- array(1:24, c(2, 3, 4))
  expect_identical(as_r(aperm(op_array(cube))), aperm(cube))
  expect_identical(as_r(aperm(op_array(cube), c(2, 3, 1))), aperm(cube, c(2, 3, 1)))
})

test_that("t of more than two axes reverses them, as keras3's t() (op_transpose) does", {
  cube <- array(1:24, c(2, 3, 4))
  expect_identical(as.array(t(op_array(cube))), aperm(cube))
})

test_that("[[ takes elements as base R's [[ on the array, and a name as $", {
  m <- matrix(1:6, 2)
  x <- op_array(m)
  expect_identical(as.vector(as.array(x[[4]])), m[[4]])
  expect_identical(as.vector(as.array(x[[2, 3]])), m[[2, 3]])
  expect_identical(op_shape(x[[1]]), shape())
  expect_identical(x[["dtype"]], "int32")
  expect_identical(keras_variable(m)[["shape"]], shape(2, 3))
  expect_bridge_error(x[[7]], "index_error", "out of bounds")
  expect_bridge_error(x[[0]], "value_error", "positive position")
  expect_bridge_error(x[[c(1, 2)]], "value_error", "positive position")
})

test_that("[[ with no position, or with names that are not one field, is a value_error", {
  x <- op_array(matrix(1:6, 2))
  expect_bridge_error(x[[]], "value_error", "Received: an empty position")
  expect_bridge_error(x[[, 1]], "value_error", "Received: an empty position")
  # Base R refuses m[[2, ]]: it is not m[[2]].
  expect_bridge_error(x[[2, ]], "value_error", "Received: an empty position")
  expect_bridge_error(x[[character(0)]], "value_error", "character\\(0\\)")
})

test_that("cbind and rbind join tensors, R arrays and vectors as base R joins matrices", {
  a <- matrix(1:4, 2)
  b <- matrix(5:8, 2)
  expect_identical(as_r(cbind(op_array(a), b)), cbind(a, b))
  expect_identical(as_r(rbind(op_array(a), op_array(b), NULL)), rbind(a, b))
  expect_identical(as_r(cbind(op_array(a), op_array(9:10))), cbind(a, 9:10))
  expect_identical(as_r(rbind(op_array(a), op_array(9:10))), rbind(a, 9:10))
  expect_identical(op_dtype(cbind(op_array(a, "int32"), op_array(b, "float32"))), "float32")
  expect_bridge_error(cbind(op_array(array(1:8, c(2, 2, 2))), a), "value_error", "op_concatenate")
})

test_that("t of a vector or a number leaves it as it is, as keras3's t() (op_transpose) does", {
  x <- keras_variable(c(1, 2, 3))
  expect_identical(op_shape(t(x)), shape(3))
  expect_identical(op_shape(t(op_array(5, "float64"))), shape())
  # keras3's %*% is op_matmul: a vector times itself is their inner product.
  expect_identical(as.vector(as.array(x %*% t(x))), 14)
})

test_that("a 0-d tensor beside a matrix of one row or column multiplies as R's number does in %*%", {
  a <- op_array(2, "float64")
  b <- op_array(3, "float64")
  expect_identical(as.array(a %*% op_reshape(b, c(1, 1))), 2 %*% t(3))
  expect_identical(as.array(a %*% op_array(matrix(c(1, 2, 3), 1), "float64")), 2 %*% matrix(c(1, 2, 3), 1))
  expect_bridge_error(a %*% op_array(matrix(1, 2, 2), "float64"), "value_error", "enough dimensions")
})

test_that("Re, Im, Mod, Arg and Conj are op_real, op_imag, op_abs, op_angle and op_conj", {
  z <- complex(real = c(3, -1), imaginary = c(4, 0))
  x <- op_array(array(z))
  expect_equal(as.vector(as.array(Re(x))), Re(z))
  expect_equal(as.vector(as.array(Im(x))), Im(z))
  expect_equal(as.vector(as.array(Mod(x))), Mod(z))
  expect_equal(as.vector(as.array(Arg(x))), Arg(z))
  expect_equal(as.vector(as.array(Conj(x))), Conj(z))
  expect_equal(as.vector(as.array(Arg(op_array(c(-1, 2))))), c(pi, 0), tolerance = 1e-6)
})

test_that("apply and other functions that coerce with as.matrix give base R's answer", {
  expect_identical(apply(v, 1, sum), apply(m, 1, sum))
  expect_identical(apply(v, 2, max), apply(m, 2, max))
  expect_identical(as.matrix(v), m)
  expect_identical(as.matrix(keras_variable(c(1, 2))), as.matrix(c(1, 2)))
})

test_that("row and column sums and means, head, tail and rev give base R's values", {
  expect_identical(rowSums(v), rowSums(m))
  expect_identical(colSums(v), colSums(m))
  expect_identical(rowMeans(v), rowMeans(m))
  expect_identical(colMeans(v), colMeans(m))
  expect_identical(rowSums(m), base::rowSums(m))
  expect_identical(head(v, 1), head(m, 1))
  expect_identical(tail(v, 1), tail(m, 1))
  expect_identical(rev(v), rev(m))
})

test_that("is.na and its kin give bool tensors marking NaN and infinities", {
  x <- keras_variable(c(1, NaN, Inf))
  expect_identical(as_r(is.na(x)), c(FALSE, TRUE, FALSE))
  expect_identical(as_r(is.nan(x)), c(FALSE, TRUE, FALSE))
  expect_identical(as_r(is.finite(x)), c(TRUE, FALSE, FALSE))
  expect_identical(as_r(is.infinite(x)), c(FALSE, FALSE, TRUE))
})

test_that("dimnames is NULL and summary describes the values as an array's", {
  expect_null(dimnames(v))
  expect_identical(summary(keras_variable(c(1, 2, 3, 10))), summary(array(c(1, 2, 3, 10))))
})

test_that("str shows the dtype, the shape and the first values in R's order", {
  expect_identical(capture.output(str(v)), "<Variable> float64 [1:2, 1:3] 1 4 9 16 25 36")
  long <- op_array(array(1:24, c(2, 3, 4)))
  expect_identical(capture.output(str(long)), "<Tensor> int32 [1:2, 1:3, 1:4] 1 2 3 4 5 6 7 8 9 10 ...")
  expect_identical(capture.output(str(op_array(5))), "<Tensor> float32 5")
})

test_that("anyNA tells whether any element is NaN", {
  expect_false(anyNA(v))
  expect_true(anyNA(keras_variable(c(1, NaN))))
})

test_that("median() and quantile() give base R's answers for the array", {
  a <- array(c(3, 1, 4, 1, 5, 9, 2, 6), c(2, 4))
  v <- keras_variable(a)
  expect_identical(median(v), median(a))
  expect_identical(quantile(v, c(0.1, 0.9)), quantile(a, c(0.1, 0.9)))
  expect_identical(median(op_array(c(1, NaN, 3)), na.rm = TRUE), 2)
})

test_that("det() and determinant() give base R's answers for the array", {
  m <- matrix(c(2, 1, 1, 3), 2)
  expect_equal(det(op_array(m)), det(m))
  expect_equal(determinant(keras_variable(m), logarithm = FALSE), determinant(m, logarithm = FALSE))
})

test_that("sort() of a tensor is the tensorflow package's: a tensor sorted along the last axis, or `axis`", {
  a <- array(c(3L, 1L, 3L, 1L, 5L, 9L), c(2, 3))
  x <- op_array(a)
  expect_identical(as.array(sort(x)), t(apply(a, 1, sort)))
  expect_identical(as.array(sort(x, decreasing = TRUE)), t(apply(a, 1, sort, decreasing = TRUE)))
  expect_identical(as.array(sort(x, axis = 1)), apply(a, 2, sort))
  expect_identical(as.array(sort(op_array(c(2, NaN, 1)))), array(c(1, 2, NaN)))
  # Base R's own arguments ask for base R's sort of the values (quantile() passes partial).
  expect_identical(sort(x, partial = 2), sort(c(a), partial = 2))
  expect_identical(sort(op_array(c(2, NaN, 1), "float64"), na.last = TRUE), c(1, 2, NaN))
})

test_that("rep(x, times) of a vector or number is a tensor, as the tensorflow package's rep()", {
  expect_identical(as.array(rep(op_array(1:3), 2)), array(c(1:3, 1:3)))
  expect_identical(op_dtype(rep(op_array(1:3, "int64"), times = 2)), "int64")
  expect_identical(as.array(rep(op_array(5), 3)), array(c(5, 5, 5)))
  expect_identical(as.array(rep(op_array(1:2), times = op_array(2L))), array(c(1L, 2L, 1L, 2L)))
})

test_that("unique(), other rep() calls and diff() give base R's answers for the array", {
  a <- array(c(3L, 1L, 3L, 1L, 5L, 9L), c(2, 3))
  x <- op_array(a)
  expect_identical(unique(x), unique(a))
  expect_identical(unique(op_array(c(2, 2, 7))), unique(array(c(2, 2, 7))))
  expect_identical(rep(x, 2), rep(a, 2))
  expect_identical(rep(op_array(1:3), each = 2), rep(1:3, each = 2))
  expect_identical(diff(x), diff(a))
})

test_that("as.data.frame() of a tensor is the data frame of its array", {
  a <- array(c(1, 2, 3, 4, 5, 6), c(3, 2))
  expect_identical(as.data.frame(op_array(a)), as.data.frame(a))
  expect_identical(as.data.frame(keras_variable(a), row.names = c("a", "b", "c")), as.data.frame(a, row.names = c("a", "b", "c")))
})

test_that("range(finite = TRUE) leaves out infinite and missing values, as base R", {
  x <- c(5, 7, Inf, NaN, -Inf)
  expect_identical(as.vector(as.array(range(op_convert_to_tensor(x), finite = TRUE))), range(x, finite = TRUE))
  expect_identical(as.vector(as.array(range(op_convert_to_tensor(c(3, 1)), 10))), c(1, 10))
})

test_that("order(), duplicated() and anyDuplicated() see the values, as base R on the array", {
  x <- c(3, 1, 2, 1)
  t <- op_convert_to_tensor(x)
  expect_identical(order(t), order(x))
  expect_identical(order(t, decreasing = TRUE), order(x, decreasing = TRUE))
  expect_identical(duplicated(t), duplicated(array(x)))
  expect_identical(anyDuplicated(t), anyDuplicated(array(x)))
  m <- matrix(c(1, 1, 2, 2), 2)
  expect_identical(duplicated(op_convert_to_tensor(m)), duplicated(m))
})

test_that("as.complex() and as.raw() give base R's vectors of the values", {
  expect_identical(as.complex(op_convert_to_tensor(c(3, 1))), c(3 + 0i, 1 + 0i))
  expect_identical(as.raw(op_convert_to_tensor(c(1L, 255L))), as.raw(c(1, 255)))
})

test_that("dim<- reads the elements in R's order into the new dimensions, as base R", {
  x <- matrix(1:6, 2)
  t <- op_convert_to_tensor(x)
  dim(t) <- c(3, 2)
  dim(x) <- c(3, 2)
  expect_identical(as.array(t), x)
  dim(t) <- NULL
  expect_identical(as.vector(as.array(t)), 1:6)
  v <- keras_variable(c(1, 2))
  expect_bridge_error(dim(v) <- c(2, 1), "value_error", "shape is fixed")
  m <- op_convert_to_tensor(matrix(1:6, 2))
  expect_bridge_error(dim(m) <- c(3, NA), "value_error", "missing or negative")
  expect_bridge_error(dim(m) <- c(3, -1), "value_error", "missing or negative")
  expect_bridge_error(dim(m) <- c(4, 2), "value_error", "do not match the length")
})

test_that("[[<- sets one element, by position in R's order or one per axis, as base R", {
  x <- matrix(c(2, 1, 1, 3), 2)
  t <- op_convert_to_tensor(x)
  t[[2, 1]] <- 9
  x[[2, 1]] <- 9
  t[[4]] <- 7
  x[[4]] <- 7
  expect_identical(as.array(t), x)
  v <- keras_variable(c(1, 2))
  v[[2]] <- 5
  expect_identical(as.vector(as.array(v)), c(1, 5))
  expect_bridge_error(t[[1]] <- c(1, 2), "value_error", "one element")
  expect_bridge_error(t[[9]] <- 1, "index_error", "out of bounds")
  expect_bridge_error(t[["dtype"]] <- "int32", "attribute_error", "dtype")
})

test_that("[[<- with no position or with several names is a value_error, leaving the variable as it was", {
  v <- keras_variable(c(1, 2))
  expect_bridge_error(v[[character(0)]] <- 1, "value_error", "character\\(0\\)")
  expect_bridge_error(v[[c("a", "b")]] <- 1, "value_error", "Received")
  expect_bridge_error(v[[]] <- 1, "value_error", "empty position")
  expect_bridge_error(v[[2, ]] <- 50, "value_error", "empty position")
  expect_identical(as.vector(as.array(v)), c(1, 2))
})

test_that("mean() names the extra arguments it refuses", {
  expect_bridge_error(mean(op_convert_to_tensor(c(1, 2)), 2), "value_error", "Received: 2")
  expect_bridge_error(mean(op_convert_to_tensor(c(1, 2)), trim = 0.1), "value_error", "Received: trim = 0.1")
})

test_that("cbind() and rbind() repeat a number to fill its column or row, as base R does", {
  m <- matrix(c(1.5, -2, 3, 4, 5, 6), 2)
  x <- op_array(m, "float32")
  expect_identical(as.array(cbind(1, x)), cbind(1, m))
  expect_identical(as.array(rbind(x, 0)), rbind(m, 0))
  expect_identical(as.array(cbind(op_array(c(1, 2)), 5)), cbind(c(1, 2), 5))
})

test_that("Summary functions leave out empty tensors beside other values, as base R does", {
  e <- op_array(numeric(0))
  expect_identical(as.vector(as.array(max(e, op_array(2)))), 2)
  expect_identical(as.array(range(op_array(c(3, 1)), e)), array(c(1, 3)))
  expect_error(max(e), class = "value_error", regexp = "no elements")
})

test_that("as.data.frame() of a 1-d tensor names its column for the argument, as base R does", {
  x <- op_array(c(1, 2))
  expect_identical(names(as.data.frame(x)), "x")
  expect_identical(as.data.frame(x)$x, c(1, 2))
})

test_that("cbind() converts an R vector as op_array() does, so it joins a float32 matrix as float32", {
  expect_identical(cbind(op_array(matrix(1, 2, 2), "float32"), c(1, 2))$dtype, "float32")
})

test_that("as.raster of an image tensor is base R's raster of its array, max included", {
  image <- array(c(0, 64, 128, 255, 32, 16, 8, 4, 2, 1, 0, 200), c(2, 2, 3))
  expect_identical(as.raster(op_array(image, "float64"), max = 255), as.raster(image, max = 255))
})

test_that("with na.rm, an R NA beside a tensor leaves nothing to reduce, as in base R", {
  x <- op_array(1:3)
  expect_identical(as.vector(as.array(sum(x, NA, na.rm = TRUE))), sum(1:3, NA, na.rm = TRUE))
  expect_identical(as.vector(as.array(max(x, NA, na.rm = TRUE))), 3L)
})

test_that("with na.rm, the NA elements of an R vector beside a tensor are left out, as in base R", {
  x <- op_array(c(1.5, 2))
  expect_equal(as.vector(as.array(sum(x, c(1L, NA), na.rm = TRUE))), 4.5)
  expect_equal(as.vector(as.array(min(x, c(NA, 5L), 0.5, na.rm = TRUE))), 0.5)
  expect_identical(as.vector(as.array(any(op_array(FALSE), c(NA, TRUE), na.rm = TRUE))), TRUE)
})

test_that("an R integer or logical NA beside a tensor makes sums and extremes NaN, not -2^31", {
  x <- op_array(c(1.5, 2))
  expect_true(is.nan(as.vector(as.array(sum(x, NA_integer_)))))
  expect_true(is.nan(as.vector(as.array(max(x, c(NA, 5L))))))
  expect_true(all(is.nan(as.vector(as.array(range(x, c(NA, 5L)))))))
  expect_true(is.nan(as.vector(as.array(prod(op_array(1:2), c(NA, 5L))))))
  expect_true(is.nan(as.vector(as.array(sum(x, NA)))))
})

test_that("NULL beside a tensor adds nothing to a Summary function, as in base R", {
  expect_identical(as.vector(as.array(sum(op_array(1:3), NULL))), 6L)
})

test_that("cbind() and rbind() take R's integer or logical NA as a missing number, NaN, as R's operators do", {
  x <- op_array(matrix(c(1, 2), 2))
  expect_identical(as.array(cbind(x, NA_integer_)), cbind(c(1, 2), NaN))
  expect_identical(as.array(rbind(op_array(c(1, 2)), c(3L, NA))), rbind(c(1, 2), c(3, NaN)))
  expect_identical(as.array(cbind(x, NA)), cbind(c(1, 2), NaN))
  expect_identical(as.array(cbind(op_array(matrix(1:2, 2)), NA_integer_)), cbind(1:2, NA))
})

test_that("range(axis =, finite = TRUE) leaves out infinite values along the axis, as base R's range(finite = TRUE)", {
  m <- cbind(c(Inf, 2, 5), c(1, -Inf, 3))
  expect_equal(as.array(range(op_array(m), axis = 1, finite = TRUE)), cbind(c(2, 5), c(1, 3)))
})

test_that("cbind() and rbind() cast each part to a dtype given, as the tensorflow package's methods", {
  x <- op_array(matrix(c(1.5, 2.5), 2))
  expect_identical(op_dtype(cbind(x, c(3, 4), dtype = "int32")), "int32")
  expect_identical(as.array(rbind(op_array(c(1, 2)), c(3, 4), dtype = "float32")), rbind(c(1, 2), c(3, 4)))
  expect_identical(as.array(cbind(x, 7, dtype = "int64", name = "ignored")), cbind(c(1, 2), 7))
})

test_that("colSums() of a tensor with dims NULL is a type_error", {
  expect_bridge_error(colSums(op_ones(c(2, 2)), dims = NULL), "type_error", "`dims` must be a whole number. Received: dims=NULL", fixed = TRUE)
})

test_that("colMeans() of a tensor with dims beyond its rank less one is a value_error", {
  expect_bridge_error(colMeans(op_ones(c(2, 2)), dims = 2), "value_error", "Received: dims=2 for a tensor of shape (2, 2)", fixed = TRUE)
})

test_that("rowSums() of a tensor with na.rm NULL is a type_error", {
  expect_bridge_error(rowSums(op_ones(c(2, 2)), na.rm = NULL), "type_error", "Received: na.rm=NULL", fixed = TRUE)
})

test_that("rowMeans() of a tensor with na.rm NA is a type_error", {
  expect_bridge_error(rowMeans(op_ones(c(2, 2)), na.rm = NA), "type_error", "Received: na.rm=NA", fixed = TRUE)
})

test_that("rowSums() of a tensor with valid dims gives base R's sums", {
  a <- array(1:24, c(2, 3, 4))
  expect_identical(rowSums(op_array(a), dims = 2), rowSums(a, dims = 2))
})
