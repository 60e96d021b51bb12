x <- array(c(-2, -0.5, 0, 1.5, 3, 8), c(2, 3))
v <- keras_variable(x)
sigmoid <- function(x) 1 / (1 + exp(-x))

test_that("activations equal their formulas in base R", {
  expect_identical(as.array(op_relu(v)), pmax(x, 0))
  expect_identical(as.array(op_relu6(v)), pmin(pmax(x, 0), 6))
  expect_equal(as.array(op_sigmoid(v)), sigmoid(x))
  expect_equal(as.array(op_softplus(v)), log1p(exp(x)))
  expect_equal(as.array(op_softsign(v)), x / (1 + abs(x)))
  expect_equal(as.array(op_silu(v)), x * sigmoid(x))
  expect_equal(as.array(op_log_sigmoid(v)), log(sigmoid(x)))
  expect_equal(as.array(op_hard_sigmoid(v)), pmin(pmax(x + 3, 0), 6) / 6)
  expect_equal(as.array(op_selu(v)), 1.05070098 * ifelse(x > 0, x, 1.67326324 * expm1(x)))
  expect_equal(as.array(op_elu(v, alpha = 2)), ifelse(x > 0, x, 2 * expm1(x)))
  expect_equal(as.array(op_leaky_relu(v, negative_slope = 0.1)), ifelse(x >= 0, x, 0.1 * x))
})

test_that("the piecewise and shrinking activations of keras3 equal their formulas in base R", {
  y <- array(c(-2, -1, -0.5, 0, 0.5, 1, 3), c(7, 1))
  w <- op_array(y)
  expect_equal(as.array(op_hard_silu(w)), y * pmin(pmax(y + 3, 0), 6) / 6)
  expect_identical(as.array(op_hard_swish(w)), as.array(op_hard_silu(w)))
  expect_equal(as.array(op_tanh_shrink(w)), y - tanh(y))
  expect_equal(as.array(op_sparse_plus(w)), ifelse(y <= -1, 0, ifelse(y < 1, (y + 1)^2 / 4, y)))
  expect_equal(as.array(op_sparse_sigmoid(w)), ifelse(y <= -1, 0, ifelse(y >= 1, 1, (y + 1) / 2)))
  expect_identical(as.array(op_hard_tanh(w)), pmin(pmax(y, -1), 1))
})

test_that("op_hard_tanh() keeps an integer dtype, as Keras clips in the input's dtype", {
  result <- op_hard_tanh(array(c(-4L, 0L, 4L)))
  expect_identical(result$dtype, "int32")
  expect_identical(as.array(result), array(c(-1L, 0L, 1L)))
})

test_that("op_gelu is the tanh approximation by default and exact with approximate = FALSE", {
  expect_equal(as.array(op_gelu(v, approximate = FALSE)), x * pnorm(x))
  expect_equal(as.array(op_gelu(v)), 0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3))))
})

test_that("op_gelu keeps values beyond half the largest float finite, as Keras halves x first", {
  expect_identical(as.vector(as.array(op_gelu(op_array(c(2e38, 3e38), "float32")))), as.vector(as.array(op_array(c(2e38, 3e38), "float32"))))
  expect_identical(as.vector(as.array(op_gelu(op_array(1e308, "float64")))), 1e308)
})

test_that("op_erf equals 2 * pnorm(x * sqrt(2)) - 1", {
  y <- array(c(-3, -1, 0, 0.1, 0.5, 2.5), 6)
  expect_equal(as.array(op_erf(y)), 2 * pnorm(y * sqrt(2)) - 1, tolerance = 1e-14)
})

test_that("op_erfinv inverts op_erf, with infinities at -1 and 1 and NaN beyond", {
  p <- array(c(-0.999, -0.5, 0, 0.3, 0.9, 0.999999), 6)
  expect_equal(as.array(op_erfinv(p)), qnorm((p + 1) / 2) / sqrt(2), tolerance = 1e-10)
  expect_identical(as.array(op_erfinv(array(c(-1, 1)))), array(c(-Inf, Inf)))
  expect_true(all(is.nan(as.array(op_erfinv(array(c(-1.5, 2)))))))
  expect_identical(op_dtype(op_erfinv(0.5)), "float32")
  tail <- c(1 - 1e-12, 1 - 2^-53)
  expect_equal(as.vector(as.array(op_erfinv(op_array(tail, "float64")))), -qnorm((1 - tail) / 2) / sqrt(2), tolerance = 1e-14)
})

test_that("op_softmax() over one axis of size 1 warns in Keras's words, naming the axis as Keras takes it", {
  x <- array(c(1, 2), c(2, 1))
  expect_warning(r <- op_softmax(x), "softmax over axis -1 of a tensor of shape \\(2, 1\\)\\. This axis has size 1", class = "user_warning")
  expect_equal(as.array(r), array(1, c(2, 1)))
  expect_warning(op_softmax(x, axis = 2), "softmax over axis 1 of", class = "user_warning")
})

