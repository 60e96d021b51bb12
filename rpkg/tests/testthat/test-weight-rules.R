# keras3's constraint_*() and regularizer_*(): Keras's constraints and regularizers, whose tests
# (constraints_test.py, regularizers_test.py) these follow, compared with base R's arithmetic.
w <- matrix(c(3, 4, -1, 0, 0.5, -2), 2)
col_norms <- sqrt(colSums(w^2))

test_that("constraint_maxnorm() scales columns whose norm passes max_value down to it", {
  expected <- sweep(w, 2, pmin(col_norms, 2) / (1e-7 + col_norms), `*`)
  expect_equal(as.array(constraint_maxnorm(2)(w)), expected, tolerance = 1e-6)
  expect_equal(as.array(constraint_maxnorm(2, axis = 2)(w)), sweep(w, 1, pmin(sqrt(rowSums(w^2)), 2) / (1e-7 + sqrt(rowSums(w^2))), `*`), tolerance = 1e-6)
})

test_that("constraint_unitnorm() gives each column norm 1, an all-zero one staying 0", {
  z <- cbind(w, 0)
  out <- as.array(constraint_unitnorm()(z))
  expect_equal(sqrt(colSums(out^2)), c(1, 1, 1, 0), tolerance = 1e-6)
})

test_that("constraint_minmaxnorm() moves each norm into the range by `rate` of the way", {
  desired <- 0.5 * pmin(pmax(col_norms, 1), 2) + 0.5 * col_norms
  expect_equal(as.array(constraint_minmaxnorm(1, 2, rate = 0.5)(w)), sweep(w, 2, desired / (1e-7 + col_norms), `*`), tolerance = 1e-6)
})

test_that("constraint_nonneg() sets negative weights to 0 and keeps the dtype", {
  expect_equal(as.array(constraint_nonneg()(w)), pmax(w, 0))
  expect_identical(as.array(constraint_nonneg()(array(-1:1))), array(c(0L, 0L, 1L)))
})

test_that("regularizer_l1(), _l2() and _l1_l2() are the penalties Keras adds, in the weights' dtype", {
  x <- op_array(w, "float32")
  expect_equal(values(regularizer_l1(0.1)(x)), 0.1 * sum(abs(w)), tolerance = 1e-6)
  expect_equal(values(regularizer_l2(2)(x)), 2 * sum(w^2), tolerance = 1e-6)
  expect_equal(values(regularizer_l1_l2(0.1, 2)(x)), 0.1 * sum(abs(w)) + 2 * sum(w^2), tolerance = 1e-6)
  expect_identical(op_dtype(regularizer_l2()(x)), "float32")
  expect_identical(op_shape(regularizer_l1()(x)), shape())
  expect_equal(values(regularizer_l1_l2()(x)), 0)
})

test_that("regularizer_orthogonal() is 0 for orthonormal rows and the mean absolute cosine times factor / 2 otherwise", {
  expect_equal(values(regularizer_orthogonal(factor = 1)(diag(3))), 0)
  m <- rbind(c(1, 0), c(1, 1), c(0, 1))
  unit <- m / sqrt(rowSums(m^2))
  cosines <- abs(unit %*% t(unit))[upper.tri(diag(3))]
  expect_equal(values(regularizer_orthogonal(factor = 1)(m)), 0.5 * 2 * sum(cosines) / 3, tolerance = 1e-6)
  expect_equal(values(regularizer_orthogonal(factor = 1, mode = "columns")(t(m))), 0.5 * 2 * sum(cosines) / 3, tolerance = 1e-6)
})

test_that("regularizers refuse negative or non-numeric factors, a bad mode and non-matrices as Keras does", {
  expect_bridge_error(regularizer_l1(-1), "value_error", "expected a non-negative float")
  expect_bridge_error(regularizer_l2("a"), "value_error", "Received: l2=")
  expect_bridge_error(regularizer_orthogonal(mode = "diagonal"), "value_error", "Invalid value for argument `mode`")
  expect_bridge_error(regularizer_orthogonal()(op_ones(c(2, 2, 2))), "value_error", "must have rank 2")
})

test_that("a variable takes a constraint or regularizer, and get_config() and from_config() round-trip them", {
  v <- keras_variable(w)
  v$constraint <- constraint_nonneg()
  v$regularizer <- regularizer_l2(0.5)
  v$assign(v$constraint(v))
  expect_equal(as.array(v), pmax(w, 0))
  expect_equal(values(v$regularizer(v)), 0.5 * sum(pmax(w, 0)^2), tolerance = 1e-6)
  config <- get_config(constraint_maxnorm(3, axis = 2))
  expect_identical(attr(config, "__class__"), "MaxNorm")
  expect_equal(as.array(from_config(config)(w)), as.array(constraint_maxnorm(3, axis = 2)(w)))
  expect_identical(get_config(from_config(get_config(regularizer_l1_l2(0.1, 0.2))))[c("l1", "l2")], list(l1 = 0.1, l2 = 0.2))
})
