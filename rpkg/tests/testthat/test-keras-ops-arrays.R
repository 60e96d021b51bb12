# keras$ops's splitting, stacking, flipping, unique, NaN-ignoring and percentile ops, called
# with Python's conventions (0-based axes and positions) and checked against NumPy.

ops <- keras$ops

# An R array holding `values` in row-major order, as NumPy's reshape(dims) lays them out.
rows_of <- function(values, dims) aperm(array(values, rev(dims)), rev(seq_along(dims)))

# NumPy's np.array([[1.0, nan, -inf], [nan, 2.0, -1.0]]) and its 3-D companion from Keras's tests.
with_nan <- op_array(rows_of(c(1, NaN, -Inf, NaN, 2, -1), c(2, 3)))
with_nan_3d <- op_array(rows_of(c(1, NaN, 2, 3, NaN, 4, 5, NaN), c(2, 2, 2)))
all_nan <- op_array(matrix(NaN, 2, 2))

piece_values <- function(pieces) lapply(pieces, as.array)
piece_shapes <- function(pieces) lapply(pieces, function(p) as.integer(p$shape))

test_that("array_split gives the first pieces one more element when the division is uneven", {
  pieces <- ops$array_split(op_arange(0, 10, include_end = FALSE, dtype = "int32"), 3L)
  # np.array_split(np.arange(10), 3)
  expect_identical(piece_values(pieces), list(array(0:3), array(4:6), array(7:9)))
  expect_identical(pieces[[1]]$dtype, "int32")
})

test_that("array_split splits along a 0-based axis, negative from the end", {
  x <- op_array(rows_of(1:6, c(2, 3)))
  # np.array_split(x, 3, axis=1)
  expect_identical(piece_values(ops$array_split(x, 3L, axis = 1L)), list(array(c(1L, 4L), c(2, 1)), array(c(2L, 5L), c(2, 1)), array(c(3L, 6L), c(2, 1))))
  expect_identical(piece_values(ops$array_split(x, 2L, axis = -2L)), list(rows_of(1:3, c(1, 3)), rows_of(4:6, c(1, 3))))
})

test_that("array_split into more sections than elements gives empty pieces", {
  # np.array_split(np.arange(2), 3): [0], [1], []
  expect_identical(piece_shapes(ops$array_split(op_array(c(0L, 1L)), 3L)), list(1L, 1L, 0L))
})

test_that("array_split refuses sections that are not one positive int, and a list of axes", {
  x <- op_array(1:4)
  expect_error(ops$array_split(x, c(1L, 3L)), class = "type_error")
  expect_error(ops$array_split(x, 1.5), class = "type_error")
  expect_error(ops$array_split(x, 0L), class = "value_error")
  expect_error(ops$array_split(x, 2L, axis = list(0L, 0L)), class = "type_error")
  expect_error(ops$array_split(x, 2L, axis = 1L), class = "value_error")
})

test_that("hsplit splits a matrix's columns at 0-based points, or into equal sections", {
  x <- op_array(rows_of(0:17, c(3, 6)))
  # np.hsplit(np.arange(18).reshape(3, 6), [1, 3, 5])
  expect_identical(piece_shapes(ops$hsplit(x, c(1L, 3L, 5L))), list(c(3L, 1L), c(3L, 2L), c(3L, 2L), c(3L, 1L)))
  expect_identical(as.array(ops$hsplit(x, c(1L, 3L, 5L))[[2]]), rows_of(c(1:2, 7:8, 13:14), c(3, 2)))
  # np.hsplit(x, 3)[2]
  expect_identical(as.array(ops$hsplit(x, 3L)[[3]]), rows_of(c(4:5, 10:11, 16:17), c(3, 2)))
  # Points as a tensor, as Keras's test passes knp.array(indices).
  expect_identical(piece_shapes(ops$hsplit(x, op_array(c(1L, 3L, 5L)))), piece_shapes(ops$hsplit(x, c(1L, 3L, 5L))))
})

