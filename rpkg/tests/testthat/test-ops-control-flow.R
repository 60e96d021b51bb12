# keras3's control-flow ops, run eagerly; behaviours from Keras's core_test.py.


test_that("op_cond calls the branch the predicate picks, R logicals and bool tensors alike", {
  expect_identical(op_cond(TRUE, function() 0, function() 1), 0)
  expect_identical(op_cond(FALSE, function() 0, function() 1), 1)
  expect_null(op_cond(FALSE, function() NULL, function() NULL))
  expect_equal(values(op_cond(op_convert_to_tensor(TRUE), function() op_ones(c(1, 3)), function() op_zeros(c(1, 3)))), c(1, 1, 1))
  expect_equal(values(op_cond(op_array(2) < 1, function() op_ones(3), function() op_zeros(3))), c(0, 0, 0))
})

test_that("op_cond runs only the branch it picks", {
  ran <- character()
  op_cond(TRUE, function() ran <<- c(ran, "true"), function() ran <<- c(ran, "false"))
  expect_identical(ran, "true")
})

test_that("op_cond refuses a predicate that is not one truth value", {
  expect_error(op_cond(op_array(c(TRUE, FALSE)), function() 1, function() 2), "ambiguous", class = "value_error")
  expect_error(op_cond(NA, function() 1, function() 2), class = "value_error")
  expect_error(op_cond("yes", function() 1, function() 2), class = "value_error")
  expect_error(op_cond(TRUE, 1, function() 2), "should be a callable", class = "type_error")
})

test_that("op_switch takes a 1-based index, clamped into range, and passes the operands on", {
  branches <- list(function(x, y) x + y, function(x, y) x - y)
  x <- array(runif(24), c(2, 3, 4))
  y <- array(runif(24), c(2, 3, 4))
  expect_equal(op_switch(1, branches, x, y), x + y)
  expect_equal(op_switch(2, branches, x, y), x - y)
  expect_equal(op_switch(0, branches, x, y), x + y)
  expect_equal(op_switch(-100, branches, x, y), x + y)
  expect_equal(op_switch(100, branches, x, y), x - y)
  expect_equal(op_switch(op_array(2L), branches, x, y), x - y)
})

test_that("op_switch of TRUE or FALSE takes the first branch, as keras3's index 0", {
  branches <- list(function() "first", function() "second")
  expect_identical(op_switch(TRUE, branches), "first")
  expect_identical(op_switch(FALSE, branches), "first")
  expect_error(op_switch(NA, branches), class = "type_error")
})

test_that("op_switch refuses named operands, an empty list and a non-numeric index", {
  branches <- list(function(x) x)
  expect_error(op_switch(1, branches, x = 1), "must be unnamed", class = "value_error")
  expect_error(op_switch(1, list(), 1), class = "value_error")
  expect_error(op_switch("a", branches, 1), class = "type_error")
  expect_error(op_switch(1, list(1), 1), "should be a callable", class = "type_error")
})

test_that("op_while_loop spreads a list of loop variables and returns a list", {
  out <- op_while_loop(function(i, x) i < 10L, function(i, x) list(i + 1L, x * 2), list(0L, 1))
  expect_length(out, 2L)
  expect_equal(values(out[[1L]]), 10L)
  expect_equal(values(out[[2L]]), 1024)
})

test_that("op_while_loop spreads a vector of several numbers, as reticulate hands keras3 a list", {
  out <- op_while_loop(function(x, y) x < 10, function(x, y) list(x + 1, y + 1), c(0, 1))
  expect_length(out, 2L)
  expect_equal(vapply(out, values, 1), c(10, 11))
  expect_true(op_is_tensor(op_while_loop(function(x) FALSE, function(x) x, array(c(0, 1)))))
  # reticulate drops an atomic vector's names: still a list of loop variables, not a dict.
  expect_length(op_while_loop(function(a, b) FALSE, function(a, b) list(a, b), c(a = 0, b = 1)), 2L)
})

test_that("op_while_loop takes maximum_iterations as a tensor too", {
  out <- op_while_loop(function(i) TRUE, function(i) i + 1, 0, maximum_iterations = op_array(3L))
  expect_equal(values(out), 3)
})

test_that("op_while_loop stops after maximum_iterations", {
  out <- op_while_loop(function(i, j) i < 10L, function(i, j) list(i + 1L, j + 1L), list(0L, 1L), maximum_iterations = 5)
  expect_equal(vapply(out, values, 1L), c(5L, 6L))
  expect_equal(values(op_while_loop(function(i) i < 10L, function(i) i + 1L, 0L, maximum_iterations = 0)), 0L)
})

