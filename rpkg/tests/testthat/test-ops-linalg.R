a <- matrix(c(4, 2, 2, 3), 2)

test_that("products over axes of length zero are zeros, as NumPy's", {
  expect_equal(as.vector(as.array(op_tensordot(op_zeros(c(0, 3)), op_zeros(c(0, 3))))), 0)
  expect_equal(as.array(op_tensordot(op_zeros(c(2, 0)), op_zeros(c(0, 2)), axes = 2L)), matrix(0, 2, 2))
  expect_equal(as.array(op_inner(op_zeros(c(2, 0)), op_zeros(c(3, 0)))), matrix(0, 2, 3))
})

test_that("op_dot and op_matmul equal %*%, op_outer equals outer()", {
  expect_identical(as.array(op_dot(a, a)), a %*% a)
  expect_identical(as.array(op_dot(a, c(1, 1))), array(a %*% c(1, 1), 2))
  expect_identical(as.array(op_outer(c(1, 2), c(1, 10, 100))), outer(c(1, 2), c(1, 10, 100)))
})

test_that("op_tensordot sums axes = N - 1 last axes of x1 against the first of x2, as keras3 converts N, or the listed 1-based axes", {
  expect_equal(as.array(op_tensordot(a, a, axes = 2)), a %*% a)
  expect_equal(as.vector(as.array(op_tensordot(a, a))), sum(a * a))
  expect_equal(as.vector(as.array(op_tensordot(a, a, axes = 3))), sum(a * a))
  expect_equal(as.array(op_tensordot(a, a, axes = 1)), outer(a, a))
  expect_equal(as.array(op_tensordot(a, a, axes = list(1, 1))), t(a) %*% a)
  expect_bridge_error(op_tensordot(a, a, axes = 0), "value_error", "1-based")
})

test_that("op_tensordot takes a vector of two axes as keras3 does, the pair of axes it lists", {
  x <- array(0:23, c(1, 2, 3, 4))
  y <- array(0:23, c(3, 4, 1, 2))
  # np.tensordot(x, y, axes=[0, 2]) sums x's first axis against y's third.
  expected <- op_tensordot(x, y, axes = list(1, 3))
  expect_identical(op_shape(op_tensordot(x, y, axes = c(1, 3))), op_shape(expected))
  expect_equal(as.array(op_tensordot(x, y, axes = c(1, 3))), as.array(expected))
  expect_identical(dim(as.array(expected)), c(2L, 3L, 4L, 3L, 4L, 2L))
  expect_bridge_error(op_tensordot(x, y, axes = c(1, 2, 3)), "value_error", "Received: axes=list(1, 2, 3)", fixed = TRUE)
})

test_that("op_solve, op_inv, op_det and op_cholesky equal solve(), det() and chol()", {
  expect_equal(as.array(op_solve(a, c(6, 5))), array(solve(a, c(6, 5)), 2))
  expect_equal(as.array(op_solve(a, diag(2))), solve(a))
  expect_equal(as.array(op_inv(a)), solve(a))
  expect_equal(as.vector(as.array(op_det(a))), det(a))
  expect_equal(as.array(op_cholesky(a)), t(chol(a)))
  expect_equal(as.array(op_cholesky(a, upper = TRUE)), chol(a))
})

test_that("linear algebra works on batches in the leading axes", {
  batch <- op_stack(list(a, 2 * a))
  expect_equal(as.array(op_det(batch)), array(c(det(a), det(2 * a)), 2))
  expect_equal(as.array(op_inv(batch))[2, , ], solve(2 * a))
})