test_that("hsplit splits a 1-D tensor along its only axis", {
  x <- op_arange(0, 10, include_end = FALSE, dtype = "int32")
  # np.hsplit(np.arange(10), [2, 5, 9])
  expect_identical(piece_values(ops$hsplit(x, c(2L, 5L, 9L))), list(array(0:1), array(2:4), array(5:8), array(9L)))
  expect_identical(piece_values(ops$hsplit(x, 2L)), list(array(0:4), array(5:9)))
})

test_that("hsplit refuses a division that is not equal and a 0-d tensor", {
  expect_error(ops$hsplit(op_array(rows_of(0:17, c(3, 6))), 4L), class = "value_error")
  expect_error(ops$hsplit(op_arange(0, 10, include_end = FALSE), 3L), class = "value_error")
  expect_error(ops$hsplit(op_array(1), 1L), class = "value_error")
})

test_that("vsplit splits rows at 0-based points, or into equal sections", {
  x <- op_array(rows_of(0:17, c(6, 3)))
  # np.vsplit(np.arange(18).reshape(6, 3), [1, 3, 5]) and np.vsplit(x, 3)
  expect_identical(piece_shapes(ops$vsplit(x, c(1L, 3L, 5L))), list(c(1L, 3L), c(2L, 3L), c(2L, 3L), c(1L, 3L)))
  expect_identical(as.array(ops$vsplit(x, 3L)[[2]]), rows_of(6:11, c(2, 3)))
  expect_error(ops$vsplit(x, 4L), class = "value_error")
})

test_that("vsplit refuses a tensor of fewer than 2 axes", {
  expect_error(ops$vsplit(op_array(1:4), 2L), "at least 2 dimensions", class = "value_error")
})

test_that("dsplit splits along the third axis", {
  x <- op_array(rows_of(0:23, c(2, 2, 6)))
  # np.dsplit(np.arange(24).reshape(2, 2, 6), [1, 3, 5]) and np.dsplit(x, 3)[0]
  expect_identical(piece_shapes(ops$dsplit(x, list(1L, 3L, 5L))), list(c(2L, 2L, 1L), c(2L, 2L, 2L), c(2L, 2L, 2L), c(2L, 2L, 1L)))
  expect_identical(as.array(ops$dsplit(x, 3L)[[1]]), rows_of(c(0L, 1L, 6L, 7L, 12L, 13L, 18L, 19L), c(2, 2, 2)))
  expect_error(ops$dsplit(x, 4L), class = "value_error")
  expect_error(ops$dsplit(op_array(matrix(1:4, 2)), 2L), "at least 3 dimensions", class = "value_error")
})

test_that("dstack joins 1-D and 2-D tensors along a third axis", {
  # np.dstack([[1, 2, 3], [4, 5, 6]])
  out <- ops$dstack(list(op_array(1:3), op_array(4:6)))
  expect_identical(as.array(out), rows_of(c(1L, 4L, 2L, 5L, 3L, 6L), c(1, 3, 2)))
  expect_identical(out$dtype, "int32")
  # np.dstack([[1, 2, 3], [[4, 5, 6]]]): a 1-D tensor is a row
  expect_identical(as.integer(ops$dstack(list(op_array(1:3), op_array(matrix(4:6, 1))))$shape), c(1L, 3L, 2L))
  # np.dstack([np.ones((2, 3, 4)), np.zeros((2, 3, 1))]).shape
  expect_identical(as.integer(ops$dstack(list(op_ones(c(2, 3, 4)), op_zeros(c(2, 3, 1))))$shape), c(2L, 3L, 5L))
})

test_that("dstack promotes to a common dtype and refuses an empty list", {
  expect_identical(ops$dstack(list(op_ones(c(1, 1), "int32"), op_ones(c(1, 1), "float32")))$dtype, "float32")
  expect_identical(ops$dstack(list(op_ones(c(1, 1), "float64"), op_ones(c(1, 1), "float64")))$dtype, "float64")
  expect_error(ops$dstack(list()), class = "value_error")
})

