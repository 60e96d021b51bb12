test_that("@r reads rows and columns 1-based", {
  v <- keras_variable(array(1:12, c(3, 4)))
  expect_identical(as.array(v@r[2, ]), array(c(2L, 5L, 8L, 11L)))
  expect_identical(as.array(v@r[, 3]), array(7:9))
})

test_that("@r slices include both ends and NA opens an end", {
  v <- keras_variable(array(1:12, c(3, 4)))
  expect_identical(as.array(v@r[1, 2:3]), array(c(4L, 7L)))
  expect_identical(as.array(v@r[1, 2:NA]), array(c(4L, 7L, 10L)))
})

test_that("negative @r indices count from the end", {
  v <- keras_variable(array(1:12, c(3, 4)))
  expect_identical(as.array(v@r[-1, -1]), 12L)
})

test_that("@py is 0-based with exclusive slices", {
  v <- keras_variable(array(1:12, c(3, 4)))
  expect_identical(as.array(v@py[0, 1:3]), array(c(4L, 7L)))
})

test_that("assigning into a tensor rebinds it and leaves the variable alone", {
  v <- keras_variable(array(0, c(2, 2)))
  value <- v$value
  value@r[1, ] <- 99
  expect_identical(as.array(value), array(c(99, 0, 99, 0), c(2, 2)))
  expect_identical(as.array(v), array(0, c(2, 2)))
})

test_that("assigning into a variable changes it in place", {
  v <- keras_variable(array(1L, c(3, 3)))
  v@r[2, ] <- 99L
  expect_identical(as.array(v)[2, ], c(99L, 99L, 99L))
  expect_identical(as.array(v)[1, ], c(1L, 1L, 1L))
})

test_that("a logical array of the same shape is a mask", {
  v <- keras_variable(array(1:4, c(2, 2)))
  expect_identical(sort(as.array(v@r[array(c(TRUE, FALSE, FALSE, TRUE), c(2, 2))])), c(1L, 4L))
})

test_that("newaxis inserts an axis", {
  v <- keras_variable(array(1:6, c(2, 3)))
  expect_equal(as.integer(v@r[newaxis, , ]$shape), c(1L, 2L, 3L))
})
