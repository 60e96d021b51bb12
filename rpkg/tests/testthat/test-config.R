# get_config()/from_config() (keras/src/initializers/initializers_test.py's config round trips,
# in our words), config_epsilon(), clear_session().
initializers <- list(
  initializer_zeros(), initializer_ones(), initializer_constant(3), initializer_identity(2),
  initializer_random_normal(1, 0.5, seed = 1), initializer_random_uniform(-2, 2, seed = 2),
  initializer_truncated_normal(0, 2, seed = 3), initializer_variance_scaling(2, "fan_out", "uniform", seed = 4),
  initializer_glorot_normal(seed = 5), initializer_glorot_uniform(seed = 6), initializer_he_normal(seed = 7),
  initializer_he_uniform(seed = 8), initializer_lecun_normal(seed = 9), initializer_lecun_uniform(seed = 10),
  initializer_orthogonal(1.5, seed = 11)
)

test_that("every built-in initializer round-trips through get_config and from_config", {
  for (init in initializers) {
    config <- get_config(init)
    again <- from_config(config)
    expect_identical(format(again), format(init))
    expect_identical(get_config(again), config)
    expect_identical(as.array(again(c(3, 3))), as.array(init(c(3, 3))))
  }
})

test_that("a config names its class and holds the settings as R values", {
  config <- get_config(initializer_random_uniform(-1, 1, seed = 42))
  expect_identical(attr(config, "__class__"), "RandomUniform")
  expect_identical(config$seed, 42L)
  expect_identical(config$minval, -1)
  expect_identical(names(get_config(initializer_zeros())), character())
})

test_that("initializer$get_config() is get_config(initializer), and configs are arguments", {
  init <- initializer_truncated_normal(mean = 1, stddev = 0.2, seed = 5)
  expect_identical(init$get_config(), get_config(init))
  again <- do.call(initializer_truncated_normal, get_config(init))
  expect_identical(format(again), format(init))
})

test_that("an initializer seeded by a generator serializes the generator", {
  init <- initializer_random_normal(seed = random_seed_generator(3, name = "gen"))
  config <- get_config(init)
  expect_identical(config$seed$class_name, "SeedGenerator")
  expect_identical(config$seed$config$seed, 3L)
  expect_match(format(from_config(config)), "SeedGenerator")
})

test_that("seed generators round-trip", {
  config <- get_config(random_seed_generator(9, name = "g9"))
  expect_identical(attr(config, "__class__"), "SeedGenerator")
  again <- from_config(config)
  expect_identical(again$name, "g9")
  expect_identical(as.array(random_uniform(3, seed = again)), as.array(random_uniform(3, seed = random_seed_generator(9))))
})

test_that("from_config needs the class attribute; get_config needs an initializer or generator", {
  expect_bridge_error(from_config(list(seed = 1)), "value_error", "__class__")
  expect_bridge_error(get_config(keras_variable(1)), "type_error", "initializer or a seed generator")
})

test_that("config_epsilon is 1e-7 until set", {
  expect_identical(config_epsilon(), 1e-7)
  config_set_epsilon(1e-5)
  expect_identical(config_epsilon(), 1e-5)
  config_set_epsilon(1e-7)
})

test_that("clear_session restarts names and forgets the random seed, freeing memory by default", {
  keras_variable(1)
  set_random_seed(5)
  clear_session()
  expect_identical(keras_variable(1)$name, "variable")
  clear_session(free_memory = FALSE)
  expect_identical(keras_variable(1)$name, "variable")
})

test_that("every built-in initializer's config passes back as the arguments of its function", {
  for (init in initializers) {
    config <- get_config(init)
    maker <- get(paste0("initializer_", tolower(gsub("([a-z])([A-Z])", "\\1_\\2", attr(config, "__class__")))))
    expect_identical(format(do.call(maker, config)), format(init))
  }
})

test_that("a variance-scaling config with axes round-trips", {
  init <- initializer_variance_scaling(input_axes = c(0L, 1L), output_axes = list(-1L), seed = 1)
  config <- get_config(init)
  expect_identical(format(from_config(config)), format(init))
  expect_identical(format(do.call(initializer_variance_scaling, config)), format(init))
})

# keras/src/backend/config.py: image_data_format() and set_image_data_format(), and ops given
# data_format = None standardize it to the configured format.
test_that("config_image_data_format is channels_last until set, and takes either name in any case", {
  expect_identical(config_image_data_format(), "channels_last")
  on.exit(config_set_image_data_format("channels_last"))
  expect_null(config_set_image_data_format("Channels_First"))
  expect_identical(config_image_data_format(), "channels_first")
  config_set_image_data_format("channels_last")
  expect_identical(config_image_data_format(), "channels_last")
})

test_that("config_set_image_data_format refuses other values with Keras's message and keeps the format", {
  expect_bridge_error(config_set_image_data_format("channels_middle"), "value_error",
                      "must be one of {'channels_first', 'channels_last'}. Received: data_format=channels_middle", fixed = TRUE)
  expect_bridge_error(config_set_image_data_format(NULL), "value_error", "Received: data_format=none", fixed = TRUE)
  expect_bridge_error(config_set_image_data_format(1), "value_error", "Received: data_format=1", fixed = TRUE)
  expect_bridge_error(config_set_image_data_format(c("channels_first", "channels_last")), "value_error", "Received: data_format=c(", fixed = TRUE)
  expect_identical(config_image_data_format(), "channels_last")
})

test_that("ops given no data_format read images in the configured format", {
  on.exit(config_set_image_data_format("channels_last"))
  images <- array(seq_len(2 * 3 * 4 * 4), c(2, 3, 4, 4))
  config_set_image_data_format("channels_first")
  expect_identical(as.integer(op_shape(op_image_resize(images, c(2, 2)))), c(2L, 3L, 2L, 2L))
  expect_identical(as.array(op_image_rgb_to_grayscale(op_cast(images, "float32"))),
                   as.array(op_image_rgb_to_grayscale(op_cast(images, "float32"), data_format = "channels_first")))
  expect_identical(as.integer(op_shape(op_max_pool(op_cast(images, "float32"), 2L))), c(2L, 3L, 2L, 2L))
  expect_identical(as.integer(op_shape(op_image_resize(images, c(2, 2), data_format = "channels_last"))), c(2L, 2L, 2L, 4L))
})

test_that("an explicit data_format is read in any case, as Keras lower-cases it", {
  images <- array(as.numeric(seq_len(3 * 4 * 4)), c(3, 4, 4))
  expect_identical(as.array(op_image_rgb_to_grayscale(images, data_format = "CHANNELS_FIRST")),
                   as.array(op_image_rgb_to_grayscale(images, data_format = "channels_first")))
})

test_that("interactive logging is enabled unless disabled, as in Keras", {
  on.exit(config_enable_interactive_logging())
  expect_true(config_is_interactive_logging_enabled())
  expect_null(config_disable_interactive_logging())
  expect_false(config_is_interactive_logging_enabled())
  config_enable_interactive_logging()
  expect_true(config_is_interactive_logging_enabled())
})

test_that("config_backend() names the package's own engine, none of Keras's frameworks", {
  expect_identical(config_backend(), "kerasbridge")
})
