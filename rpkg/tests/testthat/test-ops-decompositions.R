# Matrix decompositions: each checked by what defines it (the product gives the input back,
# the factors are orthogonal or triangular) and against base R and Keras's documented values.

batch_of <- function(...) {
  matrices <- list(...)
  out <- array(0, c(length(matrices), dim(matrices[[1L]])))
  for (k in seq_along(matrices)) out[k, , ] <- matrices[[k]]
  out
}

test_that("op_svd factors a matrix into u, s and vh that multiply back to it", {
  x <- rbind(c(1, 2), c(3, 4), c(5, 6))
  parts <- op_svd(x)
  u <- as.array(parts[[1L]]); s <- as.vector(as.array(parts[[2L]])); vh <- as.array(parts[[3L]])
  expect_equal(dim(u), c(3L, 3L))
  expect_equal(dim(vh), c(2L, 2L))
  expect_equal(s, svd(x)$d)
  expect_equal(u[, 1:2] %*% diag(s) %*% vh, x)
  expect_equal(crossprod(u), diag(3))
})

test_that("op_svd keeps min(m, n) vectors without full_matrices, and gives s alone without compute_uv", {
  x <- matrix(runif(12), 3, 4)
  parts <- op_svd(x, full_matrices = FALSE)
  expect_equal(as.integer(op_shape(parts[[1L]])), c(3L, 3L))
  expect_equal(as.integer(op_shape(parts[[3L]])), c(3L, 4L))
  expect_equal(as.array(parts[[1L]]) %*% diag(as.vector(as.array(parts[[2L]]))) %*% as.array(parts[[3L]]), x)
  s <- op_svd(op_array(x, "float32"), compute_uv = FALSE)
  expect_true(op_is_tensor(s))
  expect_identical(op_dtype(s), "float32")
  expect_equal(as.vector(as.array(s)), svd(x)$d, tolerance = 1e-6)
})

test_that("op_svd works over a batch of matrices", {
  a <- matrix(runif(6), 3, 2); b <- matrix(runif(6), 3, 2)
  s <- op_svd(batch_of(a, b), compute_uv = FALSE)
  expect_equal(as.array(s), rbind(svd(a)$d, svd(b)$d))
})

test_that("op_qr gives an orthonormal q and an upper-triangular r, with LAPACK's signs", {
  x <- rbind(c(1, 2), c(3, 4), c(5, 6))
  parts <- op_qr(op_array(x, "float32"))
  q <- as.array(parts[[1L]]); r <- as.array(parts[[2L]])
  expect_identical(op_dtype(parts[[1L]]), "float32")
  expect_equal(q[, 1L], c(-0.16903079, -0.5070925, -0.8451542), tolerance = 1e-6)
  expect_equal(q %*% r, x, tolerance = 1e-5)
  expect_equal(r[2L, 1L], 0)
  complete <- op_qr(x, mode = "complete")
  expect_equal(dim(as.array(complete[[1L]])), c(3L, 3L))
  expect_equal(dim(as.array(complete[[2L]])), c(3L, 2L))
  expect_equal(as.array(complete[[1L]]) %*% as.array(complete[[2L]]), x)
  expect_error(op_qr(x, mode = "raw"), "not supported", class = "value_error")
  # Keras's test_qr_init_invalid_mode reads the mode as Python formats a string.
  expect_error(op_qr(x, mode = "invalid_mode"), "Received: mode=invalid_mode", fixed = TRUE, class = "value_error")
})

test_that("op_qr names its parts q and r, as keras3 does", {
  parts <- op_qr(rbind(c(1, 2), c(3, 4)))
  expect_identical(names(parts), c("q", "r"))
  expect_identical(as.array(parts$q), as.array(parts[[1L]]))
})

test_that("op_qr does not pivot the columns of a rank-deficient matrix", {
  x <- cbind(c(1, 2, 3), c(2, 4, 6), c(0, 1, 5))
  parts <- op_qr(x)
  expect_equal(as.array(parts[[1L]]) %*% as.array(parts[[2L]]), x)
})