test_that("op_while_loop passes a single value, or a named list as one structure, and returns it as it came", {
  single <- op_while_loop(function(i) i < 10L, function(i) i + 1L, 0L)
  expect_true(op_is_tensor(single))
  expect_equal(values(single), 10L)
  nested <- op_while_loop(function(s) s$a < 10L, function(s) rapply(s, function(x) x + 1L, how = "list"),
                          list(a = 0L, b = list(1L, 2L)), maximum_iterations = 5)
  expect_equal(values(nested$a), 5L)
  expect_equal(vapply(nested$b, values, 1L), c(6L, 7L))
})

test_that("op_while_loop converts the loop variables to tensors as Keras does", {
  out <- op_while_loop(function(x) FALSE, function(x) x, list(0))
  expect_true(op_is_tensor(out[[1L]]))
  expect_identical(op_dtype(out[[1L]]), "float32")
})

test_that("op_fori_loop and op_scan take a vector of several numbers as reticulate hands keras3 a list", {
  out <- op_fori_loop(0L, 2L, function(i, state) lapply(state, function(s) s + 1), c(1, 2, 3))
  expect_length(out, 3L)
  expect_equal(vapply(out, values, 1), c(3, 4, 5))
  expect_identical(op_dtype(out[[1L]]), "float32")
  carry <- op_scan(function(c, x) list(list(c[[1L]] + x, c[[2L]] * x), NULL), c(0, 1), c(2, 3))[[1L]]
  expect_equal(vapply(carry, values, 1), c(5, 6))
  expect_true(op_is_tensor(op_fori_loop(0L, 1L, function(i, x) x, array(c(1, 2)))))
})

test_that("op_fori_loop runs the body from lower to upper - 1 with an int32 counter", {
  expect_equal(values(op_fori_loop(0L, 10L, function(i, state) state + i, 0L)), 45L)
  counters <- list()
  op_fori_loop(2, 5, function(i, state) { counters[[length(counters) + 1L]] <<- i; state }, 0)
  expect_identical(vapply(counters, values, 1L), 2:4)
  expect_identical(op_dtype(counters[[1L]]), "int32")
  expect_equal(values(op_fori_loop(5L, 5L, function(i, state) state + 1, 7)), 7)
  shape <- op_shape(op_fori_loop(0L, 10L, function(i, x) x + i, op_ones(c(3, 5, 2))))
  expect_equal(as.integer(shape), c(3L, 5L, 2L))
})

test_that("op_fori_loop refuses bounds that are not whole numbers", {
  expect_error(op_fori_loop(0.5, 3, function(i, s) s, 0), class = "type_error")
  expect_error(op_fori_loop(0, 3, "f", 0), "should be a callable", class = "type_error")
})

test_that("op_scan carries a cumulative sum and stacks its outputs, forwards and in reverse", {
  cumsum_fn <- function(carry, x) { carry <- carry + x; list(carry, carry) }
  xs <- op_array(c(1, 2, 3, 4, 10, 20), "float32")
  out <- op_scan(cumsum_fn, op_array(0, "float32"), xs)
  expect_equal(values(out[[1L]]), 40)
  expect_equal(values(out[[2L]]), cumsum(c(1, 2, 3, 4, 10, 20)))
  out <- op_scan(cumsum_fn, op_array(0, "float32"), xs, reverse = TRUE)
  expect_equal(values(out[[1L]]), 40)
  expect_equal(values(out[[2L]]), c(40, 39, 37, 34, 30, 20))
  for (unroll in list(TRUE, FALSE, 2L)) expect_equal(values(op_scan(cumsum_fn, 0, xs, unroll = unroll)[[2L]]), cumsum(c(1, 2, 3, 4, 10, 20)))
})

test_that("op_scan of no steps gives the carry and outputs stacked zero times, as TensorFlow's scan", {
  out <- op_scan(function(c, x) list(c + 1, c), op_array(0), length = 0)
  expect_equal(values(out[[1L]]), 0)
  expect_identical(op_shape(out[[2L]]), shape(0))
  expect_identical(op_dtype(out[[2L]]), "float32")
  out <- op_scan(function(c, x) list(c, c), list(a = op_zeros(c(2, 3)), b = op_array(1L)), op_zeros(0))
  expect_identical(names(out[[2L]]), c("a", "b"))
  expect_identical(op_shape(out[[2L]]$a), shape(0, 2, 3))
  expect_identical(op_dtype(out[[2L]]$b), "int32")
})