test_that("op_softmax() does not warn over a list of axes, all axes, or a longer axis, nor op_log_softmax()", {
  x <- array(c(1, 2), c(2, 1))
  expect_no_warning(op_softmax(x, axis = list(2)))
  expect_no_warning(op_softmax(array(1, 1), axis = NULL))
  expect_no_warning(op_softmax(x, axis = 1))
  expect_no_warning(op_log_softmax(x))
})

test_that("op_dot_product_attention() with one key does not warn about its softmax", {
  q <- array(1, c(1, 2, 1, 4))
  k <- array(1, c(1, 1, 1, 4))
  expect_no_warning(out <- op_dot_product_attention(q, k, k))
  expect_equal(dim(as.array(out)), c(1, 2, 1, 4))
})

test_that("op_softmax normalises each row by default and any axis on request", {
  expect_equal(as.array(op_softmax(v)), exp(x) / rowSums(exp(x)))
  expect_equal(as.array(op_softmax(v, axis = 1)), t(t(exp(x)) / colSums(exp(x))))
  expect_equal(as.array(op_log_softmax(v)), log(exp(x) / rowSums(exp(x))))
  expect_equal(as.array(op_softmax(array(c(1000, 1000), 2))), array(c(0.5, 0.5), 2))
})

test_that("op_softmax and op_log_softmax with axis = NULL normalise over every element, as Keras's axis=None", {
  m <- matrix(c(1, 2, 3, 1, 2, 3), 2, byrow = TRUE)
  expect_equal(as.array(op_softmax(m, axis = NULL)), exp(m) / sum(exp(m)), tolerance = 1e-6)
  expect_equal(as.array(op_log_softmax(m, axis = NULL)), m - log(sum(exp(m))), tolerance = 1e-6)
  # Keras's test_softmax: each row 0.045015, 0.122364, 0.33262.
  expect_equal(as.array(op_softmax(m, axis = NULL))[1, ], c(0.045015, 0.122364, 0.33262), tolerance = 1e-5)
})

test_that("activations of integers give floatx, relu keeps integers", {
  expect_identical(op_sigmoid(array(1:3, 3))$dtype, "float32")
  expect_identical(op_relu(array(-1:1, 3))$dtype, "int32")
})

test_that("op_where equals ifelse(), broadcasting, in the promoted dtype", {
  expect_identical(as.array(op_where(x > 0, v, 0)), ifelse(x > 0, x, 0))
  expect_identical(op_where(array(TRUE, 1), array(1:2, 2), 0.5)$dtype, "float32")
})

test_that("op_where of the condition only gives its non-zero positions per axis, row-major and 0-based, as Keras's nonzero", {
  positions <- op_where(matrix(c(TRUE, FALSE, TRUE, TRUE), 2))
  expect_length(positions, 2)
  expect_identical(op_dtype(positions[[1]]), "int32")
  expect_identical(lapply(positions, function(p) as.vector(as.array(p))), list(c(0L, 0L, 1L), c(0L, 1L, 1L)))
  expect_identical(as.vector(as.array(op_where(c(0, 3, NaN, 0))[[1]])), c(1L, 2L))
  expect_length(as.array(op_where(c(0, 0))[[1]]), 0)
})

test_that("op_where with only one of x1 and x2 is a value_error", {
  # Keras's regex in test_where: "either both should be `None`".
  expect_bridge_error(op_where(x > 0, x), "value_error", "either both should be `None`")
})

test_that("op_clip equals pmin(pmax()) and keeps the dtype", {
  expect_identical(as.array(op_clip(v, 0, 5)), pmin(pmax(x, 0), 5))
  expect_identical(op_clip(array(1:5, 5), 2L, 4L)$dtype, "int32")
})

test_that("op_celu is x from 0 and alpha * expm1(x / alpha) below, in floatx for integers", {
  x <- c(-2, -0.5, 0, 1.5)
  expect_equal(as.vector(as.array(op_celu(op_array(array(x))))), ifelse(x > 0, x, expm1(x)))
  expect_equal(as.vector(as.array(op_celu(op_array(array(x)), alpha = 2))), ifelse(x > 0, x, 2 * expm1(x / 2)))
  expect_identical(op_celu(array(c(-1L, 2L)))$dtype, "float32")
  expect_true(is.nan(as.array(op_celu(NaN))))
})

test_that("op_squareplus is (x + sqrt(x^2 + b)) / 2", {
  x <- c(-3, 0, 2)
  expect_equal(as.vector(as.array(op_squareplus(op_array(array(x))))), (x + sqrt(x^2 + 4)) / 2)
  expect_equal(as.vector(as.array(op_squareplus(op_array(array(x)), b = 1))), (x + sqrt(x^2 + 1)) / 2)
  expect_identical(op_squareplus(array(1:2))$dtype, "float32")
})