test_that("op_qr leaves a column already zero below the diagonal as LAPACK (NumPy) does: q of a triangle is I", {
  x <- rbind(c(2, 1, 3), c(0, -1, 2), c(0, 0, 4))
  parts <- op_qr(op_array(x, "float64"))
  expect_equal(as.array(parts$q), diag(3))
  expect_equal(as.array(parts$r), x)
  expect_equal(as.array(op_qr(diag(3))$r), diag(3))
  # NumPy 1.24's np.linalg.qr(np.array([[3., 1], [4, 0], [0, 0]]))[1].
  y <- rbind(c(3, 1), c(4, 0), c(0, 0))
  expect_equal(as.array(op_qr(op_array(y, "float64"))$r), rbind(c(-5, -0.6), c(0, -0.8)))
})

test_that("op_qr of a complex matrix does not pivot its columns: q %*% r is the matrix, r upper triangular", {
  z <- matrix(complex(real = c(0, 0, 1, 2, 3, 1), imaginary = c(0, 0, 1, 0, 0, 2)), 2)
  parts <- op_qr(op_array(z, "complex128"))
  q <- as.array(parts$q); r <- as.array(parts$r)
  expect_equal(q %*% r, z)
  expect_equal(r[2L, 1L], 0i)
  expect_equal(Conj(t(q)) %*% q, diag(2) + 0i)
  # LAPACK's reflection of a complex diagonal element makes it real: -sign(Re) times its modulus.
  expect_equal(as.array(op_qr(op_array(diag(c(1i, -2)), "complex128"))$r)[1L, 1L], -1 + 0i)
})

test_that("op_qr of a complex matrix scales its norms, as LAPACK: no overflow at 1e200, no skipped reflection at 1e-170", {
  z <- matrix(complex(real = c(3e200, 4e200, 1, 2), imaginary = c(1e200, 0, 0, 1)), 2)
  # NumPy 1.24's np.linalg.qr of the same matrix.
  expect_equal(Re(as.array(op_qr(op_array(z, "complex128"))$r)[1L, 1L]), -5.09901951e200, tolerance = 1e-8)
  tiny <- matrix(complex(real = c(1e-170, 0), imaginary = c(0, 1e-170)), 2)
  expect_equal(Re(as.array(op_qr(op_array(tiny, "complex128"))$r)[1L, 1L]), -sqrt(2) * 1e-170, tolerance = 1e-8)
  # Fortran's SIGN reads -0 as negative: NumPy gives r = 2 for the matrix -2i.
  expect_equal(as.array(op_qr(op_array(matrix(-2i), "complex128"))$r), matrix(2 + 0i))
})

test_that("op_eigh gives increasing eigenvalues and their eigenvectors, from the lower triangle", {
  x <- rbind(c(4, 1, 2), c(1, 3, 0), c(2, 0, 5))
  parts <- op_eigh(x)
  w <- as.vector(as.array(parts[[1L]])); v <- as.array(parts[[2L]])
  expect_equal(w, sort(eigen(x, symmetric = TRUE)$values))
  expect_equal(x %*% v, v %*% diag(w))
  upper_ignored <- x
  upper_ignored[upper.tri(upper_ignored)] <- 99
  expect_equal(as.vector(as.array(op_eigh(upper_ignored)[[1L]])), w)
})

test_that("op_eig gives complex eigenpairs of a general matrix", {
  x <- rbind(c(0, -1), c(1, 0))
  parts <- op_eig(op_array(x, "float32"))
  expect_identical(op_dtype(parts[[1L]]), "complex64")
  w <- as.vector(as.array(parts[[1L]])); v <- as.array(parts[[2L]])
  expect_equal(sort(Im(w)), c(-1, 1), tolerance = 1e-6)
  expect_equal(x %*% v, v %*% diag(w), tolerance = 1e-6)
  expect_error(op_eig(matrix(1:6, 2)), "square", class = "value_error")
})

test_that("op_lstsq gives the least-squares solution, as qr.solve() does for full rank", {
  a <- rbind(c(1, 1), c(1, 2), c(1, 3), c(1, 4))
  b <- c(6, 5, 7, 10)
  expect_equal(as.vector(as.array(op_lstsq(a, b))), qr.solve(a, b))
  bs <- cbind(b, 2 * b)
  expect_equal(as.array(op_lstsq(a, bs)), unname(qr.solve(a, bs)))
  expect_error(op_lstsq(a, c(1, 2)), "b.shape\\[0\\]", class = "value_error")
  expect_error(op_lstsq(array(1, c(2, 2, 2)), c(1, 2)), "rank 2", class = "value_error")
})