test_that("solves broadcast the batch axes of the matrices and the right-hand sides, as NumPy's", {
  # (2, 1, 2, 2) matrices and one (2, 2) matrix of right-hand sides (a vector per matrix would
  # have one axis fewer than the matrices).
  batch <- op_expand_dims(op_stack(list(a, 2 * a)), 2)
  rhs <- matrix(c(1, 2, 3, 4), 2)
  solved <- as.array(op_solve(batch, rhs))
  expect_identical(dim(solved), c(2L, 1L, 2L, 2L))
  expect_equal(solved[1, 1, , ], solve(a, rhs))
  expect_equal(solved[2, 1, , ], solve(2 * a, rhs))
  upper <- op_triu(batch)
  triangular <- as.array(op_solve_triangular(upper, rhs))
  expect_equal(triangular[2, 1, , ], backsolve(as.array(upper)[2, 1, , ], rhs))
  expect_bridge_error(op_solve(array(diag(2), c(3, 2, 2)), array(1, c(2, 2, 1))), "value_error", "broadcast")
})

test_that("singular and non-square matrices are value_errors", {
  expect_bridge_error(op_inv(matrix(c(1, 2, 2, 4), 2)), "value_error", "Singular matrix", fixed = TRUE)
  expect_bridge_error(op_det(matrix(1:6, 2)), "value_error", "square")
  expect_bridge_error(op_cholesky(matrix(c(1, 2, 2, 1), 2)), "value_error", "Cholesky decomposition failed: Matrix is not positive definite", fixed = TRUE)
})

test_that("the linear-algebra ops refuse what they cannot take in Keras's words", {
  expect_bridge_error(op_det(array(1, c(4, 3, 4))), "value_error",
                      "Expected a square matrix. Received non-square input with shape (4, 3, 4)", fixed = TRUE)
  expect_bridge_error(op_inv(c(1, 2)), "value_error", "Expected input to have rank >= 2. Received input with shape (2,).", fixed = TRUE)
  expect_bridge_error(op_qr(c(1, 2)), "value_error", "Expected input to have rank >= 2. Received input with shape (2,).", fixed = TRUE)
  expect_bridge_error(op_solve(diag(3), c(1, 2)), "value_error",
                      "Incompatible shapes between `a` and `b`. Expected `a.shape[-1] == b.shape[-1]`. Received: a.shape=(3, 3), b.shape=(2,)", fixed = TRUE)
  expect_bridge_error(op_solve(diag(3), matrix(1, 2, 2)), "value_error", "Expected `a.shape[-2] == b.shape[-2]`", fixed = TRUE)
  expect_bridge_error(op_solve(diag(2), 5), "value_error", "Expected input to have rank >= 1.", fixed = TRUE)
  expect_bridge_error(op_solve_triangular(diag(3), c(1, 2)), "value_error", "Expected `a.shape[-1] == b.shape[-1]`", fixed = TRUE)
  expect_bridge_error(op_solve(array(diag(2), c(2, 2, 1)), array(1, c(2, 1))), "value_error", "square")
  # Keras's front end asks a `b` with one axis more than `a` for a last axis of a's length.
  expect_bridge_error(op_solve(diag(2), array(1, c(3, 2, 5))), "value_error",
                      "Expected `a.shape[-1] == b.shape[-1]`. Received: a.shape=(2, 2), b.shape=(3, 2, 5)", fixed = TRUE)
  expect_bridge_error(op_solve_triangular(diag(2), array(1, c(3, 2, 5))), "value_error", "Expected `a.shape[-1] == b.shape[-1]`", fixed = TRUE)
  expect_identical(op_shape(op_solve(diag(2), array(1, c(3, 2, 2)))), shape(3, 2, 2))
})

test_that("op_norm equals norm() and sqrt(sum(x^2))", {
  expect_equal(as.vector(as.array(op_norm(a))), norm(a, "F"))
  expect_equal(as.vector(as.array(op_norm(a, ord = 1))), norm(a, "O"))
  expect_equal(as.vector(as.array(op_norm(a, ord = Inf))), norm(a, "I"))
  expect_equal(as.vector(as.array(op_norm(c(3, 4)))), 5, tolerance = 1e-6)
  expect_equal(as.array(op_norm(a, axis = 1)), array(sqrt(colSums(a^2)), 2))
  expect_equal(as.vector(as.array(op_norm(c(1, -2, 3), ord = 1))), 6, tolerance = 1e-6)
  expect_bridge_error(op_norm(a, ord = 3), "value_error", "Invalid `ord` argument for matrix norm")
})

