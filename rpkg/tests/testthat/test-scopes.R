test_that("with_name_scope prefixes the path of variables created in it", {
  with_name_scope("dense", {
    k <- keras_variable(initializer_ones(), shape = c(2, 2), name = "kernel")
  })
  expect_equal(k$path, "dense/kernel")
  expect_equal(k$name, "kernel")
  expect_equal(keras_variable(1, name = "outside")$path, "outside")
})

test_that("name scopes nest", {
  with_name_scope("outer", with_name_scope("inner", {
    v <- keras_variable(1, name = "w")
  }))
  expect_equal(v$path, "outer/inner/w")
})

test_that("local_name_scope lasts until the calling function returns", {
  f <- function() {
    local_name_scope("block")
    keras_variable(1, name = "bias")$path
  }
  expect_equal(f(), "block/bias")
  expect_equal(keras_variable(1, name = "after")$path, "after")
})

test_that("a scope closes even when its code fails", {
  try(with_name_scope("failing", stop("boom")), silent = TRUE)
  expect_equal(keras_variable(1, name = "clean")$path, "clean")
})

test_that("with_autocast_scope casts float variables when read", {
  v <- keras_variable(c(1, 2), dtype = "float32")
  expect_equal(with_autocast_scope("float16", v$value$dtype), "float16")
  expect_equal(v$value$dtype, "float32")
  i <- keras_variable(c(1L, 2L))
  expect_equal(with_autocast_scope("float16", i$value$dtype), "int32")
})

test_that("assigning in an autocast scope stores the value in the variable's own dtype, as Keras's assign", {
  w <- keras_variable(c(0, 0), dtype = "float32")
  returned <- with_autocast_scope("float16", w$assign(c(0.1, 1 / 3)))
  expect_identical(as.array(w), as.array(op_array(c(0.1, 1 / 3), "float32")))
  expect_identical(returned$dtype, "float32")
})

test_that("assigning part of a variable in an autocast scope leaves the other elements exactly as they were", {
  w <- keras_variable(c(0, 1 / 3), dtype = "float32")
  with_autocast_scope("float16", w@r[1] <- 0.1)
  expect_identical(as.array(w), as.array(op_array(c(0.1, 1 / 3), "float32")))
})

test_that("an autocast scope needs a float dtype", {
  expect_bridge_error(with_autocast_scope("int32", 1), "value_error")
})