test_that("column_stack stacks 1-D tensors as columns and 2-D ones as they are", {
  # np.column_stack([[1, 2, 3], [4, 5, 6]])
  expect_identical(as.array(ops$column_stack(list(op_array(1:3), op_array(4:6)))), cbind(1:3, 4:6))
  # np.column_stack([[1, 2], [[3, 4], [5, 6]]])
  expect_identical(as.array(ops$column_stack(list(op_array(1:2), op_array(rows_of(3:6, c(2, 2)))))), rbind(c(1L, 3L, 4L), c(2L, 5L, 6L)))
  expect_identical(ops$column_stack(list(op_ones(2, "int8"), op_ones(2, "int16")))$dtype, "int16")
})

test_that("column_stack refuses 0-d tensors and an empty list", {
  expect_error(ops$column_stack(list(op_array(1), op_array(2))), "at least 1 dimension", class = "value_error")
  expect_error(ops$column_stack(list()), "empty sequence", class = "value_error")
})

test_that("fliplr reverses the second axis, flipud the first", {
  m <- rows_of(1:6, c(2, 3))
  expect_identical(as.array(ops$fliplr(op_array(m))), m[, 3:1])
  expect_identical(as.array(ops$flipud(op_array(m))), m[2:1, ])
  expect_identical(as.array(ops$flipud(op_array(c(1L, 2L, 3L)))), array(3:1))
  a <- array(1:24, c(2, 3, 4))
  expect_identical(as.array(ops$fliplr(op_array(a))), a[, 3:1, ])
})

test_that("fliplr refuses fewer than 2 axes, flipud a 0-d tensor", {
  expect_error(ops$fliplr(op_array(1:3)), "2 or more dimensions", class = "value_error")
  expect_error(ops$flipud(op_array(1)), "1 or more dimensions", class = "value_error")
})

test_that("unique gives the sorted distinct elements, flattened, in x's dtype", {
  out <- ops$unique(op_array(c(3L, 1L, 2L, 1L, 4L, 2L)))
  expect_identical(as.array(out), array(1:4))
  expect_identical(as.array(ops$unique(op_array(rows_of(c(2, 1, 2, 3), c(2, 2))))), array(c(1, 2, 3)))
  expect_identical(ops$unique(op_array(array(c(2, 1, 2)), "float64"))$dtype, "float64")
})

test_that("unique returns 0-based first indices, inverse and counts as int32", {
  out <- ops$unique(op_array(c(3L, 1L, 2L, 1L)), return_index = TRUE, return_inverse = TRUE, return_counts = TRUE)
  # np.unique([3, 1, 2, 1], return_index=True, return_inverse=True, return_counts=True)
  expect_identical(lapply(out, as.array), list(array(1:3), array(c(1L, 2L, 0L)), array(c(2L, 0L, 1L, 0L)), array(c(2L, 1L, 1L))))
  expect_identical(vapply(out[-1], function(t) t$dtype, ""), rep("int32", 3))
  expect_identical(as.array(ops$take(out[[1]], out[[3]])), array(c(3L, 1L, 2L, 1L)))
})

test_that("unique's inverse has x's shape when x is flattened", {
  out <- ops$unique(op_ones(c(10, 10)), return_inverse = TRUE, return_counts = TRUE)
  expect_identical(as.array(out[[1]]), array(1))
  expect_identical(as.array(out[[2]]), array(0L, c(10, 10)))
  expect_identical(as.array(out[[3]]), array(100L))
})

test_that("unique along an axis finds distinct slices, sorted lexicographically", {
  x <- op_array(rows_of(c(1L, 0L, 0L, 0L, 1L, 0L, 1L, 0L, 0L), c(3, 3)))
  out <- ops$unique(x, axis = 0L, return_inverse = TRUE)
  # np.unique(x, axis=0, return_inverse=True)
  expect_identical(as.array(out[[1]]), rbind(c(0L, 1L, 0L), c(1L, 0L, 0L)))
  expect_identical(as.array(out[[2]]), array(c(1L, 0L, 1L)))
  expect_identical(as.array(ops$take(out[[1]], out[[2]], axis = 0L)), as.array(x))
})

