test_that("constant initializers fill every element", {
  expect_identical(as.array(initializer_zeros()(c(2, 2))), array(0, c(2, 2)))
  expect_identical(as.array(initializer_ones()(c(2, 2))), array(1, c(2, 2)))
  expect_identical(as.array(initializer_constant(3)(c(3), "int32")), array(3L, 3))
})

test_that("initializer_constant takes an array, cast to the dtype asked for and broadcast to the shape, as Keras's Constant", {
  w <- matrix(c(0.1, 0.2, 0.3, 0.4), 2)
  expect_identical(as.array(initializer_constant(w)(c(2, 2), "float64")), w)
  expect_identical(as.array(initializer_constant(c(1, 2))(c(3, 2), "int32")), matrix(c(1L, 1L, 1L, 2L, 2L, 2L), 3))
  v <- keras_variable(initializer_constant(w), shape = c(2, 2), dtype = "float64")
  expect_identical(as.array(v), w)
  expect_identical(as.array(initializer_constant(op_array(w))(c(2, 2), "float64")), w)
  expect_bridge_error(initializer_constant(c(1, 2, 3))(c(2, 2)), "value_error", "broadcast")
})

test_that("initializer_constant's config of an array gives the array back, and rebuilds the initializer", {
  w <- matrix(c(1, 2, 3, 4), 2)
  init <- initializer_constant(w)
  config <- init$get_config()
  expect_identical(config$value, w)
  expect_identical(as.array(initializer_constant(config$value)(c(2, 2), "float64")), w)
})

test_that("an initializer called without dtype uses config_floatx()", {
  expect_equal(initializer_ones()(c(2, 2))$dtype, "float32")
  expect_equal(initializer_ones()(c(2, 2), "float64")$dtype, "float64")
})

test_that("identity is the identity matrix times gain", {
  expect_identical(as.array(initializer_identity(gain = 2)(c(2, 3))), matrix(c(2, 0, 0, 2, 0, 0), 2))
})

test_that("an integer seed gives the same values on every call", {
  init <- initializer_random_uniform(seed = 7)
  expect_identical(as.array(init(c(5, 5))), as.array(init(c(5, 5))))
})

test_that("different seeds give different values", {
  a <- as.array(initializer_random_normal(seed = 1)(c(10)))
  b <- as.array(initializer_random_normal(seed = 2)(c(10)))
  expect_false(identical(a, b))
})

test_that("random initializers follow their distributions", {
  n <- as.array(initializer_random_normal(mean = 1, stddev = 0.5, seed = 3)(c(200, 200)))
  expect_equal(mean(n), 1, tolerance = 0.01)
  expect_equal(sd(as.vector(n)), 0.5, tolerance = 0.01)
  u <- as.array(initializer_random_uniform(minval = -1, maxval = 2, seed = 3)(c(200, 200)))
  expect_true(all(u >= -1 & u < 2))
  t <- as.array(initializer_truncated_normal(stddev = 1, seed = 3)(c(200, 200)))
  expect_true(all(abs(t) <= 2))
})

test_that("variance scaling presets scale with the fans", {
  g <- as.array(initializer_glorot_uniform(seed = 4)(c(100, 200)))
  limit <- sqrt(6 / (100 + 200))
  expect_true(all(abs(g) <= limit))
  he <- as.array(initializer_he_normal(seed = 4)(c(400, 100)))
  expect_equal(sd(as.vector(he)), sqrt(2 / 400), tolerance = 0.1)
  expect_s3_class(initializer_lecun_normal(), "kerasbridge_initializer")
  expect_s3_class(initializer_lecun_uniform(), "kerasbridge_initializer")
  expect_s3_class(initializer_he_uniform(), "kerasbridge_initializer")
  expect_s3_class(initializer_glorot_normal(), "kerasbridge_initializer")
  expect_s3_class(initializer_variance_scaling(scale = 2, mode = "fan_avg", distribution = "uniform"), "kerasbridge_initializer")
})

test_that("orthogonal gives orthonormal columns", {
  q <- as.array(initializer_orthogonal(seed = 5)(c(6, 4), "float64"))
  expect_equal(crossprod(q), diag(4), tolerance = 1e-10)
})

test_that("initializers print their Keras configuration", {
  expect_output(print(initializer_random_normal(stddev = 0.1, seed = 42)), "RandomNormal(seed=42, mean=0.0, stddev=0.1)", fixed = TRUE)
})

test_that("bad initializer arguments are value errors with Keras's wording", {
  expect_bridge_error(initializer_variance_scaling(mode = "bad"), "value_error", "Invalid `mode` argument: bad")
  expect_bridge_error(initializer_random_normal(seed = "a"), "value_error", "`seed` argument should be")
  expect_bridge_error(initializer_identity()(c(2, 2, 2)), "value_error", "2D")
})

test_that("initializer names are resolved by Keras's names and aliases", {
  v <- keras_variable("glorot_uniform", shape = c(3, 3))
  expect_equal(as.integer(v$shape), c(3L, 3L))
  expect_equal(v$dtype, "float32")
})