test_that("op_scan runs `length` steps without xs, and NULL outputs stack as zeros", {
  fibonacci <- function(carry, x) list(list(carry[[2L]], carry[[1L]] + carry[[2L]]), NULL)
  out <- op_scan(fibonacci, list(op_array(0, "float32"), op_array(1, "float32")), length = 6)
  expect_equal(values(out[[1L]][[1L]]), 8)
  expect_equal(values(out[[1L]][[2L]]), 13)
  expect_equal(lapply(out[[2L]], values), list(rep(0, 6), rep(0, 6)))
})

test_that("op_scan takes nested carries and nested xs", {
  double_both <- function(carry, x) list(list(value1 = carry$value1 * 2, value2 = carry$value2 * 2), carry$value1 * 2 + carry$value2 * 2)
  out <- op_scan(double_both, list(value1 = 2, value2 = 3), length = 3)
  expect_equal(values(out[[1L]]$value1), 16)
  expect_equal(values(out[[1L]]$value2), 24)
  expect_equal(values(out[[2L]]), c(10, 20, 40))
  add_fields <- function(carry, x) list(carry, x$value1 + x$value2)
  out <- op_scan(add_fields, op_array(0, "float32"), list(value1 = c(1, 2, 3), value2 = c(10, 20, 30)))
  expect_equal(values(out[[2L]]), c(11, 22, 33))
})

test_that("op_scan of more steps than memory holds a list of is a memory_error before the first step", {
  calls <- 0
  expect_error(op_scan(function(c, x) { calls <<- calls + 1; list(c, c) }, 0, length = .Machine$integer.max), class = "memory_error")
  expect_identical(calls, 0)
})

test_that("op_scan refuses what Keras refuses", {
  cumsum_fn <- function(carry, x) list(carry + x, carry + x)
  expect_error(op_scan(123, 0, c(1, 2)), "should be a callable", class = "type_error")
  expect_error(op_scan(cumsum_fn, 0, c(1, 2), unroll = -1), "must be an positive integer or boolean", class = "value_error")
  expect_error(op_scan(cumsum_fn, 0), "to scan over and", class = "value_error")
  expect_error(op_scan(cumsum_fn, 0, c(1, 2), length = 3), "disagrees", class = "value_error")
  expect_error(op_scan(function(c, x) c, 0, c(1, 2)), "new carry and the output", class = "value_error")
})

test_that("op_map applies f along the first axis and stacks the results, nested outputs leaf by leaf", {
  expect_equal(values(op_map(0:9, function(x) x^2)), (0:9)^2)
  xs <- array(runif(24), c(2, 3, 4))
  out <- op_map(op_array(xs, "float32"), function(x) list(a = x^2, b = x * 10))
  expect_equal(as.array(out$a), xs^2, tolerance = 1e-6)
  expect_equal(as.array(out$b), xs * 10, tolerance = 1e-6)
})

test_that("op_map hands f the slices of every input of a nested structure", {
  xs <- list(x = op_array(array(runif(4 * 100 * 3), c(4, 100, 3)), "float32"), y = op_array(matrix(1:4, 4, 1)))
  ys <- op_map(xs, function(inputs) list(x = inputs$x@r[, 1], y = inputs$y + 1L))
  expect_equal(as.integer(op_shape(ys$x)), c(4L, 100L))
  expect_equal(as.array(ys$y), matrix(2:5, 4, 1))
  squares <- op_map(list(op_array(c(1, 2)), op_array(c(3L, 4L))), function(pair) lapply(pair, function(x) x^2))
  expect_equal(lapply(squares, values), list(c(1, 4), c(9, 16)))
})

test_that("op_map refuses inputs without a common leading axis", {
  expect_error(op_map(op_array(1), function(x) x), class = "value_error")
  expect_error(op_map(list(op_ones(2), op_ones(3)), function(x) x), class = "value_error")
})

test_that("op_vectorized_map maps over the first axis; a list of inputs reaches f as a list of slices", {
  expect_equal(as.array(op_vectorized_map(op_zeros(c(2, 3)), function(x) x + 1)), matrix(1, 2, 3))
  expect_equal(as.integer(op_shape(op_vectorized_map(op_zeros(c(2, 3)), function(x) op_stack(list(x, x))))), c(2L, 2L, 3L))
  out <- op_vectorized_map(list(op_ones(c(2, 3)), op_ones(c(2, 3))), function(elems) elems[[1L]] + elems[[2L]])
  expect_equal(as.array(out), matrix(2, 2, 3))
})