test_that("op_lstsq gives the least-norm solution of a rank-deficient system", {
  a <- cbind(c(1, 1), c(1, 1))
  expect_equal(as.vector(as.array(op_lstsq(a, c(2, 2)))), c(1, 1))
})

test_that("op_lu_factor of a complex matrix pivots on the largest |Re| + |Im|, as LAPACK's getrf (SciPy's lu_factor)", {
  z <- matrix(complex(real = c(3, 2, 1, 1), imaginary = c(0, 2, 0, -1)), 2)
  parts <- op_lu_factor(op_array(z, "complex128"))
  # scipy.linalg.lu_factor(np.array([[3, 1], [2+2j, 1-1j]])) with SciPy 1.10.
  expect_identical(as.vector(as.array(parts[[2L]])), c(1L, 1L))
  expect_equal(as.array(parts[[1L]]), matrix(c(2 + 2i, 0.75 - 0.75i, 1 - 1i, 1 + 1.5i), 2))
})

test_that("op_lu_factor packs L and U with SciPy's 0-based pivots, and they rebuild the matrix", {
  x <- rbind(c(1, 2, 0), c(3, 4, 1), c(0, 5, 6))
  parts <- op_lu_factor(x)
  lu <- as.array(parts[[1L]]); pivots <- as.vector(as.array(parts[[2L]]))
  expect_identical(op_dtype(parts[[2L]]), "int32")
  l <- lu; l[upper.tri(l, diag = TRUE)] <- 0; diag(l) <- 1
  u <- lu; u[lower.tri(u)] <- 0
  permuted <- x
  for (j in seq_along(pivots)) permuted[c(j, pivots[[j]] + 1L), ] <- permuted[c(pivots[[j]] + 1L, j), ]
  expect_equal(l %*% u, permuted)
  expect_equal(as.vector(as.array(op_lu_factor(rbind(c(1, 2), c(3, 4)))[[2L]])), c(1, 1))
})

test_that("op_lu_factor of wide and tall matrices gives SciPy's factors and one pivot per step", {
  a <- rbind(c(1, 2, 3, 4), c(5, 6, 7, 8), c(2, 0, 1, 3))
  # scipy.linalg.lu_factor(a) and lu_factor(a.T) with SciPy 1.10.
  wide <- op_lu_factor(a)
  expect_equal(as.array(wide[[1L]]), rbind(c(5, 6, 7, 8), c(0.4, -2.4, -1.8, -0.2), c(0.2, -1 / 3, 1, 7 / 3)))
  expect_identical(as.array(wide[[2L]]), array(c(1L, 2L, 2L)))
  tall <- op_lu_factor(t(a))
  expect_equal(as.array(tall[[1L]]), rbind(c(4, 8, 3), c(0.25, 3, 1.25), c(0.5, 2 / 3, -7 / 3), c(0.75, 1 / 3, 5 / 7)))
  expect_identical(as.array(tall[[2L]]), array(c(3L, 3L, 3L)))
})

test_that("op_lu_factor keeps an axis of one, and of an empty input gives empty factors without allocating its lengths", {
  one_row <- op_lu_factor(matrix(1:4, 1))
  expect_identical(op_shape(one_row[[1L]]), shape(1, 4))
  expect_identical(op_shape(one_row[[2L]]), shape(1))
  expect_identical(op_shape(op_lu_factor(matrix(1:4, 4))[[2L]]), shape(1))
  expect_identical(op_shape(op_lu_factor(array(1:6, c(3, 2, 1)))[[2L]]), shape(3, 1))
  empty <- op_lu_factor(op_zeros(c(0, 3e9)))
  expect_identical(op_shape(empty[[1L]]), shape(0, 3e9))
  expect_identical(op_shape(empty[[2L]]), shape(0))
  expect_identical(op_shape(op_lu_factor(op_zeros(c(1e5, 0, 1000)))[[2L]]), shape(1e5, 0))
})

