test_that("op_normalize divides by the L2 norm along the last axis by default", {
  x <- rbind(c(3, 4), c(1, 0))
  expect_equal(as.array(op_normalize(x)), x / sqrt(rowSums(x^2)))
  expect_equal(as.array(op_normalize(x, axis = 1)), t(t(x) / sqrt(colSums(x^2))))
})

test_that("op_normalize with another order divides by that norm", {
  x <- rbind(c(3, -4), c(1, 0))
  expect_equal(as.array(op_normalize(x, order = 1)), x / rowSums(abs(x)))
  expect_equal(as.array(op_normalize(x, order = 3)), x / rowSums(abs(x)^3)^(1 / 3))
})

test_that("op_normalize leaves zero vectors at zero, not NaN", {
  expect_identical(as.vector(as.array(op_normalize(op_array(c(0, 0), "float32")))), c(0, 0))
  expect_identical(as.vector(as.array(op_normalize(op_array(c(0, 0), "float32"), order = 1))), c(0, 0))
})

test_that("op_normalize refuses an order that is not a whole number from 1", {
  expect_bridge_error(op_normalize(c(1, 2), order = 0), "value_error", "order` must be an int >= 1. Received: order=0")
  expect_bridge_error(op_normalize(c(1, 2), order = 1.5), "value_error", "order=1.5")
  expect_bridge_error(op_normalize(c(1, 2), epsilon = "e"), "type_error", "epsilon=\"e\"", fixed = TRUE)
})

test_that("op_rms_normalization divides by the root mean square and multiplies by scale", {
  x <- rbind(c(3, 4), c(1, 0))
  rms <- sqrt(rowMeans(x^2) + config_epsilon())
  expect_equal(as.array(op_rms_normalization(x)), x / rms, tolerance = 1e-6)
  expect_equal(as.array(op_rms_normalization(x, scale = c(1, 2))), sweep(x / rms, 2, c(1, 2), "*"), tolerance = 1e-6)
})

test_that("op_rms_normalization and op_layer_normalization give back the input's dtype", {
  x <- op_array(matrix(c(1, 2, 3, 5), 2), "float16")
  expect_identical(op_rms_normalization(x)$dtype, "float16")
  expect_identical(op_layer_normalization(x)$dtype, "float16")
  expect_identical(op_layer_normalization(op_array(matrix(c(1, 2, 3, 5), 2), "float32"))$dtype, "float32")
})

test_that("op_layer_normalization centres and scales along the axis, then applies gamma and beta", {
  x <- rbind(c(3, 4, 8), c(1, 0, 2))
  centred <- (x - rowMeans(x)) / sqrt(apply(x, 1, function(r) mean((r - mean(r))^2)) + config_epsilon())
  expect_equal(as.array(op_layer_normalization(x)), centred, tolerance = 1e-6)
  expect_equal(as.array(op_layer_normalization(x, gamma = c(1, 2, 3), beta = c(0, 1, -1))),
               sweep(sweep(centred, 2, c(1, 2, 3), "*"), 2, c(0, 1, -1), "+"), tolerance = 1e-6)
})

test_that("op_layer_normalization along the first axis lines gamma up with that axis", {
  x <- rbind(c(3, 4, 8), c(1, 0, 2))
  centred <- t((t(x) - colMeans(x)) / sqrt(apply(x, 2, function(r) mean((r - mean(r))^2)) + config_epsilon()))
  expect_equal(as.array(op_layer_normalization(x, gamma = c(2, 3), axis = 1)), centred * c(2, 3), tolerance = 1e-6)
})

test_that("op_layer_normalization with rms_scaling divides by the root of the variance only, warning it is deprecated as Keras does", {
  x <- rbind(c(3, 4), c(1, 0))
  expect_warning(out <- op_layer_normalization(x, rms_scaling = TRUE), "deprecated", class = "user_warning")
  expect_equal(as.array(out), x / sqrt(0.25 + config_epsilon()), tolerance = 1e-6)
})

test_that("op_psnr is 20 log10(max_val) - 10 log10(mse)", {
  a <- array(c(0, 0.5, 1))
  b <- array(c(0, 0.4, 1))
  expect_equal(as.vector(as.array(op_psnr(a, b, max_val = 1))), -10 * log10(mean((a - b)^2)))
  expect_equal(as.vector(as.array(op_psnr(a * 255, b * 255, max_val = 255))), -10 * log10(mean((a - b)^2)), tolerance = 1e-6)
  expect_identical(as.vector(as.array(op_psnr(a, a, max_val = 1))), Inf)
})

test_that("op_psnr needs inputs of one shape", {
  expect_bridge_error(op_psnr(c(1, 2), c(1, 2, 3), 1), "value_error", "Input shapes (2,) and (3,) must match", fixed = TRUE)
})

test_that("layer and RMS normalization refuse complex values rather than cut them to their real parts", {
  z <- op_array(c(1+2i, 3+0i), "complex64")
  expect_bridge_error(op_layer_normalization(z), "type_error", "`layer_normalization` does not support dtype complex64.", fixed = TRUE)
  expect_bridge_error(op_rms_normalization(z), "type_error", "`rms_normalization` does not support dtype complex64.", fixed = TRUE)
})

test_that("op_batch_normalization keeps a float x's dtype, as Keras's BatchNorm gives it", {
  x <- op_array(rbind(c(.1, .2, .3), c(.4, .5, .6)), "float32")
  expect_identical(op_dtype(op_batch_normalization(x, mean = c(.2, .3, .4), variance = c(4, 16, 64), axis = -1)), "float32")
  h <- op_array(rbind(c(1, 2)), "float16")
  expect_identical(op_dtype(op_batch_normalization(h, op_array(c(0, 0), "float32"), op_array(c(1, 1), "float32"), axis = -1)), "float16")
})

test_that("op_psnr takes plain R vectors as keras3 hands them to Keras, in config_floatx()", {
  expect_identical(op_dtype(op_psnr(c(0.1, 0.2), c(0.2, 0.2), 1)), "float32")
})

test_that("messages in Keras's words print shapes as Python tuples", {
  expect_error(op_dot_product_attention(array(1, c(3, 4, 8)), array(1, c(3, 4, 8)), array(1, c(3, 4, 8))),
               class = "value_error", regexp = "query.shape=(3, 4, 8)", fixed = TRUE)
})

test_that("op_normalize squares an integer epsilon without R's integer overflow", {
  # Keras squares a Python int: 50000^2 is 2.5e9, beyond R's integers.
  expect_no_warning(out <- op_normalize(c(3, 4), epsilon = 50000L))
  expect_equal(as.vector(as.array(out)), c(3, 4) / 50000, tolerance = 1e-6)
})
