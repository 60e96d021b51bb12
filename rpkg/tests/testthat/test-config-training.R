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

test_that("clear_session() resets the dtype policy and flash attention, as Keras's global state", {
  config_set_dtype_policy("float16")
  config_disable_flash_attention()
  expect_false(config_is_flash_attention_enabled())
  clear_session()
  expect_identical(config_dtype_policy()$name, "float32")
  expect_null(config_is_flash_attention_enabled())
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
