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

test_that("a quantized policy '<mode>_from_<source>' computes and keeps variables as its source, as Keras's QuantizedDTypePolicy", {
  on.exit(config_set_dtype_policy("float32"))
  config_set_dtype_policy("int8_from_mixed_bfloat16")
  policy <- config_dtype_policy()
  expect_identical(policy[c("name", "compute_dtype", "variable_dtype", "quantization_mode")],
                   list(name = "int8_from_mixed_bfloat16", compute_dtype = "bfloat16", variable_dtype = "float32", quantization_mode = "int8"))
  expect_output(print(policy), "<QuantizedDTypePolicy \"int8_from_mixed_bfloat16\">", fixed = TRUE)
  config_set_dtype_policy("float8_from_float32")
  expect_output(print(config_dtype_policy()), "<QuantizedFloat8DTypePolicy \"float8_from_float32\">", fixed = TRUE)
  config_set_dtype_policy("int4/128_from_float16")
  expect_identical(config_dtype_policy()[c("compute_dtype", "quantization_mode")], list(compute_dtype = "float16", quantization_mode = "int4"))
  expect_output(print(config_dtype_policy()), "Int4DTypePolicy", fixed = TRUE)
  config_set_dtype_policy("gptq/4/-1_from_float32")
  expect_identical(config_dtype_policy()$quantization_mode, "gptq")
  config_set_dtype_policy("awq/4/128_from_float32")
  expect_output(print(config_dtype_policy()), "<AWQDTypePolicy \"awq/4/128_from_float32\">", fixed = TRUE)
})

test_that("a float policy has no quantization mode, as Keras's DTypePolicy", {
  policy <- config_dtype_policy()
  expect_true("quantization_mode" %in% names(policy))
  expect_null(policy$quantization_mode)
})

test_that("quantized policy names Keras cannot read are its value_errors, saying what was received", {
  expect_error(config_set_dtype_policy("int8"), "Cannot convert `policy` into a valid pair (`mode`, `source_name`) to instantiate `QuantizedDTypePolicy`. Received: policy=int8", fixed = TRUE, class = "value_error")
  expect_error(config_set_dtype_policy("int8_from_a_from_b"), "valid pair", class = "value_error")
  expect_error(config_set_dtype_policy("int8_from_"), "Cannot convert '' to a mixed precision DTypePolicy", class = "value_error")
  expect_error(config_set_dtype_policy("int8_from_foo"), "Cannot convert 'foo'", class = "value_error")
  expect_error(config_set_dtype_policy("int8x_from_float32"), "Invalid quantization mode. Expected one of ('int8', 'float8', 'int4', 'ternary', 'gptq', 'awq'). Received: mode=int8x", fixed = TRUE, class = "value_error")
  expect_error(config_set_dtype_policy("int8_from_mixed_float16"), "Quantization mode='int8' doesn't work well with compute_dtype='float16'.", fixed = TRUE, class = "value_error")
  expect_error(config_set_dtype_policy("int4/0_from_float32"), "Invalid block_size in mode. Supported values are -1 (per-channel) or a positive integer (sub-channel), but got 0 from 'int4/0'.", fixed = TRUE, class = "value_error")
  expect_error(config_set_dtype_policy("int4/x_from_float32"), "<block_size> must be an integer", class = "value_error")
  expect_error(config_set_dtype_policy("gptq_from_float32"), "Invalid mode for GPTQDTypePolicy. Expected format 'gptq/<weight_bits>/<group_size>', but got 'gptq'.", fixed = TRUE, class = "value_error")
  expect_error(config_set_dtype_policy("gptq/5/128_from_float32"), "Supported values are 2, 3, 4, and 8, but got 5 from 'gptq/5/128'", fixed = TRUE, class = "value_error")
  expect_error(config_set_dtype_policy("awq/8/128_from_float32"), "AWQ only supports 4-bit quantization, but got 8", class = "value_error")
  expect_error(config_set_dtype_policy("awq/4/0_from_float32"), "Invalid group_size in mode", class = "value_error")
  expect_identical(config_dtype_policy()$name, "float32")
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
