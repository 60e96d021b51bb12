# keras3's activation_*() functions: Keras's keras.activations, whose tests these follow.
x <- c(-10, -5, 0, 5, 10)

test_that("activation_relu() with a negative slope alone is a leaky relu (test_relu_negative_slope)", {
  expect_equal(values(activation_relu(x, negative_slope = 0.5)), c(-5, -2.5, 0, 5, 10))
})

test_that("activation_relu() with max_value caps, and with 6 is relu6 (test_relu_max_value, test_relu_to_trigger_relu6)", {
  expect_equal(values(activation_relu(x, max_value = 5)), c(0, 0, 0, 5, 5))
  expect_equal(values(activation_relu(c(x, 12), max_value = 6)), c(0, 0, 0, 5, 6, 6))
})

test_that("activation_relu() passes only what exceeds the threshold (test_relu_threshold)", {
  expect_equal(values(activation_relu(x, threshold = 5)), c(0, 0, 0, 0, 10))
  expect_equal(values(activation_relu(x, threshold = 5, max_value = 5)), c(0, 0, 0, 0, 5))
})

test_that("activation_relu() combines slope, ceiling and threshold as Keras's ReLU (test_relu_combined_all_parameters)", {
  expect_equal(values(activation_relu(x, negative_slope = 0.5, max_value = 5, threshold = 5)), c(-7.5, -5, -2.5, 0, 5))
})

test_that("activation_relu() keeps the dtype of its input, integers included", {
  expect_identical(op_dtype(activation_relu(op_array(x, "float16"), negative_slope = 0.1, max_value = 4)), "float16")
  expect_identical(as.array(activation_relu(array(-2:3))), array(c(0L, 0L, 0L, 1L, 2L, 3L)))
})

test_that("activation_relu() refuses a non-numeric slope, ceiling or threshold with a type_error", {
  expect_bridge_error(activation_relu(x, negative_slope = "a"), "type_error", "`negative_slope` must be a number")
  expect_bridge_error(activation_relu(x, max_value = c(1, 2)), "type_error", "`max_value` must be a number")
})

test_that("activation_gelu() is exact by default, as Keras's activation (op_gelu() approximates)", {
  expect_equal(values(activation_gelu(c(-1, 0.5, 2))), values(op_gelu(c(-1, 0.5, 2), approximate = FALSE)))
  expect_false(isTRUE(all.equal(values(activation_gelu(c(-1, 0.5, 2))), values(op_gelu(c(-1, 0.5, 2))))))
})

test_that("activation_mish() is x * tanh(softplus(x))", {
  z <- c(-3, -0.5, 0, 1, 4)
  expect_equal(values(activation_mish(z)), z * tanh(log1p(exp(z))), tolerance = 1e-6)
})

test_that("activation_linear() gives its input back, and activation_exponential() is exp()", {
  m <- matrix(1:4, 2)
  expect_identical(activation_linear(m), m)
  expect_equal(values(activation_exponential(c(0, 1))), exp(c(0, 1)), tolerance = 1e-6)
})

test_that("each activation with a same-named op gives that op's value on a tensor, as keras3's test-activations", {
  t <- op_array(matrix(seq(-2, 2, length.out = 12), 3, 4))
  same <- list(activation_leaky_relu = op_leaky_relu, activation_relu6 = op_relu6, activation_elu = op_elu,
               activation_selu = op_selu, activation_celu = op_celu, activation_silu = op_silu,
               activation_hard_silu = op_hard_silu, activation_hard_swish = op_hard_silu, activation_sigmoid = op_sigmoid,
               activation_hard_sigmoid = op_hard_sigmoid, activation_log_sigmoid = op_log_sigmoid,
               activation_sparse_sigmoid = op_sparse_sigmoid, activation_softplus = op_softplus,
               activation_sparse_plus = op_sparse_plus, activation_squareplus = op_squareplus,
               activation_softsign = op_softsign, activation_tanh = op_tanh, activation_hard_tanh = op_hard_tanh,
               activation_tanh_shrink = op_tanh_shrink, activation_hard_shrink = op_hard_shrink,
               activation_soft_shrink = op_soft_shrink, activation_softmax = op_softmax,
               activation_log_softmax = op_log_softmax, activation_sparsemax = op_sparsemax, activation_glu = op_glu)
  for (name in names(same)) {
    got <- get(name)(t)
    expect_identical(op_shape(got), op_shape(same[[name]](t)), info = name)
    expect_equal(as.array(got), as.array(same[[name]](t)), info = name)
  }
  expect_equal(values(activation_threshold(t, 0, -1)), values(op_threshold(t, 0, -1)))
})

test_that("activation_softmax() and activation_log_softmax() take keras3's 1-based axis", {
  m <- matrix(1:6, 2)
  expect_equal(colSums(as.array(activation_softmax(m, axis = 1))), rep(1, 3), tolerance = 1e-6)
  expect_equal(rowSums(exp(as.array(activation_log_softmax(m)))), rep(1, 2), tolerance = 1e-6)
})
