# op_rearrange against the reshapes and transposes NumPy gives for the same einops patterns.

test_that("op_rearrange permutes and merges axes in row-major order", {
  x <- op_reshape(op_arange(0L, 23L), c(2, 3, 4))
  expect_equal(as.array(op_rearrange(x, "a b c -> c (a b)")), as.array(op_reshape(op_transpose(x, c(3, 1, 2)), c(4, 6))))
  expect_equal(as.integer(op_shape(op_rearrange(op_zeros(c(2, 6, 4, 3)), "b h w c -> b c h w"))), c(2L, 3L, 6L, 4L))
  expect_equal(as.integer(op_shape(op_rearrange(op_zeros(c(2, 6, 4, 3)), "b h w c -> h (b w) c"))), c(6L, 8L, 3L))
})

test_that("op_rearrange splits axes with the lengths given by name, as NumPy's reshape and transpose", {
  x <- op_reshape(op_arange(0L, 143L), c(2, 4, 6, 3))
  y <- op_rearrange(x, "b (h1 h) (w1 w) c -> (b h1 w1) h w c", h1 = 2, w1 = 2)
  expect_equal(as.integer(op_shape(y)), c(8L, 2L, 3L, 3L))
  expect_equal(as.vector(as.array(y@r[6, 2, 3, ])), c(105, 106, 107))
  z <- op_rearrange(x, "b (h h1) (w w1) c -> b h w (c h1 w1)", h1 = 2, w1 = 2)
  expect_equal(as.vector(as.array(z@r[2, 2, 3, ])), c(120, 123, 138, 141, 121, 124, 139, 142, 122, 125, 140, 143))
})

test_that("op_rearrange refuses patterns that do not fit the tensor", {
  x <- op_zeros(c(2, 6))
  expect_error(op_rearrange(x, "a b c -> c b a"), "names 3 axes", class = "value_error")
  expect_error(op_rearrange(x, "a b -> a"), "once on each side", class = "value_error")
  expect_error(op_rearrange(x, "a (b c) -> a b c"), "unknown length", class = "value_error")
  expect_error(op_rearrange(x, "a (b c) -> a b c", c = 4), "cannot be split", class = "value_error")
  expect_error(op_rearrange(x, "a b"), "->", class = "value_error")
  expect_error(op_rearrange(x, "a (b c) -> a b c", 3), "named", class = "value_error")
})

test_that("op_rearrange takes Unicode axis names, as Python's identifiers", {
  expect_identical(op_shape(op_rearrange(op_zeros(c(6, 8)), "\u03b1 \u03b2 -> \u03b2 \u03b1")), shape(8, 6))
})

test_that("op_rearrange of a 0-d tensor with the pattern '->' gives it back", {
  expect_identical(as.vector(as.array(op_rearrange(op_array(2, "float64"), "->"))), 2)
})

test_that("an axis length of 0 for a split axis is a value_error naming it", {
  expect_bridge_error(op_rearrange(op_zeros(c(6, 8)), "(h w) c -> h w c", h = 0), "value_error", "Received: h=0")
})
