# keras3's op_subset cases (rstudio/keras3 tests/testthat/test-op_subset.R, in our words), each
# compared with base R's `[` on the same array.
xr <- array(1:20, c(4, 5))
xt <- op_convert_to_tensor(xr)

# The R array a tensor result stands for; a result with one axis is R's plain vector.
as_r <- function(x) {
  a <- as.array(x)
  if (length(dim(a)) == 1L) as.vector(a) else a
}

# Evaluates `expr` with x an R array and with x a tensor indexed by op_subset, and compares.
expect_like_base_r <- function(expr) {
  expr <- substitute(expr)
  expected <- eval(expr, list(x = xr), parent.frame())
  actual <- eval(expr, list(x = xt, `[` = op_subset), parent.frame())
  expect_identical(as_r(actual), expected)
}

test_that("several index vectors select a block, as R's `[` does", {
  expect_like_base_r(x[c(1, 3, 4), c(2, 4, 5)])
  expect_identical(as_r(xt@r[c(1, 3, 4), c(2, 4, 5)]), xr[c(1, 3, 4), c(2, 4, 5)])
  expect_like_base_r(x[c(3, 1), c(5, 2)])
  indices <- array(1:2)
  expect_like_base_r(x[indices, indices])
  expect_identical(as_r(xt@r[indices]@r[, indices]), xr[indices, indices])
})

test_that("integer and logical index vectors mix on different axes", {
  expect_like_base_r(x[1:2, c(TRUE, TRUE, TRUE, TRUE, FALSE)])
  expect_like_base_r(x[c(1:2, 4), c(TRUE, FALSE, TRUE, TRUE, FALSE)])
  expect_like_base_r(x[c(1, 3, 4), c(TRUE, FALSE, TRUE, TRUE, FALSE)])
  expect_like_base_r(x[c(TRUE, FALSE, TRUE, TRUE), c(1, 3, 4)])
  expect_like_base_r(x[c(TRUE, FALSE, TRUE, TRUE), c(1:2)])
  expect_like_base_r(x[c(TRUE, FALSE, TRUE, TRUE), c(1, 3)])
})

test_that("index vectors may be tensors", {
  rows <- op_convert_to_tensor(array(1:2))
  columns <- op_convert_to_tensor(array(c(TRUE, TRUE, TRUE, TRUE, FALSE)))
  expected <- xr[1:2, c(TRUE, TRUE, TRUE, TRUE, FALSE)]
  expect_identical(as_r(xt@r[rows, c(TRUE, TRUE, TRUE, TRUE, FALSE)]), expected)
  expect_identical(as_r(xt@r[1:2, columns]), expected)
  expect_identical(as_r(xt@r[rows, columns]), expected)
})

test_that("missing indices and slices take whole axes and ranges", {
  expect_like_base_r(x[c(1, 3, 4), ])
  expect_like_base_r(x[1:3, ])
  expect_like_base_r(x[, 1:3])
  expect_like_base_r(x[((1:3)), (1:2)])
  expect_like_base_r(x[c(1, 3), c(1:2)])
  expect_like_base_r(x[1:3, 1:3])
})

test_that("a matrix with one column per axis picks elements by coordinates", {
  expect_like_base_r(x[cbind(3:1, 1)])
  expect_like_base_r(x[cbind(1:3, c(3, 3, 4))])
  expect_identical(as_r(xt@r[op_convert_to_tensor(cbind(3:1, 1L))]), xr[cbind(3:1, 1)])
  cube <- array(1:24, c(2, 3, 4))
  expect_identical(as_r(op_convert_to_tensor(cube)@r[rbind(c(1, 2, 3), c(2, 3, 4))]), cube[rbind(c(1, 2, 3), c(2, 3, 4))])
})

test_that("strided sequences select as R does", {
  long <- 1:10
  expect_identical(as_r(op_convert_to_tensor(long)@r[seq(1, 9, by = 2)]), long[seq(1, 9, by = 2)])
  expect_like_base_r(x[seq(4, 1, by = -2), seq(1, 5, by = 2)])
})

test_that("a logical index shorter than its axis is recycled", {
  expect_like_base_r(x[c(TRUE, FALSE), ])
  expect_like_base_r(x[, c(FALSE, TRUE)])
})

test_that("an empty logical index selects nothing, as in R", {
  expect_like_base_r(x[logical(0), ])
  expect_like_base_r(x[, logical(0)])
})

test_that("a logical mask of the tensor's shape selects in row-major order, as keras3 does", {
  expect_identical(as_r(xt@r[xt > 10]), t(xr)[t(xr) > 10])
  expect_identical(as_r(xt@r[xr > 10]), t(xr)[t(xr) > 10])
  expect_identical(sort(as_r(xt@py[xt > 10])), sort(xr[xr > 10]))
})

test_that("a single number drops its axis, even as a one-element array", {
  expect_like_base_r(x[2, ])
  expect_identical(as_r(xt@r[array(2), ]), xr[2, ])
})