test_that("op_norm with ord = 0 counts non-zero elements and keeps the axis with keepdims, as NumPy's norm", {
  x <- matrix(c(1, 0, 2, -3, 0, 4), 2)
  kept <- op_norm(x, ord = 0, axis = 2, keepdims = TRUE)
  expect_identical(dim(as.array(kept)), c(2L, 1L))
  expect_identical(as.vector(as.array(kept)), c(2, 2))
  expect_identical(dim(as.array(op_norm(c(1, 0, 2), ord = 0, keepdims = TRUE))), 1L)
})

test_that("op_norm of matrices with ord 2, -2 and nuc gives the largest, smallest and summed singular values, as svd()", {
  w <- matrix(c(4, 2, 2, 3, 1, 5), 2)
  expect_equal(as.vector(as.array(op_norm(w, ord = 2))), svd(w)$d[1], tolerance = 1e-12)
  expect_equal(as.vector(as.array(op_norm(w, ord = -2))), svd(w)$d[2], tolerance = 1e-12)
  expect_equal(as.vector(as.array(op_norm(w, ord = "nuc"))), sum(svd(w)$d), tolerance = 1e-12)
  expect_equal(as.vector(as.array(op_norm(t(w), ord = 2))), norm(w, "2"), tolerance = 1e-12)
  cube <- array(c(1, 3, 2, 5, 7, 1, 0, 2, 9, 4, 6, 8), c(2, 3, 2))
  per_slice <- vapply(1:2, function(k) svd(cube[, , k])$d[1], 0)
  expect_equal(as.array(op_norm(cube, ord = 2, axis = c(1, 2))), array(per_slice), tolerance = 1e-12)
  expect_equal(as.array(op_norm(cube, ord = "nuc", axis = c(2, 1))), array(vapply(1:2, function(k) sum(svd(cube[, , k])$d), 0)), tolerance = 1e-12)
  expect_identical(dim(as.array(op_norm(cube, ord = -2, axis = c(1, 3), keepdims = TRUE))), c(1L, 3L, 1L))
  expect_equal(as.vector(as.array(op_norm(matrix(c(1e200, 1e200, 1e200, -1e200), 2), ord = 2))), sqrt(2) * 1e200)
  expect_equal(as.vector(as.array(op_norm(diag(c(1e-200, 1)), ord = -2))), 1e-200)
  expect_true(is.nan(as.array(op_norm(matrix(c(NaN, 1, 1, 1), 2), ord = 2))))
  # A list of axes is the vector of them, as keras3's as_axis() reads it.
  expect_identical(as.array(op_norm(w, ord = 2, axis = list(1, 2))), as.array(op_norm(w, ord = 2, axis = c(1, 2))))
})

test_that("op_norm refuses what NumPy's norm refuses, with Keras's wording, and truncates a finite ord as keras3", {
  expect_bridge_error(op_norm(op_zeros(c(2, 3, 4)), ord = 1), "value_error", "Improper number of dimensions")
  expect_bridge_error(op_norm(c(3, 4), ord = "fro"), "value_error", "Invalid `ord` argument for vector norm")
  expect_bridge_error(op_norm(c(3, 4), ord = "bad"), "value_error", "Expected one of {'fro', 'nuc'}", fixed = TRUE)
  expect_bridge_error(op_norm(c(3, 4), ord = list()), "type_error", "ord")
  expect_equal(as.vector(as.array(op_norm(c(3, 4), ord = 2.5))), 5, tolerance = 1e-6)
  expect_equal(as.vector(as.array(op_norm(op_zeros(c(2, 3, 4))))), 0)
})

