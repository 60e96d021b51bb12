test_that("op_array of a double vector is floatx and of a double matrix float64, as keras3", {
  expect_identical(op_array(c(1, 2, 3))$dtype, "float32")
  expect_identical(op_array(matrix(c(1, 2, 3, 4), 2))$dtype, "float64")
  expect_identical(op_array(1:3)$dtype, "int32")
  expect_identical(op_array(c(TRUE, FALSE))$dtype, "bool")
  expect_identical(as.array(op_array(matrix(1:6, 2))), matrix(1:6, 2))
})

test_that("op_convert_to_tensor treats several numbers as an array, so doubles are float64", {
  expect_identical(op_convert_to_tensor(c(1, 2, 3))$dtype, "float64")
  expect_identical(op_convert_to_tensor(2)$dtype, "float32")
})

test_that("an integer dtype truncates doubles first, as keras3", {
  expect_identical(as.array(op_convert_to_tensor(c(1.7, -2.7), dtype = "int32")), array(c(1L, -2L), 2))
  expect_identical(as.vector(as.array(op_array(2.9, dtype = "int64"))), 2)
})

test_that("doubles beyond R's integers reach 64-bit integer dtypes, and out of a dtype's range is a value_error", {
  expect_identical(as.array(op_array(c(3e9, -2^40), dtype = "int64")), array(c(3e9, -2^40), 2))
  expect_identical(as.vector(as.array(op_array(2^40, dtype = "uint64"))), 2^40)
  expect_bridge_error(op_array(3e9, dtype = "int32"), "value_error", "Value 3000000000 is out of range for dtype int32", fixed = TRUE)
  expect_bridge_error(op_array(NA_real_, dtype = "int64"), "value_error", "Cannot convert NA or NaN to dtype int64", fixed = TRUE)
})

test_that("doubles whose truncation an integer dtype holds convert, truncated as R's as.integer()", {
  expect_identical(as.vector(as.array(op_array(c(127.5, -128.9), dtype = "int8"))), c(127L, -128L))
  i8 <- keras_variable(c(0L, 0L), dtype = "int8")
  i8@r[1] <- 127.5
  expect_identical(as.vector(as.array(i8)), c(127L, 0L))
  expect_bridge_error(op_array(128, dtype = "int8"), "value_error", "out of range")
})

test_that("op_convert_to_tensor of a variable is its value, cast when a dtype is given", {
  v <- keras_variable(array(1:4, c(2, 2)))
  expect_identical(as.array(op_convert_to_tensor(v)), array(1:4, c(2, 2)))
  expect_identical(op_convert_to_tensor(v, dtype = "float32")$dtype, "float32")
})

test_that("sparse = TRUE or ragged = TRUE leave a dense input dense, as Keras's TensorFlow backend does", {
  expect_identical(as.array(op_convert_to_tensor(c(1, 2), sparse = TRUE)), array(c(1, 2)))
  expect_identical(as.array(op_convert_to_tensor(c(1, 2), ragged = TRUE)), array(c(1, 2)))
})

test_that("ops that would return a sparse tensor refuse sparse = TRUE with a value_error", {
  expect_bridge_error(op_one_hot(c(1, 2), 3, sparse = TRUE), "value_error", "Sparse tensors are not supported")
})

test_that("op_shape, op_dtype, op_ndim and op_size describe tensors, variables and R values", {
  x <- op_array(matrix(1:6, 2))
  expect_identical(format(op_shape(x)), "shape(2, 3)")
  expect_identical(format(op_shape(keras_variable(array(0, c(4, 1))))), "shape(4, 1)")
  expect_identical(format(op_shape(array(0, c(2, 5)))), "shape(2, 5)")
  expect_identical(format(op_shape(3)), "shape()")
  expect_identical(op_dtype(x), "int32")
  expect_identical(op_ndim(x), 2L)
  expect_identical(op_size(x), 6L)
})

test_that("op_is_tensor is TRUE for tensors and variables, as TensorFlow's tf.is_tensor() of a Keras variable", {
  expect_true(op_is_tensor(op_array(1)))
  expect_true(op_is_tensor(keras_variable(1)))
  expect_false(op_is_tensor(array(1)))
  expect_false(op_is_tensor(initializer_ones()))
})

