# Large transposes are gathered when first read (as NumPy's transpose is a view): whatever
# reads them, whenever, sees t()/aperm() of the operand, however R has collected since.

large_matrix <- function() matrix(seq_len(3e5) / 7, 500, 600)

test_that("a large op_transpose equals t() and aperm() for every R type", {
  m <- large_matrix()
  expect_identical(as.array(op_transpose(m)), t(m))
  ints <- matrix(seq_len(3e5), 600, 500)
  expect_identical(as.array(op_transpose(ints)), t(ints))
  a <- array(seq_len(60 * 50 * 40) %% 13 == 0, c(60, 50, 40))
  expect_identical(as.array(op_transpose(a, c(3, 1, 2))), aperm(a, c(3, 1, 2)))
  f <- op_array(m, "float32")
  expect_equal(as.array(op_transpose(f)), t(m), tolerance = 1e-7)
})

test_that("op_reshape() of a large transpose is NumPy's C-order reshape of the transposed array", {
  m <- large_matrix()
  expect_identical(as.array(op_reshape(op_transpose(m), -1)), array(as.vector(m)))
  a <- array(seq_len(60 * 50 * 40), c(60, 50, 40))
  expect_identical(as.array(op_ravel(op_transpose(a, c(2, 3, 1)))), array(aperm(aperm(a, c(2, 3, 1)), 3:1)))
  expect_identical(as.array(op_reshape(op_transpose(m), c(600, 500))), t(m))
})

test_that("a transpose of a transpose is the operand again", {
  a <- array(seq_len(60 * 50 * 40), c(60, 50, 40))
  expect_identical(as.array(op_transpose(op_transpose(a, c(3, 1, 2)), c(2, 3, 1))), a)
})

test_that("a large transpose keeps its values after its operand is dropped and R collects", {
  m <- large_matrix()
  view <- op_transpose(op_array(m))
  gc(); gc()
  # Tensors of the operand's size made now would reuse its memory, were it freed.
  for (i in 1:20) scratch <- op_array(array(-1, dim(m)))
  gc()
  expect_identical(as.array(view), t(m))
  expect_identical(as.array(view), t(m))
})

test_that("a variable assigned a large transpose keeps its values after R collects", {
  m <- large_matrix()
  v <- keras_variable(array(0, c(600, 500)))
  v$assign(op_transpose(op_array(m)))
  gc()
  for (i in 1:20) scratch <- op_array(array(-1, dim(m)))
  gc()
  expect_identical(as.array(v), t(m))
})

test_that("a transpose of a variable does not change when the variable does", {
  m <- large_matrix()
  v <- keras_variable(m)
  view <- op_transpose(v)
  v$assign(m * 0)
  expect_identical(as.array(view), t(m))
})

test_that("an unread large transpose serializes and reads back as its values", {
  m <- large_matrix()
  view <- op_transpose(op_array(m))
  back <- unserialize(serialize(view, NULL))
  expect_identical(as.array(back), t(m))
  expect_identical(as.array(view), t(m))
})
