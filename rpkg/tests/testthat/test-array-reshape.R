# array_reshape(), reticulate's NumPy reshape that keras3 exports: row-major unless order = "F".

test_that("array_reshape() fills a vector into rows, as matrix(byrow = TRUE) does", {
  expect_identical(array_reshape(1:6, c(2, 3)), matrix(1:6, 2, byrow = TRUE))
})

test_that("array_reshape() flattens each image of a batch in row-major order, as Keras expects", {
  images <- array(as.double(seq_len(2 * 3 * 4)), c(2, 3, 4))
  flat <- array_reshape(images, c(2, 12))
  expect_identical(dim(flat), c(2L, 12L))
  for (i in 1:2) expect_identical(flat[i, ], as.vector(t(images[i, , ])))
})

test_that("array_reshape() reads a matrix row by row into its new shape", {
  x <- matrix(1:6, 2, byrow = TRUE)
  expect_identical(array_reshape(x, c(3, 2)), matrix(1:6, 3, byrow = TRUE))
})

test_that("array_reshape() with order = \"F\" is base R's dim<-", {
  x <- array(1:24, c(2, 3, 4))
  expected <- x
  dim(expected) <- c(6, 4)
  expect_identical(array_reshape(x, c(6, 4), order = "F"), expected)
})

test_that("array_reshape() works out one dimension given as -1", {
  expect_identical(dim(array_reshape(1:24, c(4, -1))), c(4L, 6L))
  expect_identical(dim(array_reshape(1:24, c(-1, 2, 3))), c(4L, 2L, 3L))
})

test_that("array_reshape() keeps the type of the values", {
  expect_type(array_reshape(c(1.5, 2, 3, 4), c(2, 2)), "double")
  expect_type(array_reshape(1:4, c(2, 2)), "integer")
  expect_type(array_reshape(c(TRUE, FALSE, TRUE, FALSE), c(2, 2)), "logical")
})

test_that("array_reshape() to one dimension gives a 1-d array", {
  x <- array_reshape(matrix(1:6, 2), 6)
  expect_identical(dim(x), 6L)
  expect_identical(as.vector(x), c(1L, 3L, 5L, 2L, 4L, 6L))
})

test_that("array_reshape() of a tensor gives an R array of its values", {
  x <- array_reshape(op_array(array(1:6, c(2, 3))), c(3, 2))
  expect_false(isS4(x))
  expect_identical(x, array_reshape(array(1:6, c(2, 3)), c(3, 2)))
})

test_that("array_reshape() takes a data frame as its matrix", {
  df <- data.frame(a = 1:2, b = 3:4)
  expect_identical(array_reshape(df, 4), array(c(1L, 3L, 2L, 4L)))
})

test_that("array_reshape() refuses a shape that does not hold the elements, as NumPy does", {
  expect_error(array_reshape(1:6, c(4, 2)), class = "value_error", regexp = "cannot reshape array of size 6 into shape \\(4, 2\\)")
  expect_error(array_reshape(1:6, c(4, -1)), class = "value_error", regexp = "size 6")
})

test_that("array_reshape() refuses two unknown dimensions and non-whole ones", {
  expect_error(array_reshape(1:6, c(-1, -1)), class = "value_error", regexp = "one unknown dimension")
  expect_error(array_reshape(1:6, c(2.5, 2)), class = "value_error", regexp = "Received: dim=c\\(2.5, 2\\)")
})

test_that("array_reshape() takes its dimensions as a list of numbers or a shape, as reticulate's as.integer() reads them", {
  expect_identical(array_reshape(1:6, list(3, 2)), matrix(1:6, 3, byrow = TRUE))
  expect_identical(array_reshape(1:6, shape(2, 3)), matrix(1:6, 2, byrow = TRUE))
  expect_bridge_error(array_reshape(1:6, list(c(2, 3))), "value_error", "`dim` must be whole numbers")
})

test_that("array_reshape() refuses a list", {
  expect_error(array_reshape(list(1, 2), 2), class = "type_error", regexp = "x=<list>")
})

test_that("array_reshape() refuses order = NA with a value_error saying what it received", {
  expect_bridge_error(array_reshape(1:4, c(2, 2), order = NA), "value_error", "Received: order=NA", fixed = TRUE)
})

test_that("array_reshape() refuses an empty order", {
  expect_bridge_error(array_reshape(1:4, c(2, 2), order = ""), "value_error", "Received: order=\"\"", fixed = TRUE)
})
