# Keras's StatelessScope (keras/src/backend/common/stateless_scope_test.py, in our words).
test_that("reads in the scope give the mapped values; the variables stay as they were", {
  a <- keras_variable(c(1, 2))
  b <- keras_variable(array(0, c(2, 2)))
  with_stateless_scope(list(list(a, c(5, 6)), list(b, diag(2))), {
    expect_identical(as.array(a), array(c(5, 6)))
    expect_identical(as.array(b + 1), diag(2) + 1)
  })
  expect_identical(as.array(a), array(c(1, 2)))
})

test_that("assignments in the scope are recorded, not applied, and readable after it", {
  v <- keras_variable(c(1, 1))
  scope <- stateless_scope()
  result <- with(scope, {
    v$assign(c(3, 4))
    v$assign_add(c(1, 1))
    v@r[1] <- 10
    as.array(v)
  })
  expect_identical(result, array(c(10, 5)))
  expect_identical(as.array(scope$get_current_value(v)), array(c(10, 5)))
  expect_identical(as.array(v), array(c(1, 1)))
})

test_that("a variable neither mapped nor assigned has no value in the scope", {
  v <- keras_variable(1)
  scope <- stateless_scope()
  with(scope, NULL)
  expect_null(scope$get_current_value(v))
})

test_that("mapped values take the variable's dtype and must have its shape", {
  v <- keras_variable(c(1L, 2L))
  scope <- stateless_scope(list(list(v, c(7.9, 8.1))))
  with(scope, expect_identical(v$value$dtype, "int32"))
  expect_bridge_error(with_stateless_scope(list(list(v, 1:3)), NULL), "value_error", "shape that matches")
  expect_bridge_error(with_stateless_scope(list(list(1, 2)), NULL), "value_error", "must be Variable instances")
  expect_bridge_error(with_stateless_scope(list(v), NULL), "value_error", "pair")
})

test_that("a bad mapping is refused when the scope is made, as Keras's StatelessScope(), not when it is entered", {
  v <- keras_variable(c(1, 2))
  expect_bridge_error(stateless_scope(list(list("not a variable", op_ones(2)))), "value_error", "must be Variable instances")
  expect_bridge_error(stateless_scope(list(list(v, 1:3))), "value_error", "shape that matches")
  expect_false(is.null(stateless_scope(list(list(v, c(3, 4))))))
  expect_equal(as.array(v), array(c(1, 2)))
})

test_that("a scope is entered once, and its values are read after it is entered", {
  scope <- stateless_scope()
  expect_bridge_error(scope$get_current_value(keras_variable(1)), "value_error", "not been entered")
  with(scope, NULL)
  expect_bridge_error(with(scope, NULL), "value_error", "already been entered")
})

test_that("an error in the code closes the scope", {
  v <- keras_variable(1)
  expect_error(with_stateless_scope(NULL, { v$assign(2); stop("boom") }), "boom")
  v$assign(3)
  expect_identical(as.array(v), array(3))
})

test_that("a seed generator's draws in a scope advance the mapped state only", {
  g <- random_seed_generator(7)
  scope <- stateless_scope(list(list(g$state, c(7, 5))))
  inside <- with(scope, as.array(random_uniform(3, seed = g)))
  expect_equal(as.vector(as.array(g$state)), c(7, 0))
  expect_equal(as.vector(as.array(scope$get_current_value(g$state))), c(7, 6))
  replay <- random_seed_generator(7)
  replay$state$assign(c(7, 5))
  expect_identical(as.array(random_uniform(3, seed = replay)), inside)
})

test_that("stateless_function makes a pure function of the variables' values", {
  total <- keras_variable(0)
  count <- keras_variable(0L)
  update <- stateless_function(function(x) {
    total$assign_add(op_sum(x))
    count$assign_add(1L)
    total / op_cast(count, "float32")
  }, list(total, count))
  first <- update(list(0, 0L), c(1, 2, 3))
  expect_equal(as.vector(as.array(first$outputs)), 6)
  second <- update(first$values, c(4, 5))
  expect_equal(as.vector(as.array(second$outputs)), 7.5)
  expect_equal(as.vector(as.array(second$values[[2]])), 2)
  expect_identical(as.array(total), array(0))
  expect_bridge_error(update(list(0), 1), "value_error", "one per variable")
})

test_that("large values recorded in a scope stay right after their R objects are dropped and R collects", {
  big <- array(seq_len(1e4) / 3, c(100, 100))
  v <- keras_variable(array(0, c(100, 100)))
  scope <- stateless_scope()
  with(scope, {
    v$assign(big)
    invisible(v$assign_add(1))
  })
  invisible(gc())
  for (i in 1:20) scratch <- op_array(array(-1, c(100, 100)))
  invisible(gc())
  expect_identical(as.array(scope$get_current_value(v)), big + 1)
})

test_that("a seed generator made in a stateless scope draws there, its state waiting for the scope to close, as Keras's", {
  generator <- NULL
  drawn <- with(stateless_scope(), {
    generator <- random_seed_generator(3)
    random_normal(2, seed = generator)
  })
  expect_identical(op_shape(drawn), shape(2))
  expect_identical(as.vector(as.array(generator$state)), c(3, 0))
  expect_identical(as.vector(as.array(random_normal(2, seed = generator))), as.vector(as.array(drawn)))
  set_random_seed(1)
  first <- with(stateless_scope(), random_normal(3))
  expect_identical(op_shape(first), shape(3))
})
