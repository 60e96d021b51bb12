#' @include ops-counting.R
NULL

# Matrix decompositions through the LAPACK routines R links (svd(), qr(), eigen(), backsolve()),
# one matrix of a batch at a time, in float64 (or complex), each result then given the dtype
# Keras gives it.

# A floating tensor of `x` with matrices in its last two axes (square ones if `square`).
matrices_of <- function(x, square = FALSE, name = "x") check_matrices(floating(x), square)

# The tensor `x`, refused with Keras's messages unless its last two axes hold matrices (square
# ones if `square`).
check_matrices <- function(x, square = FALSE) {
  .Call(krb_call2, "linalg_matrices_check", x, square)
  x
}

# `f` applied to the matrices in the last two axes of the R arrays `xs` (which share their
# leading, batch axes); `f` returns a list of outputs, and each output of all matrices is
# gathered into one R array, the batch axes first. `finite_only`: `f` calls a LAPACK routine of
# R's that refuses values that are not finite (backsolve() takes them, and gives NaN only where
# they reach).
per_matrix <- function(xs, f, finite_only = TRUE) lapack({
  d <- dim(xs[[1L]])
  batch <- d[seq_len(length(d) - 2L)]
  count <- prod(batch)
  slices <- lapply(xs, function(x) {
    r <- length(dim(x))
    m <- aperm(x, c(r - 1L, r, seq_len(r - 2L)))
    dim(m) <- c(dim(x)[r - 1L], dim(x)[r], count)
    m
  })
  matrix_at <- function(s, k) matrix(s[, , k], dim(s)[[1L]], dim(s)[[2L]])
  apply_f <- function(matrices) {
    if (!finite_only || all(vapply(matrices, function(m) all(is.finite(m)), TRUE))) return(f(matrices))
    # Where R's LAPACK calls refuse values that are not finite, TensorFlow and JAX give NaN: the
    # outputs of an identity-like matrix tell their shapes, and their values become NaN.
    outputs <- f(lapply(matrices, function(m) diag(1, nrow(m), ncol(m))))
    lapply(outputs, function(o) {
      if (is.double(o) || is.complex(o)) o[] <- NaN
      o
    })
  }
  results <- lapply(seq_len(count), function(k) apply_f(lapply(slices, matrix_at, k = k)))
  # With no matrices, an identity-like one (regular, so that every routine takes it) tells the
  # outputs' shapes.
  template <- if (count) results[[1L]] else apply_f(lapply(slices, function(s) diag(1, dim(s)[[1L]], dim(s)[[2L]])))
  lapply(seq_along(template), function(j) {
    core <- if (is.null(dim(template[[j]]))) length(template[[j]]) else dim(template[[j]])
    values <- unlist(lapply(results, `[[`, j))
    if (is.null(values)) values <- template[[j]][0L]
    out <- array(values, c(core, batch))
    aperm(out, c(length(core) + seq_along(batch), seq_along(core)))
  })
})

# LAPACK's refusals (a singular triangle, values that are not finite) as Keras's LinAlgError,
# and R running out of memory as Keras's MemoryError.
lapack <- function(expr) tryCatch(expr, error = function(e) {
  if (inherits(e, "kerasbridge_error")) stop(e)
  if (grepl("cannot allocate", conditionMessage(e), fixed = TRUE))
    raise_bridge_error("memory_error", paste("Unable to allocate the decomposition:", conditionMessage(e)))
  raise_bridge_error("value_error", conditionMessage(e))
})

# The dtype of a decomposition's complex results for a floating dtype.
complex_dtype <- function(dtype) if (dtype == "float64" || dtype == "complex128") "complex128" else "complex64"

# The dtype of the real values (magnitudes, singular values) of a floating or complex dtype.
real_dtype <- function(dtype) switch(dtype, complex64 = "float32", complex128 = "float64", dtype)