test_that("op_norm keeps a matrix's float64 and gives a plain vector floatx, as keras3's inputs convert", {
  expect_identical(op_dtype(op_norm(a)), "float64")
  expect_identical(op_dtype(op_norm(c(3, 4))), "float32")
  expect_identical(op_dtype(op_norm(1:3)), "float32")
})

test_that("op_sort equals sort() per row, NaN last", {
  m <- rbind(c(3, 1, 2), c(9, 7, 8))
  expect_identical(as.array(op_sort(m)), t(apply(m, 1, sort)))
  expect_identical(as.array(op_sort(m, axis = 1)), apply(m, 2, sort))
  expect_identical(as.array(op_sort(array(c(2, NaN, 1), 3))), array(c(1, 2, NaN), 3))
})

test_that("op_sort keeps NA as NA, as sort(na.last = TRUE) does", {
  x <- array(c(2, NA, -1, NaN, 0), 5)
  sorted <- as.vector(op_sort(x))
  expect_identical(sorted[1:3], c(-1, 0, 2))
  # Between themselves NA and NaN come in either order, as in NumPy.
  expect_setequal(trimws(format(sorted[4:5])), c("NA", "NaN"))
})

test_that("op_sort of a long vector equals sort() in every dtype", {
  set.seed(7)
  x <- round(c(runif(2e5, -1e4, 1e4), rnorm(1e5)), 2)
  expect_identical(as.array(op_sort(array(x))), array(sort(x)))
  ints <- sample(-1e6:1e6, 3e5, replace = TRUE)
  expect_identical(as.array(op_sort(array(ints))), array(sort(ints)))
  expect_identical(as.array(op_sort(op_cast(array(x), "float32"))), as.array(op_cast(array(sort(x)), "float32")))
})

test_that("op_argsort gives 1-based positions as order()", {
  x <- c(3.1, 1.1, 2.1, 1.1)
  expect_identical(as.array(op_argsort(x)), array(order(x), 4))
  expect_identical(as.array(op_argsort(x, zero_indexed = TRUE)), array(order(x) - 1L, 4))
})

test_that("op_top_k gives values and 1-based indices, as keras3's example", {
  top <- op_top_k(array(c(5L, 2L, 7L, 1L, 9L, 3L), 6), k = 3)
  expect_identical(names(top), c("values", "indices"))
  expect_identical(as.array(top$values), array(c(9L, 7L, 5L), 3))
  expect_identical(as.array(top$indices), array(c(5L, 3L, 1L), 3))
})

test_that("op_argsort of a 0-d tensor is one position along its only axis, and refuses others", {
  expect_identical(as.array(op_argsort(op_array(3))), array(1L))
  expect_bridge_error(op_argsort(op_array(3), axis = 5), "value_error", "out of bounds")
})

test_that("op_take_along_axis with op_argsort sorts each row", {
  m <- rbind(c(3, 1, 2), c(9, 7, 8))
  expect_identical(as.array(op_take_along_axis(m, op_argsort(m), axis = 2)), t(apply(m, 1, sort)))
})

test_that("op_take_along_axis without an axis takes 1-D indices into x flattened row-major, and refuses others as NumPy", {
  m <- rbind(c(3, 1, 2), c(9, 7, 8))
  expect_identical(as.array(op_take_along_axis(m, c(1, 4))), array(c(3, 9)))
  expect_bridge_error(op_take_along_axis(m, matrix(1:2, 1)), "value_error", "single dimension")
})

test_that("op_tril, op_triu and op_diag equal lower.tri, upper.tri and diag", {
  m <- matrix(as.double(1:9), 3, byrow = TRUE)
  expect_identical(as.array(op_tril(m)), m * lower.tri(m, diag = TRUE))
  expect_identical(as.array(op_triu(m, k = 1)), m * upper.tri(m))
  expect_identical(as.array(op_diag(m)), array(diag(m), 3))
  expect_identical(as.array(op_diag(c(1, 2))), diag(c(1, 2)))
  expect_identical(as.vector(as.array(op_trace(m))), sum(diag(m)))
  expect_identical(as.array(op_diagonal(m, offset = 1)), array(c(2, 6), 2))
})

