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

test_that("@r slices a:b:step take every step-th element, ends included, as seq() does", {
  x <- op_array(1:10)
  expect_identical(as.array(x@r[1:6:2]), array(c(1L, 3L, 5L)))
  expect_identical(as.array(x@r[2:NA:3]), array(c(2L, 5L, 8L)))
  expect_identical(as.array(x@r[NA:NA:-1]), array(10:1))
  expect_identical(as.array(x@r[9:3:-3]), array(as.integer(seq(9, 3, by = -3))))
  expect_identical(as.array(x@r[-1:1:-4]), array(c(10L, 6L, 2L)))
  expect_identical(as.array(x@py[0:6:2]), array(c(1L, 3L, 5L)))
})

test_that("NULL slice ends are open ends, as Python's None (reticulate reads NULL:NULL:2 so)", {
  x <- op_array(1:10)
  expect_identical(as.array(x@r[NULL:NULL:2]), as.array(x@r[NA:NA:2]))
  expect_identical(as.array(x@py[NULL:NULL:3]), array(c(1L, 4L, 7L, 10L)))
  expect_identical(as.array(x@r[3:NULL]), array(3:10))
})

test_that("@r assigns through a stepped slice", {
  v <- keras_variable(array(0L, 6))
  v@r[1:NA:2] <- 1L
  expect_identical(as.array(v), array(c(1L, 0L, 1L, 0L, 1L, 0L)))
})

test_that("@r slice ends and steps may be scalar tensors", {
  x <- op_array(1:10)
  n <- op_convert_to_tensor(3L)
  expect_identical(as.array(x@r[1:n]), array(1:3))
  expect_identical(as.array(x@r[n:NA:n]), array(c(3L, 6L, 9L)))
})

test_that("@r truncates fractional indices, as R's `[` does", {
  x <- op_array(array(1:12, c(3, 4)))
  m <- array(1:12, c(3, 4))
  expect_identical(as.vector(as.array(x@r[2.7, ])), m[2.7, ])
  expect_identical(as.vector(as.array(x@r[c(1.9, 3.1), 1])), m[c(1.9, 3.1), 1])
  expect_identical(as.vector(as.array(x@r[-1.5, 1])), m[3, 1])
})