test_that("a fractional seed is refused, as Keras refuses a float seed and the random ops do", {
  expect_bridge_error(initializer_he_normal(seed = 12.7), "value_error", "Received: seed=12.7")
  expect_identical(as.array(initializer_he_normal(seed = 12)(c(3, 3))), as.array(initializer_he_normal(seed = 12L)(c(3, 3))))
})

test_that("an initializer's arguments are its attributes, and clone() makes a new one from its config", {
  init <- initializer_random_normal(stddev = 0.1, seed = 3)
  expect_identical(init$stddev, 0.1)
  expect_identical(init$mean, 0)
  copy <- init$clone()
  expect_identical(get_config(copy), get_config(init))
  expect_identical(as.array(copy(c(2, 2))), as.array(init(c(2, 2))))
  expect_error(init$gain, class = "attribute_error", regexp = "no attribute 'gain'")
})

test_that("a preset's fixed scale, mode and distribution are attributes, as on Keras's VarianceScaling subclasses", {
  init <- initializer_he_uniform(seed = 1)
  expect_identical(init$scale, 2)
  expect_identical(init$mode, "fan_in")
  expect_identical(init$distribution, "uniform")
  expect_named(get_config(init), c("seed", "input_axes", "output_axes"))
})

test_that("an unseeded initializer's seed attribute is the integer it drew; its config keeps NULL", {
  init <- initializer_random_normal()
  expect_true(is.numeric(init$seed) && length(init$seed) == 1L)
  expect_null(get_config(init)$seed)
  expect_identical(as.array(initializer_random_normal(seed = init$seed)(c(2, 2))), as.array(init(c(2, 2))))
})

test_that("initializer_stft takes the windows SciPy computes from a name, and says when one needs parameters", {
  kernel <- as.array(initializer_stft(window = "tukey")(c(5, 1, 3), dtype = "float64"))
  expect_equal(kernel[, 1, 1] / kernel[3, 1, 1], c(0, 1, 1, 1, 0))
  expect_error(initializer_stft(window = "kaiser"), class = "value_error", regexp = "'kaiser' window needs one or more parameters")
})

test_that("initializer_constant takes a logical value, cast as Keras casts it", {
  expect_identical(as.array(initializer_constant(TRUE)(2)), array(c(1, 1)))
})

test_that("initializer_stft takes window values as a list too, as Keras converts any array_like window", {
  given <- initializer_stft("imag", as.list(1:4), "spectrum")
  expect_identical(as.array(given(c(4, 1, 3))), as.array(initializer_stft("imag", c(1, 2, 3, 4), "spectrum")(c(4, 1, 3))))
  expect_identical(format(keras$initializers$STFT("real")), format(initializer_stft("real")))
})

test_that("initializer_stft gives Keras's STFT kernels: the cosine times a hann window over its L2 norm", {
  kernel <- as.array(initializer_stft()(c(4, 1, 3), dtype = "float64"))
  window <- 0.5 - 0.5 * cos(2 * pi * (0:3) / 3)
  t <- 0:3
  for (f in 0:2) expect_equal(kernel[, 1, f + 1], cos(-2 * t * f / 4 * pi) * window / sqrt(sum(window^2)))
})

test_that("initializer_stft's imaginary side is the sine, and a periodic window drops the last point", {
  kernel <- as.array(initializer_stft("imag", periodic = TRUE, scaling = "spectrum")(c(4, 1, 3), dtype = "float64"))
  window <- 0.5 - 0.5 * cos(2 * pi * (0:3) / 4)
  expect_equal(kernel[, 1, 2], sin(-2 * (0:3) / 4 * pi) * window / sum(window))
})

test_that("initializer_stft takes the window's values, or none", {
  values <- as.array(initializer_stft(window = c(1, 2, 3, 4), scaling = NULL)(c(4, 1, 2), dtype = "float64"))
  expect_equal(values[, 1, 1], c(1, 2, 3, 4))
  plain <- as.array(initializer_stft(window = NULL)(c(3, 1, 2), dtype = "float64"))
  expect_equal(plain[, 1, 1], c(1, 1, 1))
})

test_that("keras_variable takes \"stft\", \"STFT\" and \"STFTInitializer\", as Keras names it", {
  for (name in c("stft", "STFT", "STFTInitializer"))
    expect_identical(keras_variable(name, shape = c(4, 1, 3))$shape, shape(4, 1, 3))
})

test_that("initializer_stft refuses an unknown window, side or scaling with Keras's value errors", {
  expect_error(initializer_stft(window = "foo"), class = "value_error", regexp = "Unknown window type")
  expect_error(initializer_stft("middle"), class = "value_error", regexp = "side should be 'real' or 'imag'")
  expect_error(initializer_stft(scaling = "l3"), class = "value_error", regexp = "Scaling is invalid")
})

test_that("initializer_stft's config recreates it", {
  init <- initializer_stft("imag", "hamming", NULL, TRUE)
  config <- get_config(init)
  expect_identical(config$window, "hamming")
  expect_null(config$scaling)
  expect_identical(as.array(from_config(config)(c(5, 1, 4))), as.array(init(c(5, 1, 4))))
})