test_that("op_vectorized_map hands f nested and named lists of slices in the structure it was given", {
  nested <- list(op_ones(c(2, 3)), list(op_ones(c(2, 3)) * 2, op_arange(2)))
  out <- op_vectorized_map(nested, function(e) e[[1L]] + e[[2L]][[1L]] * e[[2L]][[2L]])
  expect_equal(as.array(out), rbind(rep(3, 3), rep(5, 3)))
  named <- list(b = op_arange(3), a = op_ones(3) * 10)
  expect_equal(values(op_vectorized_map(named, function(e) e$a - e$b)), c(9, 8, 7))
})

test_that("op_associative_scan gives prefix sums, reversed, along any axis, as cumsum does", {
  expect_equal(values(op_associative_scan(`+`, op_arange(0L, 4L))), c(0L, 1L, 3L, 6L, 10L))
  expect_equal(values(op_associative_scan(`+`, op_arange(0L, 4L), reverse = TRUE)), c(10L, 10L, 9L, 7L, 4L))
  batched <- rbind(0:4, 1:5, 2:6)
  expect_equal(as.array(op_associative_scan(`+`, batched, axis = 2)), t(apply(batched, 1, cumsum)))
  expect_equal(as.array(op_associative_scan(`+`, batched, axis = 1)), apply(batched, 2, cumsum))
  for (n in 1:9) {
    x <- as.array(runif(n))
    expect_equal(values(op_associative_scan(`+`, x)), cumsum(c(x)), info = paste("length", n))
    expect_equal(values(op_associative_scan(`*`, x, reverse = TRUE)), rev(cumprod(rev(c(x)))), info = paste("length", n))
  }
})

test_that("op_associative_scan refuses an f whose result changes the inputs' length, which would recurse without end", {
  expect_bridge_error(op_associative_scan(function(a, b) c(1, 2, 3), as_tensor(c(1, 2, 3))), "value_error", "associative_scan")
  expect_bridge_error(op_associative_scan(function(a, b) op_sum(a + b), as_tensor(c(1, 2, 3, 4))), "value_error", "Received: \\(\\)")
  expect_equal(values(op_associative_scan(`+`, as_tensor(c(1, 2, 3)))), c(1, 3, 6))
})

test_that("op_associative_scan combines structures of inputs", {
  elems <- list(a = rbind(0:2, 3:5), b = rbind(6:8, 9:11))
  dict_add <- function(x, y) list(a = x$a + y$b, b = x$b + y$b)
  expect_equal(as.array(op_associative_scan(dict_add, elems, axis = 1)$b), rbind(6:8, c(15L, 17L, 19L)))
  # The linear recurrence h <- a * h + b of a state-space model, scanned in parallel.
  a <- runif(6); b <- runif(6)
  h <- 0
  for (i in 1:6) h <- a[i] * h + b[i]
  recurrence <- function(ci, cj) list(cj[[1L]] * ci[[1L]], cj[[1L]] * ci[[2L]] + cj[[2L]])
  scanned <- op_associative_scan(recurrence, list(a, b))
  expect_equal(values(scanned[[2L]])[[6L]], h)
})

test_that("structures of named lists pair their leaves by name, as Keras flattens dicts by sorted key", {
  elems <- list(b = op_array(rbind(c(6, 7, 8), c(9, 10, 11))), a = op_array(rbind(c(0, 1, 2), c(3, 4, 5))))
  scanned <- op_associative_scan(function(x, y) list(a = x$a + y$b, b = x$b + y$b), elems, axis = 1)
  expect_named(scanned, c("b", "a"))
  expect_equal(as.array(scanned$a), rbind(c(0, 1, 2), c(9, 11, 13)))
  expect_equal(as.array(scanned$b), rbind(c(6, 7, 8), c(15, 17, 19)))
  mapped <- op_map(op_array(c(1, 2, 3)), function(x) if (values(x) == 2) list(b = x * 100, a = x) else list(a = x, b = x * 100))
  expect_equal(as.vector(as.array(mapped$a)), c(1, 2, 3))
  expect_equal(as.vector(as.array(mapped$b)), c(100, 200, 300))
  expect_error(op_map(op_array(c(1, 2)), function(x) if (values(x) == 2) list(a = x, c = x) else list(a = x, b = x)),
               "names differ", class = "value_error")
})