test_that("negative @r indices count from the end", {
  v <- keras_variable(array(1:12, c(3, 4)))
  expect_identical(as.vector(as.array(v@r[-1, -1])), 12L)
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

test_that("all_dims() and .. stand for the axes not named", {
  v <- keras_variable(array(1:24, c(2, 3, 4)))
  expect_equal(as.integer(v@r[all_dims(), 1]$shape), c(2L, 3L))
  expect_identical(as.array(v@r[.., 1]), as.array(v@r[, , 1]))
  expect_identical(as.array(v@r[1, all_dims()]), array(1:24, c(2, 3, 4))[1, , ])
})

test_that("integer vectors gather and logical vectors select along an axis", {
  v <- keras_variable(array(1:12, c(3, 4)))
  expect_identical(as.array(v@r[c(3, 1), 1]), array(c(3L, 1L)))
  expect_identical(as.array(v@r[c(TRUE, FALSE, TRUE), 2]), array(c(4L, 6L)))
})

test_that("op_subset reads like @r", {
  v <- keras_variable(array(1:12, c(3, 4)))
  expect_identical(as.vector(as.array(op_subset(v, 2, 3))), 8L)
  expect_identical(as.array(op_subset(v, , 2)), array(4:6))
})

test_that("op_subset<- assigns into a tensor and into a variable", {
  t <- keras_variable(array(0, c(2, 2)))$value
  op_subset(t, 1, 1) <- 5
  expect_identical(as.array(t), array(c(5, 0, 0, 0), c(2, 2)))
  v <- keras_variable(array(0, c(2, 2)))
  op_subset(v, 2, ) <- 1
  expect_identical(as.array(v), array(c(0, 1, 0, 1), c(2, 2)))
})

test_that("assigned values are broadcast and converted to the variable's dtype", {
  v <- keras_variable(array(0L, c(2, 3)))
  v@r[, 2] <- c(7, 8)
  expect_identical(as.array(v), array(c(0L, 0L, 7L, 8L, 0L, 0L), c(2, 3)))
})

test_that("@py reads a slice written as a name, as reticulate does; @r refuses one with a classed error", {
  m <- array(1:20, c(4, 5))
  x <- op_array(m)
  expect_identical(as.array(x@py[`::2`]), m[c(1, 3), ])
  expect_identical(as.array(x@py[`2:`]), m[3:4, ])
  expect_identical(as.array(x@py[`:2`, `1:4:2`]), m[1:2, c(2, 4)])
  expect_identical(as.array(x@py[`::-1`, 0]), array(m[4:1, 1]))
  v <- keras_variable(array(0, c(3, 3)))
  v@py[`1:`, `::2`] <- 1
  expect_identical(as.array(v), rbind(c(0, 0, 0), c(1, 0, 1), c(1, 0, 1)))
  expect_bridge_error(x@r[`::2`], "value_error", "indexes x@py")
  expect_bridge_error(x@py[`1:2:3:4`], "value_error", "is not a slice")
  expect_bridge_error(x@py[`a:b`], "value_error", "is not a slice")
})

test_that("@r and @py are S4 slots on every R version, so R >= 4.3's S3 dispatch of @ leaves them alone", {
  v <- keras_variable(array(1:6, c(2, 3)))
  t <- v$value
  for (x in list(v, t)) {
    expect_true(isS4(x))
    expect_s3_class(x@r, "kerasbridge_indexer")
    expect_s3_class(x@py, "kerasbridge_indexer")
    expect_identical(as.vector(as.array(x@r[2, 3])), 6L)
    expect_identical(as.vector(as.array(x@py[1, 2])), 6L)
  }
  v@r[1, ] <- 0L
  expect_identical(as.array(v), array(c(0L, 2L, 0L, 4L, 0L, 6L), c(2, 3)))
  t@py[1, 0] <- 9L
  expect_identical(as.array(t), array(c(1L, 9L, 3L, 4L, 5L, 6L), c(2, 3)))
})

test_that("x[...] on a tensor reads as x@r[...] and as R's `[` on the same array", {
  a <- array(as.double(1:24), c(4, 6))
  x <- op_array(a)
  expect_equal(as.vector(as.array(x[2, ])), a[2, ])
  expect_equal(as.array(x[2:3, c(1, 5)]), a[2:3, c(1, 5)])
  expect_equal(as.array(x[, 2, drop = FALSE]), a[, 2, drop = FALSE])
  expect_identical(as.array(x[-1, 2:NA]), as.array(x@r[-1, 2:NA]))
})

test_that("x[a:b] with a > b counts down, as R's sequence and the tensorflow package's `[`; @r's Python slice is empty", {
  v <- op_array(c(10, 20, 30, 40, 50))
  expect_identical(as.vector(as.array(v[3:2])), as.vector(as.array(v))[3:2])
  expect_identical(as.vector(as.array(v[5:1])), c(50, 40, 30, 20, 10))
  expect_identical(as.vector(as.array(v[-1:-3])), c(50, 40, 30))
  m <- op_array(matrix(1:6, 2))
  expect_identical(as.array(m[2:1, 3:1]), matrix(1:6, 2)[2:1, 3:1])
  expect_identical(op_shape(v@r[3:2])[[1L]], 0L)
})

test_that("x[a:b] <- value with a > b writes in the order R's sequence gives; op_subset<- keeps @r's slices", {
  z <- op_array(c(10, 20, 30, 40, 50))
  z[4:2] <- c(1, 2, 3)
  expect_identical(as.vector(as.array(z)), c(10, 3, 2, 1, 50))
  w <- keras_variable(c(1, 2, 3))
  w[3:1] <- c(7, 8, 9)
  expect_identical(as.vector(as.array(w)), c(9, 8, 7))
  op_subset(z, 3:2) <- 0
  expect_identical(as.vector(as.array(z)), c(10, 3, 2, 1, 50))
})

test_that("x[a:b:step] with a > b and a positive step counts down by the step, as the tensorflow package's `[` turns the step", {
  m <- op_array(matrix(1:12, 6))
  expect_identical(as.vector(as.array(m[6:2:2, 1])), c(6L, 4L, 2L))
  expect_identical(as.vector(as.array(m[6:2:1, 1])), 6:2)
  expect_identical(as.vector(as.array(m[6:2:-2, 1])), c(6L, 4L, 2L))
  expect_identical(op_shape(m@r[6:2:2, 1])[[1L]], 0L)
})

test_that("backquoted slice names in x[...] are R-style slices, as the tensorflow package reads them", {
  m <- op_array(matrix(1:12, 6))
  expect_identical(as.array(m[`5:`, ]), matrix(1:12, 6)[5:6, ])
  expect_identical(as.array(m[`::2`, ]), matrix(1:12, 6)[c(1, 3, 5), ])
  expect_identical(as.array(m[`:2`, ]), matrix(1:12, 6)[1:2, ])
  expect_identical(as.vector(as.array(m[`5:NULL`, 2])), 11:12)
  k <- 4
  expect_identical(as.vector(as.array(m[`k:`, 1])), 4:6)
  expect_error(m[`1:2:3:4`, ], "at most 3 parts", class = "value_error")
  expect_error(m@r[`5:`, ], class = "value_error")
})

test_that("x[...] refuses a vector of indices holding a negative one, which base R would drop and @r count from the end", {
  x <- op_array(c(1, 2, 3, 4, 5))
  expect_error(x[c(-1, -2)], "Received: c(-1, -2)", fixed = TRUE, class = "value_error")
  expect_error(x[-(1:2)], class = "value_error")
  expect_error(x[c(2, -1)] <- 0, class = "value_error")
  expect_identical(as.vector(as.array(x[-1])), 5)
  expect_identical(as.vector(as.array(x@r[c(-1, -2)])), c(5, 4))
})

test_that("x[...] refuses a slice beyond its axis, as the tensorflow package's `[`; @r clips it as Python does", {
  x <- op_array(c(1, 2, 3, 4, 5))
  m <- op_array(matrix(1:12, 6))
  expect_error(x[2:10], "Slice 2:10 is out of bounds for axis 1 with size 5", class = "index_error")
  expect_error(x[-7:-1], class = "index_error")
  expect_error(m[, 1:4], "axis 2 with size 2", class = "index_error")
  expect_error(m[.., 1:4], "axis 2 with size 2", class = "index_error")
  expect_error(m[NULL, 1:8], "axis 1 with size 6", class = "index_error")
  expect_error(x[4:9] <- 0, class = "index_error")
  expect_identical(as.vector(as.array(x[1:5])), c(1, 2, 3, 4, 5))
  expect_identical(as.vector(as.array(x[-5:-1])), c(1, 2, 3, 4, 5))
  expect_identical(as.vector(as.array(x@r[2:10])), c(2, 3, 4, 5))
  expect_identical(as.array(x), array(c(1, 2, 3, 4, 5)))
})

test_that("x[..., style = \"python\"] reads indices as x@py[...], as the tensorflow package's style does", {
  m <- op_array(matrix(1:12, 3))
  expect_identical(as.array(m[0, 1:3, style = "python"]), as.array(m@py[0, 1:3]))
  expect_identical(as.array(m[1, 2, style = "R"]), as.array(m[1, 2]))
  expect_bridge_error(m[1, style = "numpy"], "value_error", "style")
})

test_that("style applies to x[...] <- value as to x[...]; x@r[...] refuses it", {
  y <- op_array(c(1, 2, 3))
  y[1, style = "python"] <- 100
  expect_identical(as.vector(as.array(y)), c(1, 100, 3))
  v <- keras_variable(c(1, 2, 3))
  v[0, style = "py"] <- 7
  expect_identical(as.vector(as.array(v)), c(7, 2, 3))
  expect_bridge_error(y@r[1, style = "python"], "value_error", "style")
})

test_that("indices passed on through ... keep their meaning: -1:-3 arrives as a vector and reads from the end", {
  x <- op_array(c(1, 2, 3, 4, 5))
  last <- function(t, ...) t[...]
  expect_identical(as.vector(as.array(last(x, -1:-3))), c(5, 4, 3))
  expect_identical(as.vector(as.array(last(x, 1, style = "python"))), 2)
  expect_identical(as.vector(as.array(lapply(list(x), "[", -1:-2)[[1L]])), c(5, 4))
})

test_that("a slice may end one past its axis, as the tensorflow package's check lets it", {
  x <- op_array(c(1, 2, 3, 4, 5))
  expect_identical(as.vector(as.array(x[2:6])), c(2, 3, 4, 5))
  expect_error(x[2:7], class = "index_error")
  expect_error(x[-6:-1], class = "index_error")
})

test_that("the tensorflow package's extract options that keras3 users may set are honoured or refused, never ignored", {
  x <- op_array(c(1, 2, 3, 4, 5))
  old <- options(tensorflow.extract.style = "python")
  expect_identical(as.vector(as.array(x[0:2])), c(1, 2))
  x[0] <- 9
  expect_identical(as.vector(as.array(x)), c(9, 2, 3, 4, 5))
  options(old)
  old <- options(tensorflow.extract.dissallow_out_of_bounds = FALSE)
  expect_identical(as.vector(as.array(x[4:10])), c(4, 5))
  options(old)
  old <- options(tensorflow.extract.one_based = FALSE)
  expect_bridge_error(x[1], "value_error", "one_based")
  options(old)
  expect_identical(as.vector(as.array(x[1])), 9)
})

test_that("x[...] evaluates its indices where it is called, as R's `[` does", {
  x <- op_array(array(1:12, c(3, 4)))
  row_of <- function(i) x[i, ]
  expect_identical(as.array(row_of(3)), array(c(3L, 6L, 9L, 12L)))
})

test_that("x[...] <- value makes a new tensor and leaves copies of the old one alone", {
  x <- op_array(array(0, c(2, 2)))
  old <- x
  x[1, ] <- 5
  expect_identical(as.array(x), array(c(5, 0, 5, 0), c(2, 2)))
  expect_identical(as.array(old), array(0, c(2, 2)))
})

test_that("v[...] <- value assigns into a variable in place, as v@r[...] <- value does", {
  v <- keras_variable(array(1L, c(2, 3)))
  v[2, 3] <- 7L
  expect_s4_class(v, "kerasbridge_variable")
  expect_identical(as.array(v), array(c(1L, 1L, 1L, 1L, 1L, 7L), c(2, 3)))
})

test_that("bad indices in x[...] are the same classed errors as in x@r[...]", {
  x <- op_array(array(1:6, c(2, 3)))
  expect_error(x[0, ], class = "value_error")
  expect_error(x["a", ], class = "type_error")
  expect_error(x[3, ], class = "kerasbridge_error")
  expect_identical(as.array(x), array(1:6, c(2, 3)))
})

test_that("op_get_item reads a list by name or 0-based position, as Python", {
  items <- list(a = 1, b = "two", c = 3)
  expect_identical(op_get_item(items, "b"), "two")
  expect_identical(op_get_item(items, 0), 1)
  expect_identical(op_get_item(items, -1), 3)
  expect_error(op_get_item(items, "z"), "'z'", class = "key_error")
  expect_error(op_get_item(items, 3), "out of range", class = "index_error")
})

test_that("op_get_item indexes a tensor 0-based, as x@py[...]", {
  x <- op_reshape(op_arange(6), c(2, 3))
  expect_equal(as.vector(as.array(op_get_item(x, 1))), c(4, 5, 6))
  expect_equal(as.array(op_get_item(x, list(0, -1))), matrix(1:6, 2, byrow = TRUE)[c(1, 2), ])
  expect_identical(as.array(op_get_item(matrix(1:6, 2), c(1, 0))), matrix(1:6, 2)[2:1, ])
  expect_identical(as.integer(op_shape(op_get_item(x, newaxis))), c(1L, 2L, 3L))
  expect_error(op_get_item(x, 2), "out of bounds", class = "index_error")
})

test_that("op_get_item with an empty list takes no rows, as NumPy's x[[]]", {
  x <- op_reshape(op_arange(6), c(2, 3))
  expect_identical(as.integer(op_shape(op_get_item(x, list()))), c(0L, 3L))
})

test_that("op_get_item with a tuple indexes one axis per element, as a Python tuple key; the empty tuple is all of x", {
  y <- op_reshape(op_arange(160L), c(2, 5, 16))
  expect_identical(as.array(op_get_item(y, tuple(0L, 1L))), as.array(y@py[0L, 1L]))
  expect_identical(op_shape(op_get_item(y, list(0L, 1L))), shape(2, 5, 16))
  expect_identical(as.array(op_get_item(y, tuple())), as.array(y))
})

test_that("op_get_item with a list of one index keeps the axis, as NumPy's x[[0]]", {
  x <- op_reshape(op_arange(6), c(2, 3))
  expect_identical(as.integer(op_shape(op_get_item(x, list(1)))), c(1L, 3L))
  expect_identical(as.integer(op_shape(op_get_item(x, 1))), 3L)
})

test_that("indices passed on through `...` reach `[`, `[<-` and op_subset<- as written there", {
  m <- op_convert_to_tensor(matrix(1:6, 2))
  pick <- function(t, ...) t[...]
  expect_identical(as.vector(as.array(pick(m, 2, 3))), 6L)
  expect_identical(as.vector(as.array(pick(m, , 3))), 5:6)
  expect_identical(as.vector(as.array(pick(m, 1:2, 2))), 3:4)
  local_index <- function(t, i) { j <- i; pick(t, j, 1) }
  expect_identical(as.vector(as.array(local_index(m, 2))), 2L)
  v <- op_convert_to_tensor(c(10, 20, 30))
  expect_identical(sapply(list(v, v), function(t) as.array(t[2])), c(20, 20))
  expect_identical(as.vector(as.array(lapply(list(v), `[`, 2)[[1L]])), 20)
  put <- function(t, ..., value) { t[...] <- value; t }
  expect_identical(as.vector(as.array(put(v, 2, value = 0))), c(10, 0, 30))
  put_op <- function(t, ...) { op_subset(t, ...) <- 0; t }
  expect_identical(as.vector(as.array(put_op(v, 3))), c(10, 20, 0))
  at_r <- function(t, ...) t@r[...]
  expect_identical(as.vector(as.array(at_r(m, 2, 2))), 4L)
})

test_that("drop = passed on through `...` is `[`'s drop, not an index, as in base R", {
  m <- op_convert_to_tensor(matrix(1:6, 2))
  pick <- function(t, ...) t[...]
  expect_identical(as.array(pick(m, 1, , drop = FALSE)), matrix(c(1L, 3L, 5L), 1))
  twice <- function(t, ...) pick(t, ...)
  expect_identical(as.array(twice(m, , 2, drop = FALSE)), matrix(3:4, 2))
})

test_that("x[] is all of x, 0-d tensors and variables included, as base R", {
  s <- op_convert_to_tensor(5)
  expect_identical(as.array(s[]), as.array(s))
  sv <- keras_variable(5)
  sv[] <- 7
  expect_identical(as.array(sv), array(7))
  m <- op_convert_to_tensor(matrix(1:4, 2))
  expect_identical(as.array(m[]), matrix(1:4, 2))
  m[] <- 0L
  expect_identical(as.array(m), matrix(0L, 2, 2))
})

test_that("tuple() gives a list of its arguments, or of the elements of one list", {
  expect_identical(c(tuple(1, "a")), list(1, "a"))
  expect_identical(c(tuple(list(1, 2))), list(1, 2))
})

test_that("a tuple key indexes one axis per element, as x[(i, j)] in Python", {
  x <- op_array(array(1:12, c(3, 4)))
  expect_identical(as.array(x@r[tuple(1:2, 1:2)]), as.array(x@r[1:2, 1:2]))
  expect_identical(as.array(x@py[tuple(0L, 1L)]), as.array(x@py[0L, 1L]))
  expect_identical(as.vector(as.array(op_subset(x, tuple(2, 3)))), 8L)
})

test_that("assigning through a tuple key changes the element it names", {
  v <- keras_variable(array(1:12, c(3, 4)))
  v@r[tuple(2, 2:3)] <- 0L
  expected <- array(1:12, c(3, 4))
  expected[2, 2:3] <- 0L
  expect_identical(as.array(v), expected)
})