test_that("op_zeros, op_ones and op_full fill a shape, floatx by default", {
  expect_identical(as.array(op_zeros(c(2, 3))), array(0, c(2, 3)))
  expect_identical(op_zeros(c(2, 3))$dtype, "float32")
  expect_identical(as.array(op_ones(shape(2), dtype = "int32")), array(1L, 2))
  expect_identical(as.array(op_full(c(2, 2), 7, dtype = "float64")), array(7, c(2, 2)))
  expect_identical(as.array(op_full(c(2, 2), array(c(1, 2), c(1, 2)), dtype = "float64")), array(rep(c(1, 2), each = 2), c(2, 2)))
})

test_that("the _like forms take x's shape and dtype", {
  x <- op_array(matrix(1:6, 2))
  expect_identical(as.array(op_zeros_like(x)), matrix(0L, 2, 3))
  expect_identical(as.array(op_ones_like(x, dtype = "float64")), matrix(1, 2, 3))
  expect_identical(as.array(op_full_like(matrix(1:4, 2), 0.5, dtype = "float64")), matrix(0.5, 2, 2))
})

test_that("op_full and op_full_like convert the fill straight to the dtype, exactly", {
  expect_identical(as.array(op_full(2L, 0.1, dtype = "float64")), array(c(0.1, 0.1)))
  expect_identical(as.array(op_full_like(op_array(c(1, 2), "float64"), 0.1)), array(c(0.1, 0.1)))
  expect_identical(as.array(op_full(2L, 2^40 + 1, dtype = "int64")), array(rep(2^40 + 1, 2)))
})

test_that("a fill out of an integer dtype's range is a value_error, not a clamped value", {
  expect_bridge_error(op_full_like(op_array(1:2, "uint8"), -1), "value_error", "out of range")
  expect_bridge_error(op_full(2L, 300, dtype = "int8"), "value_error", "out of range")
})

test_that("a shape with unknown dimensions cannot be filled", {
  expect_bridge_error(op_zeros(c(2, NA)), "value_error", "fully defined shape")
})

test_that("op_eye, op_identity and op_tri equal diag() and lower.tri()", {
  expect_identical(as.array(op_eye(3, dtype = "float64")), diag(3))
  expect_identical(as.array(op_identity(2, dtype = "int32")), matrix(c(1L, 0L, 0L, 1L), 2))
  m <- matrix(0, 2, 3)
  m[1, 2] <- m[2, 3] <- 1
  expect_identical(as.array(op_eye(2, 3, k = 1, dtype = "float64")), m)
  expect_identical(as.array(op_tri(3, dtype = "float64")), 1 * lower.tri(diag(3), diag = TRUE))
})

test_that("op_arange is seq(): from 1, end included, int32 for integers", {
  expect_identical(as.array(op_arange(5L)), array(1:5, 5))
  expect_identical(op_arange(5)$dtype, "float32")
  expect_identical(as.array(op_arange(2L, 10L, 2L)), array(seq(2L, 10L, 2L), 5))
  expect_identical(as.array(op_arange(10L, 1L, -3L)), array(c(10L, 7L, 4L, 1L), 4))
  expect_identical(as.array(op_arange(1L, 5L, include_end = FALSE)), array(1:4, 4))
  expect_identical(dim(as.array(op_arange(5, 1))), 0L)
})

test_that("op_arange of tensors takes Keras's result_type of their dtypes, R numbers beside them being weak", {
  int32 <- function(x) op_array(x, "int32")
  expect_identical(as.array(op_arange(int32(1), int32(5))), array(1:5))
  expect_identical(op_dtype(op_arange(int32(5))), "int32")
  expect_identical(op_dtype(op_arange(int32(1), int32(5), 0.5)), "float32")
  expect_identical(op_dtype(op_arange(op_array(1, "float64"), op_array(5, "float64"), 0.5)), "float64")
  expect_identical(op_dtype(op_arange(op_array(1, "int64"), op_array(9, "int64"), 2L)), "int64")
  expect_identical(op_dtype(op_arange(0.5, op_array(3, "float16"))), "float16")
})