test_that("unique takes a negative axis and slices of several dimensions", {
  x <- op_array(rows_of(c(1L, 0L, 1L, 0L, 1L, 0L), c(2, 3)))
  out <- ops$unique(x, axis = -1L, return_inverse = TRUE)
  # np.unique(x, axis=-1, return_inverse=True)
  expect_identical(as.array(out[[1]]), rbind(c(0L, 1L), c(1L, 0L)))
  expect_identical(as.array(out[[2]]), array(c(1L, 0L, 1L)))
  y <- op_array(rows_of(c(1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1), c(3, 2, 2)))
  out <- ops$unique(y, axis = 0L, return_index = TRUE, return_counts = TRUE)
  # np.unique(y, axis=0, return_index=True, return_counts=True)
  expect_identical(as.array(out[[1]]), rows_of(c(0, 0, 0, 0, 1, 1, 1, 1), c(2, 2, 2)))
  expect_identical(lapply(out[2:3], as.array), list(array(c(1L, 0L)), array(c(1L, 2L))))
})

test_that("unique with sorted = FALSE keeps the order of first occurrence", {
  out <- ops$unique(op_array(c(3L, 1L, 3L, 2L)), sorted = FALSE, return_inverse = TRUE)
  expect_identical(lapply(out, as.array), list(array(c(3L, 1L, 2L)), array(c(0L, 1L, 0L, 2L))))
})

test_that("unique pads to `size` with fill_value and counts of 0, or truncates", {
  x <- op_array(c(3L, 1L, 2L, 1L))
  out <- ops$unique(x, size = 5L, fill_value = -1L, return_counts = TRUE)
  expect_identical(lapply(out, as.array), list(array(c(1L, 2L, 3L, -1L, -1L)), array(c(2L, 1L, 1L, 0L, 0L))))
  # Keras pads the first indices with 1.
  expect_identical(as.array(ops$unique(x, size = 4L, return_index = TRUE)[[2]]), array(c(1L, 2L, 0L, 1L)))
  out <- ops$unique(x, size = 2L, return_counts = TRUE)
  expect_identical(lapply(out, as.array), list(array(1:2), array(c(2L, 1L))))
  expect_error(ops$unique(x, size = -1L), class = "value_error")
})

test_that("unique keeps each NaN as its own element, after the numbers", {
  out <- ops$unique(op_array(c(1, NaN, 2, NaN), "float32"))
  expect_identical(as.array(out), array(c(1, 2, NaN, NaN)))
})

test_that("unique of an empty tensor is empty", {
  expect_identical(as.integer(ops$unique(op_zeros(0, "float32"))$shape), 0L)
  expect_identical(as.integer(ops$unique(op_zeros(c(0, 3), "float32"), axis = 0L)$shape), c(0L, 3L))
  # np.unique(np.zeros((3, 0, 2)), axis=0).shape: slices of no elements are all equal
  expect_identical(as.integer(ops$unique(op_zeros(c(3, 0, 2)), axis = 0L)$shape), c(1L, 0L, 2L))
})

test_that("unique of a 0-d tensor is its one element, its inverse 0-d", {
  out <- ops$unique(op_array(5L), return_inverse = TRUE)
  expect_identical(as.array(out[[1]]), array(5L))
  expect_identical(as.integer(out[[2]]$shape), integer())
})

test_that("unique refuses several axes and an axis beyond x's", {
  x <- op_array(matrix(1:4, 2))
  expect_error(ops$unique(x, axis = c(0L, 1L)), class = "type_error")
  expect_error(ops$unique(x, axis = 2L), class = "value_error")
})

test_that("nanargmax and nanargmin give 0-based positions, ignoring NaN", {
  # np.nanargmax(x), np.nanargmax(x, axis=0), np.nanargmax(x, axis=1), np.nanargmin(x, axis=-1)
  expect_identical(as.array(ops$nanargmax(with_nan)), array(4L))
  expect_identical(as.array(ops$nanargmax(with_nan, axis = 0L)), array(c(0L, 1L, 1L)))
  expect_identical(as.array(ops$nanargmax(with_nan, axis = 1L)), array(c(0L, 1L)))
  expect_identical(as.array(ops$nanargmin(with_nan, axis = -1L)), array(c(2L, 2L)))
  # np.nanargmax(x3d, axis=1), np.nanargmin(x3d)
  expect_identical(as.array(ops$nanargmax(with_nan_3d, axis = 1L)), rbind(c(1L, 1L), c(1L, 0L)))
  expect_identical(ops$nanargmin(with_nan_3d)$dtype, "int32")
})