test_that("NULL inserts a new axis, as newaxis does", {
  expect_identical(as.integer(xt@r[NULL]$shape), c(1L, 4L, 5L))
  expect_identical(as.integer(xt@r[, NULL, ]$shape), c(4L, 1L, 5L))
  expect_identical(as.integer(xt@r[NULL, .., NULL]$shape), c(1L, 4L, 5L, 1L))
})

test_that("negative numbers count from the end and missing axes are filled", {
  expect_identical(as_r(xt@r[-1]), xr[4, ])
  expect_identical(as_r(xt@r[-2]), xr[3, ])
  expect_identical(as_r(xt@r[1:-1]), xr[1:4, ])
  expect_identical(as_r(xt@r[1:-2]), xr[1:3, ])
  expect_identical(as_r(xt@r[2:NA]), xr[2:4, ])
})

test_that("assignment selects the same elements as reading", {
  v <- keras_variable(xr)
  r <- xr
  v@r[c(1, 3), c(2, 4)] <- 0L
  r[c(1, 3), c(2, 4)] <- 0L
  expect_identical(as.array(v), r)
  v@r[cbind(c(2, 4), c(1, 5))] <- c(-1L, -2L)
  r[cbind(c(2, 4), c(1, 5))] <- c(-1L, -2L)
  expect_identical(as.array(v), r)
  v@r[2, ] <- 99L
  r[2, ] <- 99L
  expect_identical(as.array(v), r)
  v@r[1, ] <- r[1, ] <- 11:15
  expect_identical(as.array(v), r)
  tensor <- xt
  tensor@r[c(TRUE, FALSE), 1] <- 0L
  r <- xr
  r[c(TRUE, FALSE), 1] <- 0L
  expect_identical(as.array(tensor), r)
})

test_that("@py keeps NumPy's point-wise rule for several index vectors", {
  expect_identical(as_r(xt@py[c(0, 2), c(1, 3)]), c(xr[1, 2], xr[3, 4]))
})

test_that("index 0, NA and out-of-range indices are classed errors", {
  expect_bridge_error(xt@r[0, 1], "value_error", "Index 0 is not valid")
  expect_bridge_error(xt@r[c(1, NA), 1], "value_error", "cannot be NA")
  expect_bridge_error(xt@r[c(1, 5), 1], "index_error", "index 5 is out of bounds for axis 1 with size 4")
  expect_bridge_error(xt@r[c(TRUE, FALSE, TRUE, TRUE, TRUE), 1], "index_error", "boolean index did not match")
})

test_that("drop = FALSE keeps the axes single numbers select, as in R", {
  expect_identical(as_r(xt@r[2, , drop = FALSE]), xr[2, , drop = FALSE])
  expect_identical(as_r(xt@r[2, 3, drop = FALSE]), xr[2, 3, drop = FALSE])
  expect_identical(as_r(xt@r[-1, 1:2, drop = FALSE]), xr[4, 1:2, drop = FALSE])
})

test_that("drop = FALSE checks and truncates its single numbers as any index", {
  expect_bridge_error(xt@r[5, , drop = FALSE], "index_error", "index 5 is out of bounds for axis 1 with size 4")
  expect_bridge_error(xt@r[-5, 1, drop = FALSE], "index_error", "out of bounds")
  expect_identical(as_r(xt@r[2.9, 1:2, drop = FALSE]), xr[2, 1:2, drop = FALSE])
})

test_that("op_subset() takes drop = FALSE as `[` does, not as an index", {
  expect_identical(as_r(op_subset(xt, 2, drop = FALSE)), xr[2, , drop = FALSE])
  expect_identical(as_r(op_subset(xt, 2)), xr[2, ])
})

test_that("a lone TRUE or FALSE with @r is a logical vector, recycled as R recycles it", {
  x <- op_array(c(1, 2, 3))
  expect_identical(as.array(x@r[TRUE]), array(c(1, 2, 3), 3))
  expect_identical(as.array(op_array(matrix(1:6, 2))@r[TRUE, 2]), array(3:4, 2))
  expect_bridge_error(op_array(3)@r[TRUE], "index_error", "array is 0-dimensional, but 1 were indexed", fixed = TRUE)
  z <- op_array(3)
  expect_bridge_error(z@r[TRUE] <- 0, "index_error", "array is 0-dimensional, but 1 were indexed", fixed = TRUE)
})

test_that("a lone TRUE or FALSE with @py is NumPy's boolean scalar, which adds an axis, also to a 0-d tensor", {
  expect_identical(dim(op_array(c(1, 2, 3))@py[TRUE]), c(1L, 3L))
  expect_identical(as.array(op_array(3)@py[TRUE]), array(3, 1))
  expect_identical(dim(op_array(3)@py[FALSE]), 0L)
})

test_that("an index array of several axes that is not a coordinate matrix is refused, as keras3 refuses it", {
  expect_bridge_error(xt@r[matrix(c(1, 1, 1), 1)], "value_error", "more than one axis")
  expect_bridge_error(xt@py[op_array(matrix(0L, 2, 2), "int32")], "value_error", "more than one axis")
  expect_identical(as_r(xt@r[cbind(c(1, 4), c(2, 5))]), xr[cbind(c(1, 4), c(2, 5))])
})