#' Matrix decompositions
#'
#' keras3's decompositions of the matrices in the last two axes of a tensor (leading axes are a
#' batch), through the LAPACK routines R links:
#'
#' - `op_svd()`: `list(u, s, vh)` with `x = u %*% diag(s) %*% vh`, singular values largest first;
#'   with `compute_uv = FALSE`, `s` alone. `full_matrices = FALSE` keeps `min(m, n)` columns of
#'   `u` and rows of `vh`.
#' - `op_qr()`: `list(q, r)`, named `q` and `r` as keras3 names them, `q` with orthonormal
#'   columns and `r` upper triangular; `mode` is `"reduced"` (`k = min(m, n)` columns of `q`)
#'   or `"complete"`.
#' - `op_eig()`: `list(w, v)`, the eigenvalues and eigenvectors (columns) of a general square
#'   matrix, complex (complex64, or complex128 for float64), as Keras's TensorFlow and JAX
#'   backends give them.
#' - `op_eigh()`: `list(w, v)` for a symmetric (Hermitian) matrix, read from its lower
#'   triangle: real eigenvalues in increasing order.
#' - `op_lstsq()`: the least-squares solution `x` of `a %*% x = b` (the least-norm one when `a`
#'   is rank deficient), singular values below `rcond` times the largest treated as zero
#'   (default: machine epsilon times `max(m, n)`, as NumPy).
#' - `op_lu_factor()`: `list(lu, pivots)` as SciPy's `lu_factor()`: `L` (unit diagonal, below)
#'   and `U` (on and above) in one matrix, and the row swapped with each row. As keras3 returns
#'   them, pivots are 0-based.
#' - `op_solve_triangular()`: the solution of `a %*% x = b` for triangular `a`, read from its
#'   upper triangle (or lower, with `lower = TRUE`); `b` is a vector or a matrix of right-hand
#'   sides, as [op_solve()].
#'
#' Integer inputs are taken as [config_floatx()].
#'
#' @param x,a Tensors, variables or R arrays of matrices.
#' @param b The right-hand sides: a vector or matrix (per matrix of `a`).
#' @param full_matrices Whether `u` and `vh` are square.
#' @param compute_uv Whether to return `u` and `vh` too.
#' @param mode `"reduced"` or `"complete"`.
#' @param rcond `NULL`, or the relative cut-off for small singular values.
#' @param lower Whether `a` is lower triangular.
#' @return A tensor, or a list of tensors as described.
#' @family linear algebra ops
#' @examples
#' x <- rbind(c(1, 2), c(3, 4), c(5, 6))
#' s <- op_svd(x)
#' s[[2]]
#' qr <- op_qr(x)
#' qr[[1]] %*% qr[[2]]
#' op_eigh(rbind(c(2, 1), c(1, 2)))
#' op_eig(rbind(c(0, -1), c(1, 0)))
#' op_lstsq(x, c(1, 2, 2))
#' op_lu_factor(rbind(c(1, 2), c(3, 4)))
#' op_solve_triangular(rbind(c(2, 1), c(0, 4)), c(4, 8))
#' @name op_svd
NULL

#' @rdname op_svd
#' @export
op_svd <- function(x, full_matrices = TRUE, compute_uv = TRUE) {
  full_matrices <- flag(full_matrices, "full_matrices")
  compute_uv <- flag(compute_uv, "compute_uv")
  x <- matrices_of(x)
  dtype <- op_dtype(x)
  # R's svd() and eigen() refuse empty matrices, which have no singular values or eigenvalues
  # and, as in NumPy, identity bases.
  if (!compute_uv) return(op_array(per_matrix(list(as.array(x)), function(m) list(if (length(m[[1L]])) svd(m[[1L]], 0L, 0L)$d else numeric(0)))[[1L]], real_dtype(dtype)))
  parts <- per_matrix(list(as.array(x)), function(m) {
    a <- m[[1L]]
    nu <- if (full_matrices) nrow(a) else min(dim(a))
    nv <- if (full_matrices) ncol(a) else min(dim(a))
    if (!length(a)) return(list(diag(1, nrow(a), nu), numeric(0), diag(1, nv, ncol(a))))
    decomposition <- svd(a, nu = nu, nv = nv)
    list(decomposition$u, decomposition$d, t(Conj(decomposition$v)))
  })
  list(op_array(parts[[1L]], dtype), op_array(parts[[2L]], real_dtype(dtype)), op_array(parts[[3L]], dtype))
}