test_that("nanargmax and nanargmin give -1 where every element is NaN", {
  expect_identical(as.array(ops$nanargmax(all_nan)), array(-1L))
  expect_identical(as.array(ops$nanargmin(all_nan, axis = 0L)), array(c(-1L, -1L)))
  expect_identical(as.array(ops$nanargmax(all_nan, axis = 1L, keepdims = TRUE)), array(-1L, c(2, 1)))
})

test_that("nanargmax of integers is argmax", {
  expect_identical(as.array(ops$nanargmax(op_array(c(1L, 5L, 2L)))), array(1L))
})

test_that("nancumsum and nancumprod treat NaN as 0 and 1, keeping infinities", {
  # np.nancumsum(x), np.nancumsum(x, axis=0)
  expect_identical(as.array(ops$nancumsum(with_nan)), array(c(1, 1, -Inf, -Inf, -Inf, -Inf)))
  expect_identical(as.array(ops$nancumsum(with_nan, axis = 0L)), rbind(c(1, 0, -Inf), c(1, 2, -Inf)))
  # np.nancumprod(x3d, axis=1)
  expect_identical(as.array(ops$nancumprod(with_nan_3d, axis = 1L)), rows_of(c(1, 1, 2, 3, 1, 4, 5, 4), c(2, 2, 2)))
  # np.nancumprod(np.array([[nan, inf, -inf], [2, nan, -3]], dtype=float32))
  out <- ops$nancumprod(op_array(rows_of(c(NaN, Inf, -Inf, 2, NaN, -3), c(2, 3)), "float32"))
  expect_identical(as.array(out), array(c(1, Inf, -Inf, -Inf, -Inf, Inf)))
  expect_identical(out$dtype, "float32")
})

test_that("nancumsum of all NaN is 0, and takes a dtype", {
  expect_identical(as.array(ops$nancumsum(all_nan, axis = 1L)), matrix(0, 2, 2))
  expect_identical(ops$nancumsum(op_array(c(1L, 2L)), dtype = "float32")$dtype, "float32")
})

test_that("nanmax and nanmin ignore NaN, and give NaN where all are", {
  # np.nanmax(x3d, axis=(1, 2)), np.nanmin(x3d, axis=(1, 2))
  expect_identical(as.array(ops$nanmax(with_nan_3d, axis = c(1L, 2L))), array(c(3, 5)))
  expect_identical(as.array(ops$nanmin(with_nan_3d, axis = list(1L, 2L))), array(c(1, 4)))
  expect_identical(as.array(ops$nanmax(with_nan, axis = 1L, keepdims = TRUE)), array(c(1, 2), c(2, 1)))
  expect_identical(as.array(ops$nanmin(all_nan, axis = 1L)), array(c(NaN, NaN)))
  expect_identical(as.array(ops$nanmax(all_nan)), array(NaN))
})

test_that("nanmax with no axes is x itself, and keeps integer and bool dtypes", {
  expect_identical(as.array(ops$nanmax(with_nan, axis = list())), as.array(with_nan))
  expect_identical(ops$nanmax(op_array(c(1L, 3L), "int8"))$dtype, "int8")
  expect_identical(as.array(ops$nanmin(op_array(c(TRUE, FALSE)))), array(FALSE))
})

test_that("nanmean averages the values that are not NaN", {
  a <- op_array(rows_of(c(1, NaN, 3, 4, NaN, 2, Inf, -Inf), c(2, 4)))
  # np.nanmean(a), np.nanmean(a, axis=1), np.nanmean(x3d, axis=(1, 2))
  expect_identical(as.array(ops$nanmean(a)), array(NaN))
  expect_equal(as.array(ops$nanmean(a, axis = 1L)), array(c(8 / 3, NaN)))
  expect_identical(as.array(ops$nanmean(with_nan_3d, axis = c(1L, 2L))), array(c(2, 4.5)))
  expect_identical(as.array(ops$nanmean(all_nan, axis = 1L)), array(c(NaN, NaN)))
})