test_that("op_arange moves end one step on and truncates for integer dtypes, as keras3", {
  expect_equal(as.array(op_arange(1, 2, 0.3, dtype = "float64")), array(c(1, 1.3, 1.6, 1.9, 2.2), 5))
  expect_identical(as.array(op_arange(1.7, dtype = "int32")), array(1L, 1))
  expect_identical(as.array(op_arange(1.5, 5, dtype = "int32")), array(1:5, 5))
  expect_bridge_error(op_arange(1, 5, include_end = NA), "type_error", "Argument `include_end` must be a boolean")
})

test_that("op_arange with int64 tensor bounds beyond 2^53 counts exactly", {
  start <- op_squeeze(op_add(op_full(1, 2^53, "int64"), op_array(1L, "int64")))
  expect_identical(as.character(op_arange(start, op_add(start, 3L))),
                   c("9007199254740993", "9007199254740994", "9007199254740995", "9007199254740996"))
  expect_identical(op_dtype(op_arange(start, op_add(start, 3L))), "int64")
  expect_identical(as.character(op_arange(start, op_add(start, 3L), 2L, include_end = FALSE)), c("9007199254740993", "9007199254740995"))
})

test_that("op_arange in an integer dtype with bounds no whole number holds gives Keras's errors", {
  expect_bridge_error(op_arange(0, Inf, dtype = "int32"), "value_error", "arange: cannot compute length")
  expect_bridge_error(op_arange(NaN, 5, dtype = "int32"), "value_error", "arange: cannot compute length")
  expect_bridge_error(op_arange(0, 1e31, dtype = "int64"), "memory_error", "Unable to allocate")
})

test_that("op_linspace equals seq(length.out =), and returns the step when asked", {
  expect_equal(as.array(op_linspace(0, 1, num = 5, dtype = "float64")), array(seq(0, 1, length.out = 5), 5))
  both <- op_linspace(0, 1, num = 4, endpoint = FALSE, retstep = TRUE, dtype = "float64")
  expect_equal(as.array(both[[1]]), array(c(0, 0.25, 0.5, 0.75), 4))
  expect_identical(both[[2]], 0.25)
  expect_identical(op_linspace(0, 1, num = 1, retstep = TRUE)[[2]], NaN)
  expect_identical(op_linspace(0, 1, num = 0, endpoint = FALSE, retstep = TRUE)[[2]], NaN)
  expect_identical(op_linspace(0, 1, num = 1, endpoint = FALSE, retstep = TRUE)[[2]], 1)
  expect_identical(op_linspace(0, 1)$dtype, "float32")
  expect_identical(dim(as.array(op_linspace(0, 1))), 50L)
})

test_that("counts may be integer tensors, as Keras takes them: linspace's num, eye's N, a triangle's k, repeats and shifts", {
  expect_identical(as.array(op_linspace(0L, 10L, op_array(5L))), array(c(0, 2.5, 5, 7.5, 10)))
  expect_identical(as.array(op_eye(op_array(2L))), diag(2))
  expect_identical(as.array(op_tril(matrix(1, 2, 2), k = op_array(0L))), rbind(c(1, 0), c(1, 1)))
  expect_identical(as.array(op_repeat(c(1, 2), op_array(c(1L, 2L)))), array(c(1, 2, 2)))
  expect_identical(as.array(op_roll(1:4, op_array(1L))), array(c(4L, 1L, 2L, 3L)))
  # A float tensor is not a count, as Keras's eye refuses one.
  expect_error(op_eye(op_array(2)), class = "type_error")
})

test_that("a count given as a tensor must be a 0-d integer one, as NumPy's operator.index takes", {
  expect_error(op_eye(op_array(matrix(2L))), class = "type_error")
  expect_error(op_eye(op_array(TRUE)), class = "type_error")
})

test_that("op_linspace of scalars takes axis -1 as well as 1, as NumPy", {
  expect_identical(as.array(op_linspace(0, 1, 3, axis = -1)), as.array(op_linspace(0, 1, 3)))
  expect_error(op_linspace(0, 1, 3, axis = 2), class = "value_error")
})