#' @rdname op_svd
#' @export
op_qr <- function(x, mode = "reduced") {
  if (!is.character(mode) || length(mode) != 1L || !mode %in% c("reduced", "complete"))
    raise_bridge_error("value_error", sprintf("`mode` argument value not supported. Expected one of {'reduced', 'complete'}. Received: mode=%s",
                                              if (is.character(mode) && length(mode) == 1L) mode else shown(mode)))
  x <- matrices_of(x)
  complete <- mode == "complete"
  # The complete q is square in the rows: refused before R's qr.Q() builds it.
  rows <- as.integer(op_shape(x))[[op_ndim(x) - 1L]]
  if (complete) allocation_check(c(rows, rows), "float64", copies = 3L)
  parts <- per_matrix(list(as.array(x)), function(m) {
    a <- m[[1L]]
    k <- if (complete) nrow(a) else min(dim(a))
    if (!length(a)) return(list(diag(1, nrow(a), k), matrix(0, k, ncol(a))))
    lapack_qr(a, complete)
  })
  stats::setNames(lapply(parts, op_array, dtype = op_dtype(x)), c("q", "r"))
}

#' @rdname op_svd
#' @export
op_eig <- function(x) {
  x <- matrices_of(x, square = TRUE)
  parts <- per_matrix(list(as.array(x)), function(m) {
    if (!length(m[[1L]])) return(list(complex(0), matrix(complex(0), 0L, 0L)))
    decomposition <- eigen(m[[1L]], symmetric = FALSE)
    list(as.complex(decomposition$values), matrix(as.complex(decomposition$vectors), nrow(m[[1L]])))
  })
  lapply(parts, op_array, dtype = complex_dtype(op_dtype(x)))
}

#' @rdname op_svd
#' @export
op_eigh <- function(x) {
  x <- matrices_of(x, square = TRUE)
  # Only the lower triangle is read, as NumPy's eigh reads it: what the upper holds (NaN
  # included) does not count.
  x <- op_add(op_tril(x), op_conj(op_swapaxes(op_tril(x, -1L), -1L, -2L)))
  parts <- per_matrix(list(as.array(x)), function(m) {
    if (!length(m[[1L]])) return(list(numeric(0), matrix(0, 0L, 0L)))
    decomposition <- eigen(m[[1L]], symmetric = TRUE)
    increasing <- rev(seq_along(decomposition$values))
    list(decomposition$values[increasing], decomposition$vectors[, increasing, drop = FALSE])
  })
  list(op_array(parts[[1L]], real_dtype(op_dtype(x))), op_array(parts[[2L]], op_dtype(x)))
}