test_that("op_swapaxes and op_moveaxis equal aperm", {
  x <- array(as.double(1:24), c(2, 3, 4))
  expect_identical(as.array(op_swapaxes(x, 1, 3)), aperm(x, c(3, 2, 1)))
  expect_identical(as.array(op_moveaxis(x, 1, 3)), aperm(x, c(2, 3, 1)))
})

test_that("op_roll takes shifts as large as 64-bit integers and refuses larger ones", {
  expect_identical(as.array(op_roll(1:5, 2^53)), array(c(4L, 5L, 1L, 2L, 3L), 5))
  expect_bridge_error(op_roll(1:5, 1e300), "value_error", "64-bit integers")
})

test_that("op_tile, op_repeat and op_roll equal rep() and a rotation", {
  expect_identical(as.array(op_tile(c(1, 2), 3)), array(rep(c(1, 2), 3), 6))
  expect_identical(as.array(op_repeat(c(1, 2), 3)), array(rep(c(1, 2), each = 3), 6))
  expect_identical(as.array(op_repeat(c(1, 2), c(1, 2))), array(c(1, 2, 2), 3))
  expect_identical(as.array(op_roll(1:5, 2)), array(c(4L, 5L, 1L, 2L, 3L), 5))
  expect_identical(as.array(op_roll(matrix(1:6, 2), c(1, 2), axis = c(1, 2))), matrix(c(4L, 3L, 6L, 5L, 2L, 1L), 2))
  expect_identical(as.array(op_roll(matrix(1:4, 2), 1, axis = c(1, 2))), matrix(c(4L, 3L, 2L, 1L), 2))
  expect_bridge_error(op_roll(matrix(1:6, 2), c(1, 2, 3), axis = c(1, 2)), "value_error", "same length")
  m <- matrix(1:6, 2)
  expect_identical(as.array(op_roll(m, 1, axis = 2)), m[, c(3, 1, 2)])
})

test_that("op_tile, op_repeat and op_roll take their counts as a list or a shape(), as Python takes a list or tuple", {
  m <- matrix(1:4, 2)
  expect_identical(as.array(op_tile(m, shape(2, 1))), rbind(m, m))
  expect_identical(as.array(op_tile(m, list(1L, op_convert_to_tensor(2L)))), cbind(m, m))
  expect_identical(as.array(op_tile(m, op_shape(m))), as.array(op_tile(m, c(2, 2))))
  expect_identical(as.array(op_repeat(c(1, 2), list(1, 2))), array(c(1, 2, 2), 3))
  expect_identical(as.array(op_roll(1:5, list(2L))), array(c(4L, 5L, 1L, 2L, 3L), 5))
})

test_that("op_tile with no counts returns x unchanged, as NumPy's tile(x, ())", {
  m <- matrix(1:6, 2)
  expect_identical(as.array(op_tile(m, integer(0))), m)
  expect_identical(as.array(op_tile(m, list())), m)
  expect_identical(op_shape(op_tile(op_array(3), integer(0))), shape())
})

test_that("a list of counts holds whole numbers only", {
  expect_bridge_error(op_tile(1:2, list(2.5, 1)), "type_error", "must be whole numbers")
  expect_bridge_error(op_tile(1:2, list(c(1, 2))), "type_error", "must be whole numbers")
  expect_bridge_error(op_tile(1:2, list("2")), "type_error", "must be whole numbers")
  expect_bridge_error(op_roll(1:5, list(1e300)), "value_error", "64-bit integers")
})

test_that("op_repeat with a count too large for a tensor is a memory_error at once", {
  expect_bridge_error(op_repeat(c(1, 2, 3), 2^31), "memory_error",
                      "Unable to allocate 24.0 GiB for an array with shape (6442450944,) and data type float32", fixed = TRUE)
  expect_identical(dim(op_repeat(array(0, c(0, 1)), 2^31 - 1, axis = 2)), c(0L, .Machine$integer.max))
})