test_that("op_lu_factor factors each matrix of a batch on its own, in the input's float dtype", {
  x <- op_array(array(c(1, 3, 2, 4, 0, 2, 1, 0), c(2, 2, 2)), "float32")
  parts <- op_lu_factor(x)
  expect_identical(op_dtype(parts[[1L]]), "float32")
  expect_identical(op_shape(parts[[2L]]), shape(2, 2))
  for (k in 1:2) {
    one <- op_lu_factor(as.array(x)[k, , ])
    expect_equal(as.array(parts[[1L]])[k, , ], as.array(one[[1L]]))
    expect_identical(as.array(parts[[2L]])[k, ], as.vector(as.array(one[[2L]])))
  }
})

test_that("op_lu_factor of a singular matrix completes the factorization, as getrf does", {
  parts <- op_lu_factor(rbind(c(1, 2), c(2, 4)))
  expect_equal(as.array(parts[[1L]]), rbind(c(2, 4), c(0.5, 0)))
  expect_identical(as.vector(as.array(parts[[2L]])), c(1L, 1L))
})

test_that("op_solve_triangular solves upper and lower systems, vectors and matrices, batched", {
  upper <- rbind(c(2, 1, 3), c(0, 4, 1), c(0, 0, 5))
  b <- c(1, 2, 3)
  expect_equal(as.vector(as.array(op_solve_triangular(upper, b))), backsolve(upper, b))
  lower <- t(upper)
  expect_equal(as.vector(as.array(op_solve_triangular(lower, b, lower = TRUE))), forwardsolve(lower, b))
  bs <- cbind(b, b * 2)
  expect_equal(as.array(op_solve_triangular(upper, bs)), backsolve(upper, bs))
  batched <- op_solve_triangular(batch_of(upper, 2 * upper), rbind(b, b))
  expect_equal(as.array(batched), rbind(backsolve(upper, b), backsolve(2 * upper, b)))
})

test_that("op_solve_triangular of no equations is as empty as its right-hand sides", {
  expect_identical(as.integer(op_shape(op_solve_triangular(matrix(0, 0, 0), matrix(0, 0, 3)))), c(0L, 3L))
})

test_that("op_solve_triangular refuses a singular triangle and shapes that do not fit", {
  singular <- rbind(c(1, 1), c(0, 0))
  expect_error(op_solve_triangular(singular, c(1, 1)), class = "value_error")
  expect_error(op_solve_triangular(diag(2), c(1, 2, 3)), "Incompatible", class = "value_error")
  expect_error(op_solve_triangular(matrix(1:6, 2), c(1, 2)), "square", class = "value_error")
})

test_that("the decompositions refuse vectors", {
  expect_error(op_svd(c(1, 2)), "rank >= 2", class = "value_error")
  expect_error(op_eigh(c(1, 2)), class = "value_error")
})

test_that("singular values and Hermitian eigenvalues of complex matrices are real", {
  m <- matrix(c(2, 1i, -1i, 2), 2)
  w <- op_eigh(op_array(m, "complex64"))
  expect_identical(op_dtype(w[[1L]]), "float32")
  expect_equal(as.vector(as.array(w[[1L]])), c(1, 3), tolerance = 1e-6)
  s <- op_svd(op_array(m))
  expect_identical(vapply(s, op_dtype, ""), c("complex128", "float64", "complex128"))
  expect_equal(as.array(s[[1L]]) %*% diag(as.vector(as.array(s[[2L]]))) %*% as.array(s[[3L]]), m)
})

test_that("review: complex triangles, empty systems and NaN factors", {
  expect_equal(as.vector(as.array(op_solve_triangular(op_array(rbind(c(2, 1i), c(0, 2))), c(1, 2)))), c(0.5 - 0.5i, 1))
  expect_equal(as.vector(as.array(op_lstsq(matrix(0, 0, 2), numeric(0)))), c(0, 0))
  parts <- op_qr(matrix(0, 0, 2))
  expect_equal(lapply(parts, function(p) as.integer(op_shape(p))), list(q = c(0L, 0L), r = c(0L, 2L)))
})

