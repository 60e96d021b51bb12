test_that("a variable restored from a saved file gives a clear error instead of crashing", {
  v <- keras_variable(array(1, c(2, 2)))
  path <- tempfile(fileext = ".rds")
  saveRDS(v, path)
  restored <- readRDS(path)
  expect_bridge_error(restored$shape, "value_error", "from a previous session")
  expect_bridge_error(as.array(restored), "value_error", "from a previous session")
  expect_bridge_error(restored@r[1, 1], "value_error", "from a previous session")
  expect_identical(as.array(v), array(1, c(2, 2)))
})

test_that("a restored tensor cannot be used as an initializer", {
  t <- unserialize(serialize(keras_variable(array(1, c(2, 2)))$value, NULL))
  expect_bridge_error(keras_variable(t), "value_error", "from a previous session")
})
