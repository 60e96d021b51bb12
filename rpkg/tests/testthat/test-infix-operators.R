# keras3 re-exports magrittr's `%>%` and `%<>%`, zeallot's `%<-%` and dotty's `.`; kerasbridge hands
# on the same functions where those packages are installed and has its own versions of their
# common forms otherwise.

test_that("%>% and %<-% are magrittr's and zeallot's own functions where installed", {
  skip_if_not_installed("magrittr")
  skip_if_not_installed("zeallot")
  expect_identical(kerasbridge::`%>%`, getExportedValue("magrittr", "%>%"))
  expect_identical(kerasbridge::`%<-%`, getExportedValue("zeallot", "%<-%"))
})

test_that("keras3's documented forms run: destructuring an op's list, piping into ops", {
  x <- op_array(c(5, 2, 7, 1, 9, 3), "int32")
  c(values, indices) %<-% op_top_k(x, k = 3)
  expect_identical(as.array(values), array(c(9L, 7L, 5L)))
  expect_identical(as.array(indices), array(c(5L, 3L, 1L)))
  c(q, r) %<-% op_qr(rbind(c(1, 2), c(3, 4)))
  expect_equal(as.array(op_matmul(q, r)), rbind(c(1, 2), c(3, 4)), tolerance = 1e-6)
  expect_identical(as.vector(as.array(x %>% op_add(1L) %>% op_sum())), 33L)
})

test_that("%<-% takes a shape apart into its dimensions, as keras3 documents", {
  x <- op_ones(c(2, 3, 4))
  c(batch_size, seq_len, channels) %<-% shape(x)
  expect_identical(c(batch_size, seq_len, channels), c(2L, 3L, 4L))
  c(rows, cols) %<-% x$shape[1:2]
  expect_identical(c(rows, cols), c(2L, 3L))
  kerasbridge:::destructure_assign(c(a, b, d), shape(x))
  expect_identical(c(a, b, d), c(2L, 3L, 4L))
})

test_that("the package's own pipe inserts the value first, or where a `.` argument stands", {
  pipe <- kerasbridge:::pipe_forward
  expect_identical(pipe(c(3, 1, 2), sort(decreasing = TRUE)), c(3, 2, 1))
  expect_identical(pipe(2, seq_len), 1:2)
  expect_identical(pipe(2, base::seq_len), 1:2)
  expect_identical(pipe(4, seq(1, .)), 1:4)
  expect_identical(pipe(4, { . * 2 }), 8)
  expect_identical(pipe(4, (function(v) v + 1)), 5)
  expect_identical(pipe(c(1, 4), paste(length(.))), c("1 2", "4 2"))
  expect_error(pipe(1, 2), class = "type_error")
})

test_that("the package's own destructuring assigns names, nested patterns, skips, rests and defaults", {
  bind <- kerasbridge:::destructure_assign
  bind(c(a, b), list(1, "x"))
  expect_identical(list(a, b), list(1, "x"))
  bind(c(a, c(b, d)), list(1, list(2, 3)))
  expect_identical(c(a, b, d), c(1, 2, 3))
  bind(c(first, ., last), 1:3)
  expect_identical(c(first, last), c(1L, 3L))
  bind(c(head, ...tail), list(1, 2, 3))
  expect_identical(tail, list(2, 3))
  bind(c(first, ...others), 1:4)
  expect_identical(others, 2:4)
  bind(c(one, two = 0), list(1))
  expect_identical(c(one, two), c(1, 0))
  bind(whole, list(1, 2))
  expect_identical(whole, list(1, 2))
  expect_invisible(bind(c(e, f), list(1, 2)))
})

test_that("the package's own destructuring refuses a count that does not match, with a value_error", {
  bind <- kerasbridge:::destructure_assign
  expect_error(bind(c(a, b), list(1, 2, 3)), "3 value\\(s\\) for the 2 name\\(s\\)", class = "value_error")
  expect_error(bind(c(a, b, d), list(1)), class = "value_error")
  expect_error(bind(c(...a, ...b), list(1)), "only one", class = "value_error")
  expect_error(bind(c(a, b = 1, d), list(1, 2)), "2 value\\(s\\) for the 3 name\\(s\\)", class = "value_error")
  expect_error(bind(list(a), list(1)), "left-hand side", class = "value_error")
})