test_that("op_glu gives the first half times the sigmoid of the second along the axis", {
  m <- matrix(c(1, 2, 3, 4, -1, 0, 2, 5), 2, byrow = TRUE)
  sigmoid <- function(z) 1 / (1 + exp(-z))
  expect_equal(as.array(op_glu(m)), m[, 1:2] * sigmoid(m[, 3:4]))
  expect_equal(as.array(op_glu(m, axis = 1)), m[1, , drop = FALSE] * sigmoid(m[2, , drop = FALSE]))
  expect_identical(op_glu(op_array(m, "float16"))$dtype, "float16")
})

test_that("op_glu needs an even axis length", {
  expect_bridge_error(op_glu(matrix(1, 2, 3)), "value_error", "divisible by 2. Received: x.shape=(2, 3) with axis=-1", fixed = TRUE)
})

test_that("op_hard_shrink keeps x beyond the threshold and gives 0 elsewhere, in x's dtype", {
  x <- array(c(-2, -0.5, 0.2, 0.6, NaN))
  expect_identical(as.vector(as.array(op_hard_shrink(x))), c(-2, 0, 0, 0.6, 0))
  expect_identical(as.vector(as.array(op_hard_shrink(array(-3:3), threshold = 1))), c(-3L, -2L, 0L, 0L, 0L, 2L, 3L))
})

test_that("op_soft_shrink moves what lies beyond the threshold towards 0 and gives 0 elsewhere", {
  x <- array(c(-2, -0.5, 0.2, 0.75))
  expect_identical(as.vector(as.array(op_soft_shrink(x))), c(-1.5, 0, 0, 0.25))
  expect_identical(as.vector(as.array(op_soft_shrink(x, threshold = 1))), c(-1, 0, 0, 0))
  expect_identical(op_soft_shrink(array(1:3), threshold = 1)$dtype, "int32")
})

test_that("op_threshold keeps x above the threshold and gives default_value elsewhere, in x's dtype", {
  x <- array(c(-1, 0.2, 0.5, 3))
  expect_identical(as.vector(as.array(op_threshold(x, 0.2, -9))), c(-9, -9, 0.5, 3))
  expect_identical(op_threshold(op_array(x, "float32"), 0, 1L)$dtype, "float32")
  expect_identical(as.vector(as.array(op_threshold(array(1:4), 2L, 0.5))), c(0L, 0L, 3L, 4L))
})

test_that("op_nonzero gives 1-based int32 positions, a row per non-zero element in row-major order", {
  m <- matrix(c(TRUE, FALSE, TRUE, TRUE), 2)
  positions <- as.array(op_nonzero(m))
  expect_identical(positions, rbind(c(1L, 1L), c(1L, 2L), c(2L, 2L)))
  expect_identical(op_dtype(op_nonzero(m)), "int32")
  expect_identical(as.vector(as.array(op_nonzero(c(0, 3, 0, 5)))), c(2L, 4L))
})

test_that("op_select takes from the first choice whose condition holds, else the default", {
  x <- c(-2, 0.5, 3, 7)
  chosen <- op_select(list(x < 0, x > 1), list(-x, x * 10), default = 99)
  expect_identical(as.vector(as.array(chosen)), c(2, 99, 30, 70))
  expect_identical(as.vector(as.array(op_select(list(x > 0, x > 5), list(1L, 2L)))), c(0L, 1L, 1L, 1L))
})

test_that("op_select needs as many choices as conditions", {
  expect_bridge_error(op_select(list(TRUE, FALSE), list(1)), "value_error", "same length as list of conditions")
  expect_bridge_error(op_select(TRUE, 1), "type_error", "must be lists")
  expect_bridge_error(op_select(list(), list(), 0), "value_error", "condlist and choicelist must not be empty", fixed = TRUE)
})

test_that("op_one_hot defaults to config_floatx(), as Keras's standardize_dtype(None)", {
  old <- config_set_floatx("float64")
  on.exit(config_set_floatx("float32"))
  expect_identical(op_dtype(op_one_hot(c(1, 3), 3)), "float64")
})

test_that("op_sparse_categorical_crossentropy needs targets of the output's shape up to its last axis, as Keras", {
  expect_error(op_sparse_categorical_crossentropy(c(0, 1), matrix(1 / 3, 3, 3)), class = "value_error",
               regexp = "up until the last dimension: target.shape=(2,), output.shape=(3, 3)", fixed = TRUE)
})

test_that("op_select takes a plain number default as an integer, as keras3 passes it (keras3's example stays int32)", {
  x <- op_arange(6L)
  chosen <- op_select(list(x < 3, x > 3), list(x, x^2), 42)
  expect_identical(op_dtype(chosen), "int32")
  expect_identical(as.vector(as.array(chosen)), c(1L, 2L, 42L, 16L, 25L, 36L))
})
