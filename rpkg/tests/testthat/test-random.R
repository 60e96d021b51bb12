# keras3's random ops (keras/src/random/random_test.py's checks in our words): moments, bounds,
# frequencies, reproducibility, seed generators.
n <- 20000

test_that("random_normal has the requested mean and stddev, in floatx by default", {
  x <- random_normal(n, mean = 3, stddev = 2, seed = 1)
  expect_identical(op_dtype(x), "float32")
  values <- as.array(x)
  expect_equal(mean(values), 3, tolerance = 5 * 2 / sqrt(n) / 3)
  expect_equal(sd(values), 2, tolerance = 0.05)
})

test_that("random_uniform stays in [minval, maxval) and fills it evenly", {
  values <- as.array(random_uniform(n, minval = -1, maxval = 3, dtype = "float64", seed = 2))
  expect_true(all(values >= -1 & values < 3))
  counts <- table(cut(values, seq(-1, 3, by = 1)))
  expect_true(all(abs(counts - n / 4) < 5 * sqrt(n * 0.25 * 0.75)))
})

test_that("random_truncated_normal stays within two stddev of the mean", {
  values <- as.array(random_truncated_normal(n, mean = 1, stddev = 0.5, seed = 3))
  expect_true(all(abs(values - 1) <= 1))
  expect_equal(sd(values), 0.5 * 0.8796, tolerance = 0.05)
})

test_that("random_integer draws every value of [minval, maxval) about equally", {
  x <- random_integer(shape(100, 200), minval = 0, maxval = 4, seed = 4)
  expect_identical(op_dtype(x), "int32")
  expect_identical(dim(x), c(100L, 200L))
  counts <- table(as.array(x))
  expect_identical(names(counts), c("0", "1", "2", "3"))
  expect_true(all(abs(counts - n / 4) < 5 * sqrt(n * 0.25 * 0.75)))
  expect_bridge_error(random_integer(3, 2, 2), "value_error", "`maxval` must be greater than `minval`")
})

test_that("random_categorical draws 1-based classes with the softmax frequencies, as keras3 1.4 does", {
  p <- c(0.2, 0.3, 0.5)
  draws <- as.array(random_categorical(rbind(log(p)), num_samples = n, seed = 5))
  expect_identical(dim(draws), c(1L, as.integer(n)))
  freq <- tabulate(draws, 3) / n
  expect_equal(freq, p, tolerance = 0.05)
  expect_bridge_error(random_categorical(c(1, 2), 3), "value_error", "2-D tensor")
})

test_that("random_categorical gives 0-based classes with zero_indexed = TRUE, the same draws less one", {
  logits <- matrix(c(0, -100, -100, 0, -100, 0), 2)
  one_based <- as.array(random_categorical(logits, 5, seed = 1))
  expect_identical(one_based[1, ], rep(1L, 5))
  expect_true(all(one_based[2, ] %in% 2:3))
  expect_identical(as.array(random_categorical(logits, 5, seed = 1, zero_indexed = TRUE)), one_based - 1L)
  expect_identical(op_dtype(random_categorical(logits, 2, dtype = "int64", seed = 1)), "int64")
})

test_that("random_integer rounds a fractional maxval up, as keras3 converts it", {
  draws <- as.array(random_integer(200, 1, 2.5, seed = 1))
  expect_setequal(unique(as.vector(draws)), 1:2)
})

test_that("random_shuffle permutes along a 1-based axis and keeps the other axes together", {
  m <- cbind(1:6, 10 * (1:6))
  shuffled <- as.array(random_shuffle(m, seed = 6))
  expect_setequal(shuffled[, 1], 1:6)
  expect_identical(shuffled[, 2], 10 * shuffled[, 1])
  columns <- as.array(random_shuffle(rbind(1:5, 1:5), axis = 2, seed = 6))
  expect_identical(columns[1, ], columns[2, ])
  expect_setequal(columns[1, ], 1:5)
})