test_that("%<>% is magrittr's own where installed, and pipes a value back into where it came from", {
  skip_if_not_installed("magrittr")
  expect_identical(kerasbridge::`%<>%`, getExportedValue("magrittr", "%<>%"))
})

test_that("the package's own %<>% assigns the piped result to a name or a part", {
  pipe_assign <- kerasbridge:::pipe_assign
  x <- op_array(c(1, 4, 9))
  pipe_assign(x, op_sqrt())
  expect_identical(as.array(x), array(c(1, 2, 3)))
  v <- c(1, 4, 9)
  expect_invisible(pipe_assign(v[2], sqrt))
  expect_identical(v, c(1, 2, 9))
})

test_that(".[...] <- takes values apart as dotty's `.` does: by position, skipping with .. and ., nested and by name", {
  dot <- kerasbridge:::unpacking_dot
  dot[rows, cols] <- dim(matrix(0, 3, 4))
  expect_identical(c(rows, cols), c(3L, 4L))
  dot[first, .., last] <- c(1, 2, 3, 4, 5)
  expect_identical(c(first, last), c(1, 5))
  dot[.., z] <- letters
  expect_identical(z, "z")
  dot[., second] <- list("a", "b")
  expect_identical(second, "b")
  dot[a, .[b, .[d]]] <- list(1, list(2, list(3)))
  expect_identical(c(a, b, d), c(1, 2, 3))
  dot[beta = beta, twice = alpha * 2] <- list(alpha = 1, beta = 2)
  expect_identical(c(beta, twice), c(2, 2))
  dot[major, minor] <- numeric_version("4.2.1")
  expect_identical(c(major, minor), c(4L, 2L))
  expect_s3_class(dot, "kerasbridge_dot")
})

test_that(".[...] <- takes a shape apart, as keras3's examples do with op_shape()", {
  dot <- kerasbridge:::unpacking_dot
  dot[batch_size, ..] <- op_shape(op_ones(c(2, 3, 4)))
  expect_identical(batch_size, 2L)
  dot[., len] <- op_shape(op_ones(c(2, 7)))
  expect_identical(len, 7L)
})

test_that(".[...] <- refuses too few values, two .., a target that is no name and a value that is no list or vector", {
  dot <- kerasbridge:::unpacking_dot
  expect_error(dot[a, b, d] <- list(1, 2), "2 value\\(s\\) for 3 name\\(s\\)", class = "value_error")
  expect_error(dot[a, .., b, ..] <- 1:5, "`..` can appear once", class = "value_error")
  expect_error(dot[f(a)] <- list(1), "expected a name", class = "value_error")
  expect_error(dot[a] <- new.env(), "Received: <environment>", class = "type_error")
})

test_that("named_list() names each argument by its name, else by its expression, as keras3's", {
  w <- 1
  b <- 2
  expect_identical(named_list(w, b, scale = 3, sqrt(4)), list(w = 1, b = 2, scale = 3, `sqrt(4)` = 2))
  expect_identical(named_list(w, ), list(w = 1))
  forward <- function(...) named_list(...)
  expect_identical(names(forward(w, b)), c("w", "b"))
  expect_error(named_list(w, w), "unique names")
})

test_that("named_list() is rlang's dots_list() with keras3's arguments where rlang is installed", {
  skip_if_not_installed("rlang")
  parts <- list(a = 1, b = 2)
  expect_identical(named_list(!!!parts, d = 3), list(a = 1, b = 2, d = 3))
})

test_that("the package's own named_list() names, refuses repeated names and empty arguments with a value_error", {
  own <- kerasbridge:::own_named_list
  w <- 1
  b <- 2
  expect_identical(own(w, b, scale = 3, sqrt(4)), list(w = 1, b = 2, scale = 3, `sqrt(4)` = 2))
  expect_identical(own(w, ), list(w = 1))
  expect_error(own(w, w), "must have unique names", class = "value_error")
  expect_error(own(w, , b), "Argument 2 of `named_list\\(\\)` is empty", class = "value_error")
})
