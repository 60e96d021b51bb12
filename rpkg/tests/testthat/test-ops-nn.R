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

test_that("op_gelu is the tanh approximation by default and exact with approximate = FALSE", {
  expect_equal(as.array(op_gelu(v, approximate = FALSE)), x * pnorm(x))
  expect_equal(as.array(op_gelu(v)), 0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3))))
})

test_that("op_erf equals 2 * pnorm(x * sqrt(2)) - 1", {
  y <- array(c(-3, -1, 0, 0.1, 0.5, 2.5), 6)
  expect_equal(as.array(op_erf(y)), 2 * pnorm(y * sqrt(2)) - 1, tolerance = 1e-14)
})

test_that("op_softmax normalises each row by default and any axis on request", {
  expect_equal(as.array(op_softmax(v)), exp(x) / rowSums(exp(x)))
  expect_equal(as.array(op_softmax(v, axis = 1)), t(t(exp(x)) / colSums(exp(x))))
  expect_equal(as.array(op_log_softmax(v)), log(exp(x) / rowSums(exp(x))))
  expect_equal(as.array(op_softmax(array(c(1000, 1000), 2))), array(c(0.5, 0.5), 2))
})

test_that("activations of integers give floatx, relu keeps integers", {
  expect_identical(op_sigmoid(array(1:3, 3))$dtype, "float32")
  expect_identical(op_relu(array(-1:1, 3))$dtype, "int32")
})

test_that("op_where equals ifelse(), broadcasting, in the promoted dtype", {
  expect_identical(as.array(op_where(x > 0, v, 0)), ifelse(x > 0, x, 0))
  expect_identical(op_where(array(TRUE, 1), array(1:2, 2), 0.5)$dtype, "float32")
})

test_that("op_where without x1 and x2 is a value_error", {
  expect_bridge_error(op_where(x > 0), "value_error", "needs both")
})

test_that("op_clip equals pmin(pmax()) and keeps the dtype", {
  expect_identical(as.array(op_clip(v, 0, 5)), pmin(pmax(x, 0), 5))
  expect_identical(op_clip(array(1:5, 5), 2L, 4L)$dtype, "int32")
})