test_that("op_linspace of arrays spaces each pair of elements along a new axis, as NumPy's linspace", {
  expect_equal(as.array(op_linspace(c(0, 10), c(1, 20), num = 3)), rbind(c(0, 10), c(0.5, 15), c(1, 20)))
  expect_equal(as.array(op_linspace(c(0, 10), c(1, 20), num = 3, axis = -1)), cbind(c(0, 10), c(0.5, 15), c(1, 20)))
  ints <- op_linspace(op_array(c(0L, 1L), "int32"), op_array(c(10L, 20L), "int32"), 5L)
  expect_identical(op_dtype(ints), "float32")
  expect_equal(as.array(ints), rbind(c(0, 1), c(2.5, 5.75), c(5, 10.5), c(7.5, 15.25), c(10, 20)))
  stepped <- op_linspace(c(0, 10), c(1, 20), num = 4, endpoint = FALSE, retstep = TRUE)
  expect_equal(as.array(stepped[[1]]), rbind(c(0, 10), c(0.25, 12.5), c(0.5, 15), c(0.75, 17.5)))
  expect_equal(as.vector(as.array(stepped[[2]])), c(0.25, 2.5))
  # A matrix start and a scalar stop broadcast; the values run along axis 2 here.
  expect_identical(as.integer(op_shape(op_linspace(matrix(0:3, 2), 10, 3, axis = 2))), c(2L, 3L, 2L))
  expect_equal(as.array(op_logspace(c(0, 1), c(2, 3), num = 3)), rbind(c(1, 10), c(10, 100), c(100, 1000)), tolerance = 1e-6)
})

test_that("op_linspace of float32 arrays returns the step in float32, as Keras", {
  start <- op_array(c(0, 1), "float32")
  stop <- op_array(c(10, 5), "float32")
  step <- op_linspace(start, stop, num = 4L, retstep = TRUE)[[2]]
  expect_identical(op_dtype(step), "float32")
  expect_equal(as.vector(as.array(step)), c(10, 4) / 3, tolerance = 1e-6)
})

test_that("op_linspace and op_logspace: R numbers beside a tensor are weak 0-d values, and integer dtypes floor, as NumPy", {
  half <- op_linspace(op_array(0, "float16"), 1, num = 3)
  expect_identical(op_dtype(half), "float16")
  expect_identical(as.integer(op_shape(half)), 3L)
  expect_identical(op_dtype(op_linspace(op_array(c(0, 1), "float32"), 2, num = 3)), "float32")
  expect_identical(op_dtype(op_logspace(op_array(c(0, 1), "float64"), op_array(c(1, 2), "float64"), 3)), "float64")
  expect_identical(op_dtype(op_logspace(0, 2, 3)), "float32")
  # NumPy 1.24: np.linspace([-1, -3], [0, 3], 5, dtype="int32")[:, 0] is -1 -1 -1 -1 0.
  floored <- op_linspace(op_array(c(-1, -3), "float64"), op_array(c(0, 3), "float64"), 5, dtype = "int32")
  expect_identical(as.array(floored)[, 1], c(-1L, -1L, -1L, -1L, 0L))
  expect_identical(as.vector(as.array(op_linspace(-1, 0, 3, dtype = "int32"))), c(-1L, -1L, 0L))
  expect_identical(as.vector(as.array(op_linspace(op_array(0+0i), op_array(2+2i), 3))), c(0+0i, 1+1i, 2+2i))
  expect_identical(op_linspace(op_array(c(0, 1)), 1, num = 1, retstep = TRUE)[[2]], NaN)
})

test_that("op_reshape fills in C order, as keras3 (not R's dim<- order)", {
  x <- op_reshape(op_arange(6L), c(2, 3))
  expect_identical(as.array(x), matrix(1:6, 2, byrow = TRUE))
  expect_identical(as.array(op_reshape(x, c(-1, 2))), matrix(1:6, 3, byrow = TRUE))
  expect_identical(as.array(op_reshape(x, c(NA, 3))), as.array(x))
  expect_identical(as.array(op_ravel(x)), array(1:6, 6))
})

test_that("op_reshape to another size is a value_error naming both", {
  expect_bridge_error(op_reshape(op_arange(6L), c(4, 2)), "value_error", "cannot reshape array of size 6 into shape (4, 2)", fixed = TRUE)
})

test_that("op_reshape refuses dimensions below -1 and two unknowns with Keras's messages (test_reshape_rejects_invalid_newshape)", {
  x <- op_zeros(20)
  expect_bridge_error(op_reshape(x, c(-2L, 5L)), "value_error",
                      "Each dimension in `newshape` must be a non-negative integer, or `-1` for a single unknown dimension. Received: newshape=(-2, 5).", fixed = TRUE)
  expect_bridge_error(op_reshape(x, c(-1L, -1L, 5L)), "value_error",
                      "There must be at most one unknown dimension (-1) in `newshape`. Received: newshape=(-1, -1, 5).", fixed = TRUE)
})