test_that("op_solve_triangular substitutes as LAPACK's trsm: NaN reaches only the solutions it enters", {
  expect_equal(as.vector(as.array(op_solve_triangular(rbind(c(NaN, 0), c(0, 1)), c(1, 2)))), c(NaN, 2))
  solution <- as.array(op_solve_triangular(rbind(c(1, 2), c(0, 1)), cbind(c(1, 1), c(NaN, 1))))
  expect_equal(solution, backsolve(rbind(c(1, 2), c(0, 1)), cbind(c(1, 1), c(NaN, 1))))
})

test_that("op_solve_triangular and op_eigh read only the triangle they use, as LAPACK and NumPy's eigh", {
  m <- rbind(c(2, NaN), c(1, 4))
  expect_equal(as.vector(as.array(op_solve_triangular(m, c(2, 6), lower = TRUE))), c(1, 1.25))
  expect_equal(as.vector(as.array(op_eigh(m)[[1L]])), rev(eigen(rbind(c(2, 1), c(1, 4)))$values))
})

test_that("an empty batch of matrices gives empty solutions, as NumPy's solvers", {
  expect_identical(op_shape(op_solve_triangular(array(0, c(0, 3, 3)), array(0, c(0, 3, 2)))), shape(0, 3, 2))
})

test_that("matrices holding NaN or Inf give NaN results, as TensorFlow's and JAX's decompositions", {
  m <- rbind(c(NaN, 0), c(0, 1))
  all_nan <- function(parts) all(vapply(parts, function(p) all(is.nan(Re(as.array(p)))), TRUE))
  expect_true(all_nan(op_qr(m)))
  expect_true(all_nan(op_svd(m)))
  expect_true(all_nan(op_eig(m)))
  expect_true(all_nan(op_eigh(rbind(c(Inf, 0), c(0, 1)))))
  expect_true(all_nan(list(op_lstsq(matrix(c(1, NaN, 2, 3), 2), c(1, 2)))))
  expect_true(all_nan(list(op_lu_factor(rbind(c(1, NaN), c(0, 1)))[[1L]])))
  expect_identical(as.array(op_lu_factor(rbind(c(1, NaN), c(0, 1)))[[2L]]), array(0:1))
  x <- array(0, c(2, 2, 2))
  x[1, , ] <- diag(2)
  x[2, , ] <- m
  r <- as.array(op_qr(x)$r)
  expect_false(anyNA(r[1, , ]))
  expect_true(all(is.nan(r[2, , ])))
})

test_that("empty matrices decompose as in NumPy: no values, identity bases", {
  shapes <- function(parts) lapply(parts, function(p) as.integer(op_shape(p)))
  expect_identical(shapes(op_svd(matrix(0, 0, 3))), list(c(0L, 0L), 0L, c(3L, 3L)))
  expect_equal(as.array(op_svd(matrix(0, 0, 3))[[3L]]), diag(3))
  expect_identical(shapes(op_svd(matrix(0, 0, 3), full_matrices = FALSE)), list(c(0L, 0L), 0L, c(0L, 3L)))
  expect_identical(as.integer(op_shape(op_svd(matrix(0, 0, 3), compute_uv = FALSE))), 0L)
  expect_identical(shapes(op_eig(matrix(0, 0, 0))), list(0L, c(0L, 0L)))
  expect_identical(shapes(op_eigh(matrix(0, 0, 0))), list(0L, c(0L, 0L)))
})

test_that("op_qr's complete q that memory could not hold is a memory_error before R builds it", {
  expect_bridge_error(op_qr(op_ones(c(1e5, 2)), mode = "complete"), "memory_error", "shape (100000, 100000)", fixed = TRUE)
})

test_that("R running out of memory in a decomposition is Keras's memory_error, and LAPACK's refusals value_errors", {
  expect_bridge_error(kerasbridge:::lapack(stop("cannot allocate vector of size 74.5 Gb")), "memory_error",
                      "Unable to allocate the decomposition: cannot allocate vector of size 74.5 Gb", fixed = TRUE)
  expect_bridge_error(kerasbridge:::lapack(stop("singular matrix in 'backsolve'")), "value_error", "singular")
})