test_that("cross-entropies equal their formulas", {
  expect_equal(as.array(op_binary_crossentropy(c(0, 1, 1), c(0.1, 0.9, 0.8))), array(-log(c(0.9, 0.9, 0.8)), 3), tolerance = 1e-6)
  target <- rbind(c(0, 1, 0), c(1, 0, 0))
  output <- rbind(c(0.1, 0.8, 0.1), c(0.7, 0.2, 0.1))
  expect_equal(as.array(op_categorical_crossentropy(target, output)), array(-log(c(0.8, 0.7)), 2))
  expect_equal(as.array(op_sparse_categorical_crossentropy(c(1L, 0L), output)), array(-log(c(0.8, 0.7)), 2))
  expect_equal(as.array(op_categorical_crossentropy(target, log(output), from_logits = TRUE)), array(-log(c(0.8, 0.7)), 2))
})

test_that("cross-entropy of different shapes is Keras's value_error", {
  expect_bridge_error(op_binary_crossentropy(c(1, 0), c(0.5, 0.5, 0.5)), "value_error", "must have the same shape")
})

test_that("op_einsum computes products, traces, transposes and sums", {
  b <- array(as.double(1:24), c(2, 3, 4))
  expect_equal(as.array(op_einsum("ij,jk->ik", a, a)), a %*% a)
  expect_equal(as.vector(as.array(op_einsum("ii", a))), sum(diag(a)))
  expect_equal(as.array(op_einsum("ij->ji", a)), t(a))
  expect_equal(as.array(op_einsum("ijk->k", b)), array(apply(b, 3, sum), 4))
  expect_bridge_error(op_einsum("ij,jk->ik", a), "value_error", "operands")
})

test_that("op_einsum's ellipsis stands for the leading axes, broadcast, as NumPy's", {
  batch <- array(as.double(1:12), c(3, 2, 2))
  products <- as.array(op_einsum("...ij,...jk->...ik", batch, a))
  for (k in 1:3) expect_equal(products[k, , ], batch[k, , ] %*% a)
  expect_equal(as.array(op_einsum("i...->...", batch)), apply(batch, c(2, 3), sum))
  expect_identical(dim(as.array(op_einsum("...ij,...jk->...ik", array(1, c(1, 2, 2)), batch))), c(3L, 2L, 2L))
})

test_that("op_matmul gives R's products through the BLAS it finds and through its own kernel", {
  found <- run_child("matmul")
  kernel <- run_child("matmul", env = c(KERASBRIDGE_BLAS = "none"))
  for (child in list(found, kernel)) {
    expect_identical(child$status, 0L)
    expect_lt(as.numeric(child_value(strsplit(child$stdout, "\n")[[1]], "error")), 1e-3)
  }
  expect_match(child_value(strsplit(kernel$stdout, "\n")[[1]], "matmul"), "engine's vectorised kernel (KERASBRIDGE_BLAS=none)", fixed = TRUE)
})

test_that("a BLAS that cannot be loaded leaves products to the engine's kernel", {
  child <- run_child("matmul", env = c(KERASBRIDGE_BLAS = "/nonexistent/libblas.so"))
  lines <- strsplit(child$stdout, "\n")[[1]]
  expect_match(child_value(lines, "matmul"), "could not be loaded", fixed = TRUE)
  expect_lt(as.numeric(child_value(lines, "error")), 1e-3)
})

test_that("op_inner sums over the last axis of both, as x1 %*% t(x2)", {
  a <- matrix(1:6, 2, byrow = TRUE)
  b <- matrix(c(1, 0, 2, 1, 1, 1), 2, byrow = TRUE)
  expect_identical(as.array(op_inner(a, b)), a %*% t(b))
  expect_identical(as.vector(as.array(op_inner(c(1, 2, 3), c(4, 5, 6)))), 32)
  expect_identical(as.vector(as.array(op_inner(op_array(3), c(1, 2)))), c(3, 6))
  expect_bridge_error(op_inner(a, matrix(1:4, 2)), "value_error")
})

