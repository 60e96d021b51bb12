# keras3's settings for layers and training: kept with Keras's defaults and checks.

test_that("the dtype policy is float32 until set, and mixed policies compute in the half type", {
  on.exit(config_set_dtype_policy("float32"))
  expect_identical(config_dtype_policy()$name, "float32")
  config_set_dtype_policy("mixed_bfloat16")
  policy <- config_dtype_policy()
  expect_identical(c(policy$compute_dtype, policy$variable_dtype), c("bfloat16", "float32"))
  expect_output(print(policy), "<DTypePolicy \"mixed_bfloat16\">")
  config_set_dtype_policy(policy)
  expect_identical(config_dtype_policy()$name, "mixed_bfloat16")
})

test_that("an unknown dtype policy is Keras's value_error naming it", {
  expect_error(config_set_dtype_policy("mixed_int3"), "Cannot convert 'mixed_int3' to a mixed precision DTypePolicy", class = "value_error")
  expect_error(config_set_dtype_policy(3), "Invalid `policy` argument", class = "value_error")
})

test_that("clear_session() resets the dtype policy, flash attention and traceback filtering, as Keras's global state", {
  config_set_dtype_policy("float16")
  config_disable_flash_attention()
  config_disable_traceback_filtering()
  expect_false(config_is_flash_attention_enabled())
  clear_session()
  expect_identical(config_dtype_policy()$name, "float32")
  expect_null(config_is_flash_attention_enabled())
  expect_true(config_is_traceback_filtering_enabled())
})

test_that("the default dtype policy follows floatx, as Keras's DTypePolicy(floatx())", {
  on.exit(config_set_floatx("float32"))
  config_set_floatx("float64")
  expect_identical(config_dtype_policy()$name, "float64")
})

test_that("a limit beyond R's integers, or an unreadable one in the environment, is an error", {
  expect_error(config_set_max_epochs(1e10), class = "type_error")
  old <- Sys.getenv("KERAS_MAX_EPOCHS", NA)
  on.exit(if (is.na(old)) Sys.unsetenv("KERAS_MAX_EPOCHS") else Sys.setenv(KERAS_MAX_EPOCHS = old))
  Sys.setenv(KERAS_MAX_EPOCHS = "abc")
  expect_error(config_max_epochs(), "KERAS_MAX_EPOCHS", class = "value_error")
  Sys.setenv(KERAS_MAX_EPOCHS = "4")
  expect_identical(config_max_epochs(), 4L)
})

test_that("epoch and step limits are NULL until set, and set to whole numbers", {
  on.exit({config_set_max_epochs(NULL); config_set_max_steps_per_epoch(NULL)})
  expect_null(config_max_epochs())
  config_set_max_epochs(3)
  expect_identical(config_max_epochs(), 3L)
  config_set_max_steps_per_epoch(10L)
  expect_identical(config_max_steps_per_epoch(), 10L)
  expect_error(config_set_max_epochs("a"), class = "type_error")
})

test_that("traceback filtering is on until disabled, and NNX is off", {
  on.exit(config_enable_traceback_filtering())
  expect_true(config_is_traceback_filtering_enabled())
  config_disable_traceback_filtering()
  expect_false(config_is_traceback_filtering_enabled())
  expect_false(config_is_nnx_enabled())
})

test_that("the backend cannot be exchanged", {
  expect_null(config_set_backend("kerasbridge"))
  expect_error(config_set_backend("jax"), "cannot be exchanged", class = "value_error")
})
