test_that("config_floatx defaults to float32 and can be changed and restored", {
  expect_equal(config_floatx(), "float32")
  config_set_floatx("float64")
  on.exit(config_set_floatx("float32"))
  expect_equal(config_floatx(), "float64")
  expect_equal(keras_variable(2.5)$dtype, "float64")
})

test_that("config_set_floatx rejects other dtypes", {
  expect_bridge_error(config_set_floatx("int32"), "value_error", "int32")
  expect_equal(config_floatx(), "float32")
})

test_that("clear_session returns NULL invisibly and restarts automatic names", {
  keras_variable(1)
  expect_invisible(out <- clear_session())
  expect_null(out)
  expect_equal(keras_variable(1)$name, "variable")
})