test_that("op_vdot is the dot product of both flattened, conjugating x1", {
  a <- matrix(1:4, 2)
  expect_identical(as.vector(as.array(op_vdot(a, a))), sum(a * a))
  z <- op_array(array(c(1 + 2i, 3 - 1i)))
  expect_identical(as.vector(as.array(op_vdot(z, z))), sum(Conj(c(1 + 2i, 3 - 1i)) * c(1 + 2i, 3 - 1i)))
  expect_bridge_error(op_vdot(c(1, 2), c(1, 2, 3)), "value_error")
})

test_that("op_diagflat puts x flattened in row-major order on a diagonal", {
  m <- matrix(1:4, 2, byrow = TRUE)
  expect_identical(as.array(op_diagflat(m)), diag(1:4))
  shifted <- as.array(op_diagflat(c(1, 2), k = 1))
  expect_identical(shifted, rbind(c(0, 1, 0), c(0, 0, 2), c(0, 0, 0)))
  expect_identical(as.array(op_diagflat(c(1, 2), k = -1)), t(shifted))
})

test_that("op_slogdet gives the sign of the determinant and the log of its absolute value, as determinant()", {
  m <- matrix(c(2, 1, 5, -4), 2)
  base <- determinant(m, logarithm = TRUE)
  parts <- op_slogdet(m)
  expect_length(parts, 2)
  expect_identical(as.vector(as.array(parts[[1]])), as.vector(base$sign) + 0)
  expect_equal(as.vector(as.array(parts[[2]])), as.vector(base$modulus))
  expect_equal(as.vector(as.array(op_logdet(diag(c(2, 3))))), log(6))
})

test_that("op_slogdet stays finite where op_det overflows, and a singular matrix is sign 0, log -Inf", {
  big <- diag(1e4, 200)
  expect_identical(as.vector(as.array(op_det(big))), Inf)
  expect_equal(as.vector(as.array(op_logdet(big))), 200 * log(1e4))
  singular <- op_slogdet(matrix(c(1, 2, 2, 4), 2))
  expect_identical(as.vector(as.array(singular[[1]])), 0)
  expect_identical(as.vector(as.array(singular[[2]])), -Inf)
})

test_that("op_slogdet works over batches and refuses non-square input", {
  batch <- array(c(2, 0, 0, 3, -1, 0, 0, 1), c(2, 2, 2))
  parts <- op_slogdet(aperm(batch, c(3, 1, 2)))
  expect_identical(as.vector(as.array(parts[[1]])), c(1, -1))
  expect_equal(as.vector(as.array(parts[[2]])), c(log(6), 0))
  expect_bridge_error(op_slogdet(matrix(1:6, 2)), "value_error", "square")
})

test_that("op_norm of complex values is the norm of their magnitudes, in the real dtype", {
  z <- c(3 + 4i, 1i)
  out <- op_norm(op_array(z))
  expect_identical(op_dtype(out), "float64")
  expect_equal(as.vector(as.array(out)), sqrt(sum(Mod(z)^2)))
  expect_equal(as.vector(as.array(op_norm(op_array(z), ord = 1))), sum(Mod(z)))
  expect_identical(op_dtype(op_norm(op_cast(op_array(z), "complex64"), ord = 0)), "float32")
  m <- matrix(c(1 + 1i, 2, 0, 1i), 2)
  expect_equal(as.vector(as.array(op_norm(op_array(m), ord = 2))), max(svd(m)$d))
  expect_equal(as.vector(as.array(op_norm(op_array(m), ord = "nuc"))), sum(svd(m)$d))
  expect_equal(as.vector(as.array(op_norm(op_array(m), ord = "fro"))), norm(Mod(m), "F"))
})