test_that("nanmean of integers is float32, and with no axes x itself", {
  out <- ops$nanmean(op_array(1:4))
  expect_identical(out$dtype, "float32")
  expect_identical(as.array(out), array(2.5))
  expect_identical(ops$nanmean(op_array(1:4), axis = list())$dtype, "int32")
  expect_identical(ops$nanmean(op_array(c(1, 2), "float16"))$dtype, "float16")
})

test_that("nanmedian is the median of the values that are not NaN", {
  x <- op_array(rows_of(c(1, NaN, 3, 4, 5, NaN, 2, 3, Inf, -Inf), c(2, 5)))
  # np.nanmedian(x, axis=1), np.nanmedian(x3d, axis=(1, 2)), np.nanmedian(x3d)
  expect_identical(as.array(ops$nanmedian(x, axis = 1L)), array(c(3.5, 2.5)))
  expect_identical(as.array(ops$nanmedian(x, axis = 1L, keepdims = TRUE)), array(c(3.5, 2.5), c(2, 1)))
  expect_identical(as.array(ops$nanmedian(with_nan_3d, axis = c(1L, 2L))), array(c(2, 4.5)))
  expect_identical(as.array(ops$nanmedian(with_nan_3d)), array(3))
  expect_identical(as.array(ops$nanmedian(all_nan, axis = 1L)), array(c(NaN, NaN)))
  expect_identical(as.array(ops$nanmedian(x, axis = list())), as.array(x))
})

test_that("nanmedian of integers is floatx", {
  expect_identical(ops$nanmedian(op_array(c(1L, 2L, 4L)))$dtype, "float32")
  expect_identical(ops$nanmedian(op_array(c(1L, 2L, 4L), "int64"))$dtype, "float32")
})

test_that("nanprod and nansum treat NaN as 1 and 0", {
  p <- op_array(rows_of(c(1, NaN, 3, NaN, 2, 1), c(2, 3)))
  # np.nanprod(p, axis=1), np.nansum(p, axis=1), np.nansum(x3d, axis=(1, 2))
  expect_identical(as.array(ops$nanprod(p, axis = 1L)), array(c(3, 2)))
  expect_identical(as.array(ops$nansum(p, axis = 1L)), array(c(4, 3)))
  expect_identical(as.array(ops$nansum(with_nan_3d, axis = c(1L, 2L))), array(c(6, 9)))
  expect_identical(as.array(ops$nansum(all_nan)), array(0))
  expect_identical(as.array(ops$nanprod(all_nan, axis = 1L)), array(c(1, 1)))
})

test_that("nansum and nanprod widen narrow integers and bools as sum and prod do", {
  expect_identical(ops$nansum(op_array(c(1L, 2L), "int8"))$dtype, "int32")
  expect_identical(ops$nanprod(op_array(c(1L, 2L), "uint8"))$dtype, "uint32")
  expect_identical(ops$nansum(op_array(c(TRUE, TRUE)))$dtype, "int32")
  expect_identical(ops$nansum(op_array(c(1, NaN), "float16"))$dtype, "float16")
})

test_that("nanvar and nanstd are the population figures of the values that are not NaN", {
  s <- op_array(rows_of(c(1, NaN, 3, NaN, 2, 1), c(1, 2, 3)))
  # np.nanvar(s), np.nanvar(s, axis=1), np.nanstd(s, axis=1, keepdims=True), np.nanvar(x3d, axis=(1, 2))
  expect_equal(as.array(ops$nanvar(s)), array(0.6875))
  expect_identical(as.array(ops$nanvar(s, axis = 1L)), array(c(0, 0, 1), c(1, 3)))
  expect_identical(as.array(ops$nanstd(s, axis = 1L, keepdims = TRUE)), array(c(0, 0, 1), c(1, 1, 3)))
  expect_equal(as.array(ops$nanvar(with_nan_3d, axis = c(1L, 2L))), array(c(2 / 3, 0.25)))
  expect_identical(as.array(ops$nanvar(all_nan, axis = 1L)), array(c(NaN, NaN)))
})