#' @rdname op_svd
#' @export
op_lstsq <- function(a, b, rcond = NULL) {
  a <- floating(a)
  b <- floating(b)
  if (op_ndim(a) != 2L) raise_bridge_error("value_error", sprintf("Expected a to have rank 2. Received: a.shape=%s", shape_text(a)))
  if (!op_ndim(b) %in% 1:2) raise_bridge_error("value_error", sprintf("Expected b to have rank 1 or 2. Received: b.shape=%s", shape_text(b)))
  if (as.integer(op_shape(b))[[1L]] != as.integer(op_shape(a))[[1L]])
    raise_bridge_error("value_error", sprintf("Expected b.shape[0] to be equal to a.shape[0]. Received: a.shape=%s, b.shape=%s", shape_text(a), shape_text(b)))
  if (!is.null(rcond) && (!is.numeric(rcond) || length(rcond) != 1L || is.na(rcond)))
    raise_bridge_error("type_error", sprintf("`rcond` must be NULL or a number. Received: rcond=%s", shown(rcond)))
  m <- as.array(a)
  rhs <- if (op_ndim(b) == 1L) matrix(as.array(b), ncol = 1L) else as.array(b)
  # Values that are not finite give NaN, as TensorFlow's and JAX's lstsq; R's svd() refuses them.
  solution <- if (!length(m)) matrix(0, ncol(m), ncol(rhs)) else if (!all(is.finite(m)) || !all(is.finite(rhs)))
    matrix(NaN, ncol(m), ncol(rhs)) else lapack({
    decomposition <- svd(m)
    cutoff <- (if (is.null(rcond)) .Machine$double.eps * max(dim(m)) else rcond) * max(c(decomposition$d, 0))
    inverse <- ifelse(decomposition$d > cutoff, 1 / decomposition$d, 0)
    decomposition$v %*% (inverse * crossprod(Conj(decomposition$u), rhs))
  })
  op_array(if (op_ndim(b) == 1L) as.array(c(solution)) else solution, promoted_dtype(op_dtype(a), op_dtype(b)))
}

#' @rdname op_svd
#' @export
op_lu_factor <- function(x) {
  x <- matrices_of(x)
  if (!holds_complex(x)) return(engine_lu_factor(x))
  parts <- per_matrix(list(as.array(x)), function(m) {
    lu <- m[[1L]]
    steps <- min(dim(lu))
    pivots <- integer(steps)
    for (j in seq_len(steps)) {
      # LAPACK's getrf pivots on the largest |Re| + |Im| (i*amax), not the modulus.
      column <- lu[j:nrow(lu), j]
      p <- j - 1L + which.max(abs(Re(column)) + abs(Im(column)))
      pivots[[j]] <- p - 1L
      if (p != j) lu[c(j, p), ] <- lu[c(p, j), ]
      if (lu[j, j] != 0 && j < nrow(lu)) {
        below <- (j + 1L):nrow(lu)
        lu[below, j] <- lu[below, j] / lu[j, j]
        if (j < ncol(lu)) {
          right <- (j + 1L):ncol(lu)
          lu[below, right] <- lu[below, right, drop = FALSE] - outer(lu[below, j], lu[j, right])
        }
      }
    }
    list(lu, pivots)
  })
  list(op_array(parts[[1L]], op_dtype(x)), op_array(parts[[2L]], "int32"))
}

# The engine's LU of real matrices: one tensor comes back, each matrix's factors with its
# pivots as one more row, in float64 (which holds both exactly).
engine_lu_factor <- function(x) {
  shape <- unlist(op_shape(x))
  rows <- shape[[length(shape) - 1L]]
  steps <- min(tail(shape, 2L))
  # With no element there are no pivots either (no steps, or no matrices).
  if (prod(shape) == 0) return(list(op_zeros(shape, op_dtype(x)), op_zeros(c(head(shape, -2L), steps), "int32")))
  packed <- .Call(krb_call1, "op_lu_factor", x)
  # array(): an axis of one keeps its length, where a single index would drop it.
  list(op_cast(op_take(packed, array(seq_len(rows)), axis = -2L), op_dtype(x)),
       op_cast(op_take(op_take(packed, rows + 1L, axis = -2L), array(seq_len(steps)), axis = -1L), "int32"))
}

#' @rdname op_svd
#' @export
op_solve_triangular <- function(a, b, lower = FALSE) {
  lower <- flag(lower, "lower")
  # backsolve() and forwardsolve() take real values; a complex triangle goes to solve().
  solved_batch(a, b, function(t, r) {
    if (!is.complex(t) && !is.complex(r)) return(if (lower) forwardsolve(t, r) else backsolve(t, r))
    t[if (lower) upper.tri(t) else lower.tri(t)] <- 0
    solve(t, r)
  }, finite_only = function(t, r) is.complex(t) || is.complex(r))
}