test_that("random_dropout drops the rate and scales what it keeps", {
  values <- as.array(random_dropout(op_ones(n), rate = 0.25, seed = 7))
  expect_equal(sort(unique(as.vector(values))), c(0, 1 / 0.75), tolerance = 1e-6)
  expect_equal(mean(values == 0), 0.25, tolerance = 0.05)
  columns <- as.array(random_dropout(op_ones(c(5, 100)), rate = 0.5, noise_shape = shape(1, NA), seed = 7))
  expect_true(all(apply(columns, 2, function(col) length(unique(col)) == 1)))
  expect_bridge_error(random_dropout(1, rate = 2), "value_error", "between 0 and 1")
})

test_that("random_gamma, random_beta and random_binomial have their distributions' means", {
  expect_equal(mean(as.array(random_gamma(n, alpha = 3, seed = 8))), 3, tolerance = 0.05)
  beta <- as.array(random_beta(n, alpha = 2, beta = 6, seed = 8))
  expect_true(all(beta >= 0 & beta <= 1))
  expect_equal(mean(beta), 0.25, tolerance = 0.05)
  counts <- as.array(random_binomial(n, counts = 20, probabilities = 0.3, seed = 8))
  expect_true(all(counts == round(counts) & counts >= 0 & counts <= 20))
  expect_equal(mean(counts), 6, tolerance = 0.05)
  expect_equal(var(counts), 20 * 0.3 * 0.7, tolerance = 0.1)
})

test_that("random_binomial gives integer counts in an integer dtype, as TensorFlow's stateless_binomial", {
  counts <- random_binomial(c(2, 3), counts = 10, probabilities = 0.5, dtype = "int32", seed = 1)
  expect_identical(op_dtype(counts), "int32")
  expect_identical(as.array(counts), as.array(op_cast(random_binomial(c(2, 3), 10, 0.5, dtype = "float64", seed = 1), "int32")))
  expect_bridge_error(random_binomial(2, 10, 0.5, dtype = "bool"), "value_error", "floating point or integer `dtype`")
})

test_that("random_categorical casts its classes to a float dtype, as every Keras backend does", {
  logits <- matrix(c(0, -100, -100, 0, -100, 0), 2)
  classes <- random_categorical(logits, 4, dtype = "float32", seed = 1)
  expect_identical(op_dtype(classes), "float32")
  expect_identical(as.array(classes), array(as.double(as.array(random_categorical(logits, 4, seed = 1))), c(2, 4)))
})

test_that("an integer seed repeats the values; different seeds differ", {
  expect_identical(as.array(random_normal(5, seed = 9)), as.array(random_normal(5, seed = 9)))
  expect_false(identical(as.array(random_normal(5, seed = 9)), as.array(random_normal(5, seed = 10))))
})

test_that("a seed generator gives new values each call and the same sequence from the same seed", {
  a <- random_seed_generator(11)
  b <- random_seed_generator(11)
  first <- as.array(random_uniform(4, seed = a))
  expect_false(identical(first, as.array(random_uniform(4, seed = a))))
  expect_identical(first, as.array(random_uniform(4, seed = b)))
})

test_that("random_seed_generator refuses keyword arguments Keras does not know, and ignores backend", {
  expect_bridge_error(random_seed_generator(1, foo = 2), "value_error", "Unrecognized keyword arguments: {'foo': 2}", fixed = TRUE)
  expect_bridge_error(random_seed_generator(1, NULL, 3), "value_error", "Unrecognized keyword arguments")
  expect_s3_class(random_seed_generator(1, backend = "numpy"), "kerasbridge_seed_generator")
})