test_that("nanvar and nanstd of integers are floatx, float64 kept, complex refused", {
  expect_identical(ops$nanvar(op_array(1:4))$dtype, "float32")
  expect_equal(as.array(ops$nanstd(op_array(1:4))), array(sqrt(1.25)), tolerance = 1e-6)
  expect_identical(ops$nanstd(op_array(array(c(1, 2)), "float64"))$dtype, "float64")
  expect_error(ops$nanvar(op_array(complex(real = 1:2, imaginary = 0))), class = "type_error")
})

x24 <- op_array(rows_of(0:23, c(2, 3, 4)), "float32")

test_that("percentile gives op_quantile's values of q / 100", {
  # np.percentile(x, 50), np.percentile(x, [50, 100], axis=1)[1], np.percentile(x, [50, 100], axis=(1, 2))
  expect_identical(as.array(ops$percentile(x24, 50)), array(11.5))
  expect_identical(as.array(ops$percentile(x24, c(50, 100), axis = 1L))[2, , ], rbind(8:11, 20:23) + 0)
  expect_identical(as.array(ops$percentile(x24, c(50, 100), axis = c(1L, 2L))), rbind(c(5.5, 17.5), c(11, 23)))
  expect_identical(as.integer(ops$percentile(x24, 50, axis = 1L, keepdims = TRUE)$shape), c(2L, 1L, 4L))
  expect_identical(as.array(ops$percentile(x24, 100)), array(23))
})

test_that("percentile takes each of NumPy's methods", {
  # np.percentile(x, [50.1, 99.9], method=m)
  expected <- list(linear = c(11.523, 22.977), lower = c(11, 22), higher = c(12, 23), midpoint = c(11.5, 22.5), nearest = c(12, 23))
  for (method in names(expected))
    expect_equal(as.array(ops$percentile(x24, c(50.1, 99.9), method = method)), array(expected[[method]]), tolerance = 1e-5, label = method)
})

test_that("percentile of integers is floatx, of float64 float64", {
  out <- ops$percentile(op_array(c(1L, 2L, 3L, 4L)), 50)
  expect_identical(out$dtype, "float32")
  expect_identical(as.array(out), array(2.5))
  expect_identical(ops$percentile(op_array(array(c(1, 2)), "float64"), 50)$dtype, "float64")
})

test_that("percentile refuses percentiles outside [0, 100] and an unknown method", {
  expect_error(ops$percentile(x24, 150), "range \\[0, 100\\]", class = "value_error")
  expect_error(ops$percentile(x24, c(-1, 50)), class = "value_error")
  expect_error(ops$percentile(x24, 50, method = "cubic"), class = "value_error")
})

# Keras's test tensor: np.arange-like values with a NaN in each half.
x_nan <- op_array(rows_of(c(NaN, 1:22, NaN), c(2, 3, 4)), "float32")

test_that("nanquantile ignores NaN along the reduced axes", {
  # np.nanquantile(x, 0.5), np.nanquantile(x, [0.25, 0.5, 1], axis=(1, 2))
  expect_identical(as.array(ops$nanquantile(x_nan, 0.5)), array(11.5))
  expect_identical(as.array(ops$nanquantile(x_nan, c(0.25, 0.5, 1), axis = c(1L, 2L))), rbind(c(3.5, 14.5), c(6, 17), c(11, 22)))
  # np.nanquantile(x, [0.25, 0.5, 1], axis=1)[0]
  expect_identical(as.array(ops$nanquantile(x_nan, c(0.25, 0.5, 1), axis = 1L))[1, , ], rbind(c(5, 3, 4, 5), c(14, 15, 16, 16)))
  # np.nanquantile(x, 0.5, axis=-1, keepdims=True)
  expect_identical(as.array(ops$nanquantile(x_nan, 0.5, axis = -1L, keepdims = TRUE)), rows_of(c(2, 5.5, 9.5, 13.5, 17.5, 21), c(2, 3, 1)))
  expect_identical(as.array(ops$nanquantile(x_nan, 0.5, axis = c(2L, 1L))), as.array(ops$nanquantile(x_nan, 0.5, axis = c(1L, 2L))))
})