# The solutions x of a %*% x = b by `solve_one(matrix, columns)` for each matrix of the batch
# axes a and b broadcast to, after Keras's checks of their shapes (b holds a vector per matrix
# when it has one axis fewer than a). `finite_only(a, b)`: whether solve_one() refuses values
# that are not finite (they then give NaN, as TensorFlow's and JAX's solvers).
solved_batch <- function(a, b, solve_one, finite_only) {
  a <- matrices_of(a, square = TRUE, name = "a")
  b <- floating(b)
  batch <- .Call(krb_call2, "linalg_right_hand_sides_batch", a, b)
  vector <- op_ndim(b) == op_ndim(a) - 1L
  columns <- if (vector) op_expand_dims(b, -1L) else b
  a_values <- as.array(op_broadcast_to(a, c(batch, tail(unlist(op_shape(a)), 2L))))
  rhs <- as.array(op_broadcast_to(columns, c(batch, tail(unlist(op_shape(columns)), 2L))))
  # No equations or no right-hand sides: the solution is as empty as they are (R's solvers
  # refuse them).
  solution <- per_matrix(list(a_values, rhs), function(m) list(if (nrow(m[[1L]]) && ncol(m[[2L]])) solve_one(m[[1L]], m[[2L]]) else m[[2L]]),
                         finite_only = finite_only(a_values, rhs))[[1L]]
  solution <- op_array(solution, promoted_dtype(op_dtype(a), op_dtype(b)))
  if (vector) op_squeeze(solution, -1L) else solution
}

# The solutions of complex systems (the engine's solver is real), by R's LAPACK (zgesv); a
# singular matrix in NumPy's words, as the engine gives it.
complex_solve <- function(a, b) solved_batch(a, b, function(m, r) tryCatch(solve(m, r), error = function(e) {
  if (grepl("singular", conditionMessage(e), fixed = TRUE)) raise_bridge_error("value_error", "Singular matrix")
  stop(e)
}), finite_only = function(m, r) TRUE)

# The diagonal of U and the sign of the row swaps (+1 or -1, in x's dtype) of the LU factors of
# complex square matrices, whose determinants the engine's real LU does not give.
lu_diagonal_and_sign <- function(x) {
  x <- matrices_of(x, square = TRUE)
  factors <- op_lu_factor(x)
  n <- tail(unlist(op_shape(x)), 1L)
  swaps <- op_sum(op_not_equal(factors[[2L]], seq_len(n) - 1L), axis = -1L)
  list(diagonal = op_diagonal(factors[[1L]], axis1 = -2L, axis2 = -1L),
       sign = op_cast(1L - 2L * (swaps %% 2L), op_dtype(x)))
}

# The lower Cholesky factors of complex Hermitian positive-definite matrices (the engine's are
# real), read from their lower triangles as LAPACK's zpotrf reads them.
complex_cholesky <- function(x) {
  x <- matrices_of(x, square = TRUE)
  factors <- per_matrix(list(as.array(x)), function(m) {
    a <- m[[1L]]
    n <- nrow(a)
    l <- matrix(0i, n, n)
    for (j in seq_len(n)) {
      left <- seq_len(j - 1L)
      pivot <- Re(a[j, j]) - sum(Mod(l[j, left])^2)
      if (!isTRUE(pivot > 0)) raise_bridge_error("value_error", "Cholesky decomposition failed: Matrix is not positive definite")
      l[j, j] <- sqrt(pivot)
      if (j < n) {
        below <- (j + 1L):n
        l[below, j] <- (a[below, j] - l[below, left, drop = FALSE] %*% Conj(l[j, left])) / l[j, j]
      }
    }
    list(l)
  }, finite_only = FALSE)
  op_array(factors[[1L]], op_dtype(x))
}

