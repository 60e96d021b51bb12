test_that("shape() makes a shape that prints and converts", {
  s <- shape(3, NA, 4)
  expect_output(print(s), "shape(3, NA, 4)", fixed = TRUE)
  expect_identical(as.numeric(shape(2, 5)), c(2, 5))
})

test_that("tensors convert with the usual R functions", {
  t <- keras_variable(array(c(0, 1.5, 2, 3), c(2, 2)))$value
  expect_identical(as.numeric(t), c(0, 1.5, 2, 3))
  expect_identical(as.integer(t), c(0L, 1L, 2L, 3L))
  expect_identical(as.logical(t), c(FALSE, TRUE, TRUE, TRUE))
  expect_identical(dim(t), c(2L, 2L))
  expect_identical(length(t), 4L)
  expect_identical(t$numpy(), array(c(0, 1.5, 2, 3), c(2, 2)))
})

test_that("a variable's numpy() gives its value as an R array", {
  v <- keras_variable(array(1:4, c(2, 2)))
  expect_identical(v$numpy(), array(1:4, c(2, 2)))
})

test_that("str describes a tensor in one line", {
  expect_output(str(keras_variable(array(1, c(2, 2)))$value), "<Tensor> float64 [1:2, 1:2] 1 1 1 1", fixed = TRUE)
})

test_that("a scalar tensor has no dim", {
  t <- keras_variable(2.5)$value
  expect_null(dim(t))
  expect_identical(as.array(t), 2.5)
})

test_that("tensors are immutable: changing one makes a new one", {
  a <- keras_variable(array(0, c(2, 2)))$value
  b <- a
  b@r[1, 1] <- 1
  expect_identical(as.array(a), array(0, c(2, 2)))
  expect_identical(as.array(b)[1, 1], 1)
})

test_that("an empty tensor of many slices prints in one line, not one per slice", {
  empty <- keras_variable(array(0L, c(0, 3, 1e6)))
  expect_identical(strsplit(format(empty), "\n")[[1]][2], "<0 x 3 x 1000000 array of integer>")
  expect_output(print(keras_variable(array(1, c(1e6, 0)))), "<1000000 x 0 array of double>", fixed = TRUE)
})