test_that("nanquantile takes each of NumPy's methods", {
  # np.nanquantile(x, [0.501, 1.0], axis=1, method=m)[0]
  expected <- list(linear = rbind(c(6.004, 5.008, 6.008, 7.008), c(16.008, 17.008, 18.008, 17.004)),
                   lower = rbind(c(4, 5, 6, 7), c(16, 17, 18, 15)), higher = rbind(c(8, 9, 10, 11), c(20, 21, 22, 19)),
                   midpoint = rbind(c(6, 7, 8, 9), c(18, 19, 20, 17)), nearest = rbind(c(8, 5, 6, 7), c(16, 17, 18, 19)))
  for (method in names(expected))
    expect_equal(as.array(ops$nanquantile(x_nan, c(0.501, 1), axis = 1L, method = method))[1, , ], expected[[method]], tolerance = 1e-5, label = method)
})

test_that("nanquantile gives NaN for lines of NaN only, and for no elements", {
  mixed <- op_array(rbind(c(NaN, NaN, NaN), c(1, 2, 3)), "float32")
  expect_identical(as.array(ops$nanquantile(mixed, 0.5, axis = 1L)), array(c(NaN, 2)))
  expect_identical(as.array(ops$nanquantile(all_nan, 0.5)), array(NaN))
  # np.nanquantile([[[1.0]], [[nan]]], 0.5, axis=1)
  expect_identical(as.array(ops$nanquantile(op_array(array(c(1, NaN), c(2, 1, 1)), "float32"), 0.5, axis = 1L)), array(c(1, NaN), c(2, 1)))
  expect_identical(as.array(ops$nanquantile(op_zeros(c(2, 0)), 0.5, axis = 1L)), array(c(NaN, NaN)))
})

test_that("nanquantile of integers is floatx, and refuses q outside [0, 1]", {
  expect_identical(ops$nanquantile(op_array(c(1L, 2L, 3L)), 0.5)$dtype, "float32")
  expect_error(ops$nanquantile(x_nan, 1.5), class = "value_error")
  expect_error(ops$nanquantile(x_nan, 0.5, method = "cubic"), class = "value_error")
})

test_that("nanpercentile is nanquantile of q / 100", {
  # np.nanpercentile(x, [25, 50, 100], axis=1)[1], np.nanpercentile(x, 50, axis=(2, 1))
  expect_identical(as.array(ops$nanpercentile(x_nan, c(25, 50, 100), axis = 1L))[2, , ], rbind(c(6, 5, 6, 7), c(16, 17, 18, 17)))
  expect_identical(as.array(ops$nanpercentile(x_nan, 50, axis = c(2L, 1L))), array(c(6, 17)))
  expect_identical(as.array(ops$nanpercentile(all_nan, 50)), array(NaN))
  expect_error(ops$nanpercentile(x_nan, 101), class = "value_error")
})

test_that("nanmedian is the middle value, or the mean of the middle two, even beside infinities", {
  # np.nanmedian([1, 2, inf]) = 2, np.nanmedian([-inf, -inf]) = -inf, np.nanmedian([1, nan, inf]) = inf
  expect_identical(as.vector(as.array(ops$nanmedian(op_array(c(1, 2, Inf))))), 2)
  expect_identical(as.vector(as.array(ops$nanmedian(op_array(c(-Inf, -Inf))))), -Inf)
  expect_identical(as.vector(as.array(ops$nanmedian(op_array(c(1, NaN, Inf))))), Inf)
})

test_that("column_stack and dstack read R vectors as the Python lists reticulate makes of them: floatx", {
  expect_identical(ops$column_stack(list(c(1, 2), c(3, 4)))$dtype, "float32")
  expect_identical(ops$dstack(list(c(1, 2), c(3, 4)))$dtype, "float32")
  expect_identical(ops$concatenate(list(c(1, 2), c(3, 4)))$dtype, "float32")
  expect_identical(ops$column_stack(list(1:2, 3:4))$dtype, "int32")
})