test_that("op_transpose equals t() and aperm()", {
  a <- array(1:24, c(2, 3, 4))
  m <- matrix(1:6, 2)
  expect_identical(as.array(op_transpose(m)), t(m))
  expect_identical(as.array(op_transpose(a, c(3, 1, 2))), aperm(a, c(3, 1, 2)))
  expect_identical(as.array(op_transpose(a)), aperm(a))
})

test_that("op_transpose with axes that are not a permutation says what it received", {
  expect_bridge_error(op_transpose(matrix(1:6, 2), c(1, 1)), "value_error", "`axes` must name each of the 2 axes once. Received: axes=c(1, 1)", fixed = TRUE)
  expect_bridge_error(op_transpose(matrix(1:6, 2), 0), "value_error", "1 based")
})

test_that("op_expand_dims adds several axes at their positions in the result, as Keras with a tuple", {
  m <- matrix(1:6, 2)
  expect_identical(dim(as.array(op_expand_dims(m, c(1, 3)))), c(1L, 2L, 1L, 3L))
  expect_identical(dim(as.array(op_expand_dims(m, c(1, 4)))), c(1L, 2L, 3L, 1L))
  expect_identical(dim(as.array(op_expand_dims(m, c(-1, 1)))), c(1L, 2L, 3L, 1L))
  expect_identical(as.vector(as.array(op_expand_dims(m, c(1, 4)))), as.vector(m))
  expect_bridge_error(op_expand_dims(m, c(1, 1)), "value_error", "duplicate")
  expect_bridge_error(op_expand_dims(m, c(1, 5)), "value_error", "out of bounds")
  expect_bridge_error(op_expand_dims(m, c(0, 1)), "value_error", "1 based")
})

test_that("op_ravel keeps a double array's float64, and a double vector takes floatx, as keras3 converts them", {
  expect_identical(op_dtype(op_ravel(matrix(c(1, 2, 3, 4), 2))), "float64")
  expect_identical(as.array(op_ravel(matrix(c(1, 2, 3, 4), 2))), array(c(1, 3, 2, 4)))
  expect_identical(op_dtype(op_ravel(c(1, 2))), "float32")
})

test_that("op_expand_dims and op_squeeze add and drop axes of length 1", {
  m <- matrix(1:6, 2)
  expect_identical(dim(as.array(op_expand_dims(m, 1))), c(1L, 2L, 3L))
  expect_identical(dim(as.array(op_expand_dims(m, -1))), c(2L, 3L, 1L))
  expect_identical(as.array(op_expand_dims(m, 2))[, 1, ], m)
  expect_identical(dim(as.array(op_squeeze(array(1:3, c(1, 3, 1))))), 3L)
  expect_identical(dim(as.array(op_squeeze(array(1:3, c(1, 3, 1)), axis = 1))), c(3L, 1L))
  expect_bridge_error(op_squeeze(m, 1), "value_error", "size not equal to one")
})

test_that("ops whose result would be too large are a memory_error, and arange to infinity a value_error", {
  expect_bridge_error(op_eye(1e5), "memory_error", "Unable to allocate 37.3 GiB for an array with shape (100000, 100000) and data type float32", fixed = TRUE)
  expect_bridge_error(op_tile(c(1, 2), 2^31), "memory_error", "shape (4294967296,)", fixed = TRUE)
  expect_bridge_error(op_one_hot(1:2, .Machine$integer.max), "memory_error", "shape (2, 2147483647)", fixed = TRUE)
  expect_bridge_error(op_arange(-Inf, 5), "value_error", "arange: cannot compute length", fixed = TRUE)
})

test_that("op_logspace gives base to the powers op_linspace gives, in floatx or the dtype asked", {
  expect_equal(as.vector(as.array(op_logspace(0, 3, num = 4))), c(1, 10, 100, 1000))
  expect_identical(op_logspace(0, 3, num = 4)$dtype, "float32")
  expect_equal(as.vector(as.array(op_logspace(0, 3, num = 4, base = 2, endpoint = FALSE, dtype = "float64"))),
               2^seq(0, 3, length.out = 5)[1:4])
  expect_identical(as.vector(as.array(op_logspace(1, 3, num = 3, dtype = "int32"))), c(10L, 100L, 1000L))
  expect_bridge_error(op_logspace(0, 2, base = "e"), "type_error")
})