test_that("complex matrices are solved, inverted and factored as base R's LAPACK gives them, as TensorFlow takes them", {
  set.seed(3)
  m <- matrix(complex(real = rnorm(9), imaginary = rnorm(9)), 3)
  z <- op_array(m, "complex128")
  d <- prod(eigen(m, only.values = TRUE)$values)
  expect_equal(as.vector(as.array(op_det(z))), d)
  expect_equal(as.array(op_det(op_stack(list(z, z * 2)))), array(c(d, 8 * d)))
  expect_equal(as.array(op_inv(z)), solve(m))
  b <- complex(real = 1:3, imaginary = c(0, 1, -1))
  expect_equal(as.vector(as.array(op_solve(z, b))), as.vector(solve(m, b)))
  expect_equal(as.array(op_solve(z, cbind(b, 2 * b))), unname(solve(m, cbind(b, 2 * b))))
  # A real matrix with complex right-hand sides is a complex system too.
  expect_equal(as.vector(as.array(op_solve(diag(2) * 2, c(2 + 2i, 4)))), c(1 + 1i, 2))
  parts <- op_slogdet(z)
  expect_identical(vapply(parts, op_dtype, ""), c("complex128", "complex128"))
  expect_equal(as.vector(as.array(parts[[1L]])), d / Mod(d))
  expect_equal(as.vector(as.array(parts[[2L]])), complex(real = log(Mod(d)), imaginary = 0))
  expect_equal(as.vector(as.array(op_logdet(z))), complex(real = log(Mod(d)), imaginary = 0))
  h <- m %*% Conj(t(m)) + diag(3)
  l <- as.array(op_cholesky(op_array(h, "complex128")))
  expect_equal(l %*% Conj(t(l)), h)
  expect_true(all(l[upper.tri(l)] == 0))
  u <- as.array(op_cholesky(op_array(h, "complex128"), upper = TRUE))
  expect_equal(u, Conj(t(l)))
  expect_identical(op_dtype(op_det(op_array(m, "complex64"))), "complex64")
  # No right-hand sides: an empty solution, as for real ones.
  expect_identical(op_shape(op_solve(diag(2) + 0i, array(0i, c(2, 0)))), shape(2, 0))
  expect_identical(op_shape(op_solve_triangular(diag(2) + 0i, array(0i, c(2, 0)))), shape(2, 0))
})

test_that("singular and indefinite complex matrices are refused as real ones are, in Keras's words", {
  singular <- op_array(matrix(c(1i, 2i, 1i, 2i), 2), "complex64")
  expect_bridge_error(op_inv(singular), "value_error", "Singular matrix", fixed = TRUE)
  expect_bridge_error(op_solve(singular, c(1i, 1)), "value_error", "Singular matrix", fixed = TRUE)
  expect_equal(as.vector(as.array(op_det(singular))), 0i)
  parts <- op_slogdet(singular)
  expect_equal(as.vector(as.array(parts[[1L]])), 0i)
  expect_identical(Re(as.vector(as.array(parts[[2L]]))), -Inf)
  expect_bridge_error(op_cholesky(op_array(-diag(2) + 0i, "complex64")), "value_error", "not positive definite")
  expect_equal(as.vector(as.array(op_det(op_zeros(c(0, 0), "complex64")))), 1 + 0i)
})

test_that("op_solve and op_inv of empty matrices give empty results", {
  expect_identical(dim(as.array(op_inv(op_zeros(c(0, 0))))), c(0L, 0L))
  expect_identical(as.integer(op_shape(op_solve(a, op_zeros(c(2, 0))))), c(2L, 0L))
})

test_that("op_einsum of one int8 operand gives int32, as for several", {
  x <- op_array(array(1:6, c(2, 3)), "int8")
  expect_identical(op_einsum("ij->", x)$dtype, "int32")
  expect_identical(as.vector(as.array(op_einsum("ij->", x))), 21L)
})