test_that("a seed generator's state is a uint32 variable [seed, counter] that each draw advances", {
  g <- random_seed_generator(5, name = "gen")
  expect_s4_class(g$state, "kerasbridge_variable")
  expect_identical(g$state$dtype, "uint32")
  expect_false(g$state$trainable)
  expect_identical(g$state$path, "gen/seed_generator_state")
  random_normal(2, seed = g)
  random_integer(2, 0, 5, seed = g)
  expect_equal(as.vector(as.array(g$state)), c(5, 2))
  expect_identical(g$name, "gen")
  expect_output(print(g), "<SeedGenerator name=gen>", fixed = TRUE)
})

test_that("initializers take a seed generator and draw new values each call", {
  g <- random_seed_generator(3)
  init <- initializer_random_normal(seed = g)
  expect_false(identical(as.array(init(c(2, 2))), as.array(init(c(2, 2)))))
})

test_that("an integer seed outside [0, 2^32) draws as a seed generator made with it, both keeping it as uint32", {
  expect_identical(as.array(random_normal(2, seed = -1)), as.array(random_normal(2, seed = random_seed_generator(-1))))
  expect_identical(as.array(random_normal(2, seed = 2^32 + 5)), as.array(random_normal(2, seed = 5)))
})

test_that("set_random_seed makes unseeded ops and R's own generator reproducible", {
  set_random_seed(123)
  a <- as.array(random_normal(4))
  r <- runif(1)
  set_random_seed(123)
  expect_identical(as.array(random_normal(4)), a)
  expect_identical(runif(1), r)
})

test_that("a seed that is neither a number nor a generator is a value_error", {
  expect_bridge_error(random_normal(2, seed = "a"), "value_error", "Argument `seed` must be either an integer or an instance of `SeedGenerator`. Received: seed=\"a\"", fixed = TRUE)
  expect_bridge_error(random_normal(2, seed = Inf), "value_error", "Received: seed=Inf", fixed = TRUE)
})

test_that("gamma and beta handle infinite and tiny parameters without hanging or NaN", {
  expect_identical(as.vector(as.array(random_gamma(2, alpha = Inf, seed = 1))), c(Inf, Inf))
  expect_true(all(is.nan(as.array(random_gamma(2, alpha = -1, seed = 1)))))
  # A shape of 0 is the limit 0, as NumPy, TensorFlow and JAX give it.
  expect_identical(as.vector(as.array(random_gamma(2, alpha = 0, seed = 1))), c(0, 0))
  tiny <- as.array(random_beta(10000, 0.001, 0.001, dtype = "float64", seed = 2))
  expect_false(anyNA(tiny))
  expect_true(all(tiny >= 0 & tiny <= 1))
  expect_equal(mean(tiny), 0.5, tolerance = 0.1)
  expect_identical(as.vector(as.array(random_beta(1, Inf, 2, seed = 1))), 1)
})

test_that("random_integer refuses bounds outside its dtype", {
  expect_bridge_error(random_integer(3, 0, 2^40), "value_error", "range of dtype int32")
  expect_true(all(as.array(random_integer(3, 0, 2^40, dtype = "int64", seed = 1)) < 2^40))
})

test_that("random draws take one-element tensors as their parameters, as Keras's backends do", {
  x <- random_normal(2, mean = op_array(5), stddev = op_array(0), seed = 1)
  expect_identical(as.array(x), array(c(5, 5)))
  expect_identical(as.array(random_uniform(3, minval = op_array(2), maxval = 2 + 1e-6, seed = 1)) >= 2, array(rep(TRUE, 3)))
  expect_true(all(as.array(random_integer(10, op_array(0L), op_array(3L), seed = 1)) %in% 0:2))
})

test_that("random_normal and random_uniform broadcast vector parameters against the sample", {
  x <- as.array(random_normal(c(1000, 2), mean = c(0, 100), stddev = c(1, 0.001), seed = 1))
  expect_lt(abs(mean(x[, 1])), 0.2)
  expect_lt(max(abs(x[, 2] - 100)), 0.01)
  u <- as.array(random_uniform(c(1000, 2), minval = c(0, 10), maxval = c(1, 11), seed = 1))
  expect_true(all(u[, 1] >= 0 & u[, 1] < 1) && all(u[, 2] >= 10 & u[, 2] < 11))
  t <- as.array(random_truncated_normal(c(1000, 2), mean = c(0, 50), seed = 1))
  expect_true(all(abs(t[, 2] - 50) <= 2))
})