test_that("a tensor in an error message shows as its header, not as its slots", {
  err <- tryCatch(op_cond(TRUE, op_array(1), function() 2), error = identity)
  expect_s3_class(err, "type_error")
  expect_match(conditionMessage(err), "Received: true_fn=<Tensor shape=(), dtype=float32>", fixed = TRUE)
  expect_no_match(conditionMessage(err), "pointer")
})

test_that("op_associative_scan refuses inputs of different lengths along the axis", {
  expect_error(op_associative_scan(function(x, y) Map(`+`, x, y), list(1:3, 1:4)), "same first dimension", class = "value_error")
  expect_error(op_associative_scan(`+`, 1:3, axis = 0), class = "value_error")
})

test_that("op_vectorize broadcasts the arguments and calls the function on each element", {
  vfunc <- op_vectorize(function(a, b) a + b)
  expect_equal(as.vector(as.array(vfunc(c(1, 2, 3, 4), 2))), c(3, 4, 5, 6))
  calls <- 0L
  counted <- op_vectorize(function(a) { calls <<- calls + 1L; a * 2 })
  out <- counted(matrix(1:6, 2))
  expect_identical(calls, 6L)
  expect_equal(as.array(out), matrix(1:6, 2) * 2)
})

test_that("op_vectorize with a signature loops over the leading axes only", {
  row_dot <- op_vectorize(function(a, b) op_sum(a * b), signature = "(n),(n)->()")
  expect_equal(as.vector(as.array(row_dot(matrix(1:6, 2), c(1, 0, 1)))), c(6, 8))
  matvec <- op_vectorize(function(m, v) op_matmul(m, v), signature = "(m,n),(n)->(m)")
  ms <- array(runif(2 * 3 * 2), c(2, 3, 2))
  v <- c(1, 2)
  out <- as.array(matvec(ms, v))
  expect_equal(out[2, ], as.vector(ms[2, , ] %*% v))
  expect_error(op_vectorize(identity, signature = "n->m"), "signature", class = "value_error")
})

test_that("op_vectorize passes excluded arguments through unchanged", {
  scaled <- op_vectorize(function(x, factor) { expect_length(factor, 3L); x * factor[[2L]] }, excluded = 1L)
  expect_equal(as.vector(as.array(scaled(c(1, 2), c(10, 20, 30)))), c(20, 40))
})

test_that("op_vectorize converts its arguments as Keras's convert_to_tensor: a vector in floatx, a number 0-d", {
  twice <- op_vectorize(function(a) a * 2)
  expect_identical(op_dtype(twice(c(1, 2))), "float32")
  expect_length(op_shape(twice(3)), 0L)
})

test_that("a loop body must return as many loop variables as it was given, as TensorFlow's and JAX's loops require", {
  expect_error(op_while_loop(function(i, j) i < 3L, function(i, j) list(i + 1L), list(0L, 100L)),
               class = "value_error", regexp = "`body` must return the structure of `loop_vars`: 2 tensors. Received: 1")
  expect_error(op_fori_loop(0L, 3L, function(i, s) list(s[[1]] + 1), list(0, 1)),
               class = "value_error", regexp = "`body_fun` must return the structure of `init_val`")
})

test_that("op_vectorize with several outputs in its signature gives a list of them, as NumPy's vectorize", {
  sum_max <- op_vectorize(function(a) list(op_sum(a), op_max(a)), signature = "(n)->(),()")
  out <- sum_max(rbind(c(1, 2, 3), c(4, 5, 6)))
  expect_length(out, 2L)
  expect_equal(as.array(out[[1L]]), array(c(6, 15)))
  expect_equal(as.array(out[[2L]]), array(c(3, 6)))
  expect_error(op_vectorize(function(a) op_sum(a), signature = "(n)->(),()")(rbind(c(1, 2))),
               class = "value_error", regexp = "wrong number of outputs")
})

test_that("structures nested deeper than 100 lists are a value_error, not an overflow of R's C stack", {
  deep <- function(n) { x <- 1; for (i in seq_len(n)) x <- list(x); x }
  expect_bridge_error(op_map(deep(5000), function(x) x), "value_error", "nested more than 100 deep")
  expect_bridge_error(op_fori_loop(0L, 2L, function(i, v) v, deep(5000)), "value_error", "nested more than 100 deep")
  expect_bridge_error(op_map(1:2, function(x) deep(5000)), "value_error", "nested more than 100 deep")
  expect_length(op_fori_loop(0L, 2L, function(i, v) v, deep(20)), 1L)
})