test_that("op_meshgrid's default xy indexing runs the first input along columns", {
  grids <- op_meshgrid(1:3, 4:5)
  expect_length(grids, 2)
  expect_identical(as.array(grids[[1]]), matrix(1:3, 2, 3, byrow = TRUE))
  expect_identical(as.array(grids[[2]]), matrix(4:5, 2, 3))
})

test_that("op_meshgrid with ij indexing runs each input along its own axis, over three inputs too", {
  grids <- op_meshgrid(1:2, 3:5, 6:9, indexing = "ij")
  expect_identical(as.integer(op_shape(grids[[1]])), c(2L, 3L, 4L))
  full <- expand.grid(a = 1:2, b = 3:5, c = 6:9)
  expect_identical(as.vector(as.array(grids[[1]])), full$a)
  expect_identical(as.vector(as.array(grids[[2]])), full$b)
  expect_identical(as.vector(as.array(grids[[3]])), full$c)
})

test_that("op_meshgrid makes double R vectors int64, truncated, as keras3 does", {
  grids <- op_meshgrid(c(1.7, 2), c(4, 5, 6))
  expect_identical(op_dtype(grids[[1]]), "int64")
  expect_identical(as.vector(as.array(grids[[1]])), c(1, 1, 1, 2, 2, 2))
  expect_identical(op_dtype(op_meshgrid(op_array(c(0.5, 1), "float32"))[[1]]), "float32")
})

test_that("op_meshgrid refuses an unknown indexing", {
  expect_bridge_error(op_meshgrid(1:2, indexing = "yx"), "value_error", "'xy' and 'ij'. Received: indexing=\"yx\"", fixed = TRUE)
})

test_that("op_empty gives a tensor of the shape and dtype, floatx by default", {
  expect_identical(as.integer(op_shape(op_empty(c(2, 3)))), c(2L, 3L))
  expect_identical(op_empty(c(2, 3))$dtype, "float32")
  expect_identical(op_empty(4, dtype = "int64")$dtype, "int64")
})

test_that("op_copy and op_stop_gradient of a variable keep its value of the time", {
  v <- keras_variable(c(1, 2))
  copied <- op_copy(v)
  stopped <- op_stop_gradient(v)
  v$assign(c(3, 4))
  expect_true(op_is_tensor(copied))
  expect_identical(as.vector(as.array(copied)), c(1, 2))
  expect_identical(as.vector(as.array(stopped)), c(1, 2))
  expect_identical(op_copy(matrix(1:4, 2))$dtype, "int32")
})

test_that("op_convert_to_array gives the R array of a tensor, variable or R value", {
  m <- matrix(c(1.5, 2, 3, 4), 2)
  expect_identical(op_convert_to_array(op_array(m)), m)
  expect_identical(op_convert_to_array(keras_variable(m, dtype = "float64")), m)
  expect_identical(op_convert_to_array(1:3), array(1:3))
})

test_that("a plain double vector takes floatx in op_diff, op_copy, op_stop_gradient, op_diagflat and op_histogram, as keras3 hands it to Keras as a list", {
  x <- c(1, 4, 9, 16)
  for (f in list(op_diff, op_copy, op_stop_gradient, op_diagflat)) expect_identical(op_dtype(f(x)), "float32")
  expect_identical(op_dtype(op_histogram(x)[[2]]), "float32")
  expect_identical(op_dtype(op_diff(array(x))), "float64")
})

test_that("op_arange and op_linspace refuse integer values their dtype cannot hold, as op_full does", {
  expect_bridge_error(op_arange(1e15, 1e15 + 3, 1, dtype = "int32"), "value_error", "is out of range for dtype int32")
  expect_bridge_error(op_arange(2147483640L, 2147483647L, 3L), "value_error", "Value 2147483649 is out of range for dtype int32")
  expect_bridge_error(op_linspace(0, 1e10, num = 3, dtype = "int32"), "value_error", "Value 10000000000 is out of range")
  expect_identical(as.vector(as.array(op_arange(2147483640L, 2147483646L, 3L))), c(2147483640L, 2147483643L, 2147483646L))
})