test_that("random_dropout with rate 0 gives the input and with rate 1 its zeros, in its dtype, drawing nothing", {
  x <- op_ones(c(2, 2), dtype = "int32")
  g <- random_seed_generator(1)
  expect_identical(as.array(random_dropout(x, 0, seed = g)), matrix(1L, 2, 2))
  expect_identical(as.array(random_dropout(x, 1, seed = g)), matrix(0L, 2, 2))
  expect_identical(as.array(g$state), array(c(1, 0)))
})

test_that("random_categorical refuses logits with no classes", {
  expect_error(random_categorical(matrix(0, 2, 0), 2, seed = 1), class = "value_error", regexp = "at least one class.*\\(2, 0\\)")
})

test_that("a seed generator's seed must be an integer, a value_error in Keras's words", {
  expect_error(random_seed_generator("a"), class = "value_error", regexp = "Argument `seed` must be an integer. Received: seed=")
})

test_that("set_random_seed refuses a non-number in Keras's words and leaves R's generator as it was", {
  set.seed(7)
  expected <- runif(1)
  set.seed(7)
  expect_error(set_random_seed(NULL), class = "value_error", regexp = "Expected `seed` argument to be an integer")
  expect_identical(runif(1), expected)
})

test_that("a seed generator's next() returns its state and advances it, as Keras's", {
  g <- random_seed_generator(3)
  expect_identical(as.array(g$`next`()), array(c(3, 0)))
  expect_identical(as.array(g$state), array(c(3, 1)))
  expect_equal(g$get_config()$seed, 3)
})

test_that("an NA seed is one value_error however R types the NA", {
  for (na in list(NA, NA_integer_, NA_real_)) {
    expect_error(random_normal(2, seed = na), "`seed` cannot be NA", class = "value_error")
    expect_error(random_seed_generator(na), "`seed` cannot be NA", class = "value_error")
  }
})

test_that("set_random_seed takes 0 to 2^31 - 1, as keras3 hands it to NumPy's and R's generators", {
  expect_error(set_random_seed(-1), "between 0 and 2\\*\\*31 - 1", class = "value_error")
  expect_error(set_random_seed(2^31), class = "value_error")
  set_random_seed(.Machine$integer.max)
  a <- as.array(random_uniform(2))
  set_random_seed(.Machine$integer.max)
  expect_identical(as.array(random_uniform(2)), a)
})

test_that("a random op refuses a fractional seed, as Keras refuses a float", {
  expect_bridge_error(random_normal(3, seed = 1.5), "value_error",
                      "Argument `seed` must be either an integer or an instance of `SeedGenerator`. Received: seed=1.5", fixed = TRUE)
})

test_that("random_seed_generator refuses a fractional seed, as Keras's SeedGenerator does", {
  expect_bridge_error(random_seed_generator(1.5), "value_error", "Argument `seed` must be an integer. Received: seed=1.5", fixed = TRUE)
})

test_that("random_dropout keeps an integer or bool input's dtype at every rate, as Keras's NumPy backend", {
  kept <- random_dropout(op_array(rep(3L, 100)), rate = 0.5, seed = 1)
  expect_identical(kept$dtype, "int32")
  expect_setequal(unique(as.vector(as.array(kept))), c(0L, 6L))
  expect_identical(random_dropout(op_array(rep(TRUE, 10)), rate = 0.5, seed = 1)$dtype, "bool")
})

test_that("random_integer rounds a float tensor maxval up, as keras3 rounds any maxval", {
  draws <- as.vector(as.array(random_integer(2000, 0L, op_array(4.5), seed = 3)))
  expect_identical(sort(unique(draws)), 0:4)
})
