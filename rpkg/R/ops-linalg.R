#' @include objects.R
NULL

#' Products and linear algebra
#'
#' keras3's `op_dot()` (NumPy's `dot`), `op_outer()` (of both inputs flattened), `op_inner()`
#' (sums over the last axis of both; a number multiplies), `op_vdot()` (the dot product of both
#' flattened, `x1` conjugated), and
#' `op_tensordot()`: with a number `axes = N`, the last `N - 1` axes of `x1` are summed against
#' the first `N - 1` of `x2`, as in keras3, which passes the number through its 1-based axis
#' conversion (its default, `axes = 3`, is NumPy's 2; `axes = 1` sums none: the outer product);
#' with a list of two vectors, those 1-based axes. `op_solve(a, b)`
#' solves `a %*% x = b`, `op_inv()` inverts, `op_det()` gives determinants (`op_slogdet()` their
#' sign and the log of their absolute value, as a list, and `op_logdet()` that log: these do not
#' overflow where the determinant would) and `op_cholesky()` the
#' lower factor `L` with `L %*% t(L) = x` (`L %*% Conj(t(L))` for complex `x`; the upper with
#' `upper = TRUE`); these work on the last
#' two axes, with leading axes as batches, in float64 internally (complex matrices, which
#' TensorFlow takes, through R's LAPACK and [op_lu_factor()]: `op_slogdet()` then gives a complex
#' sign and its log in the complex dtype, as TensorFlow does) (`op_solve()` broadcasts the
#' batches of `a` and `b` together, and takes `b` as a vector per matrix when it has one axis fewer
#' than `a`, as NumPy's `solve`). `op_einsum()` takes NumPy's
#' subscripts: letters per axis, `->` before the output (else the letters used once, in
#' alphabetical order), a repeated letter for a diagonal, and `...` for the axes the letters
#' leave (aligned from the right across operands and broadcast).
#'
#' @param x1,x2,x,a,b Tensors, variables or R arrays.
#' @param axes One more than the number of axes to sum (keras3's 1-based count), or a list of
#'   two vectors of 1-based axes.
#' @param upper Whether `op_cholesky()` gives the upper factor.
#' @return A tensor.
#' @family linear algebra ops
#' @examples
#' a <- matrix(c(4, 2, 2, 3), 2)
#' op_dot(a, c(1, 1))
#' op_outer(c(1, 2), c(1, 10, 100))
#' op_inner(a, c(1, 1))
#' op_vdot(a, a)
#' op_tensordot(a, a, axes = 2)
#' op_einsum("ij,jk->ik", a, a)
#' op_einsum("ii", a)
#' op_einsum("...ij,...jk->...ik", array(1, c(3, 2, 2)), a)
#' op_solve(a, c(6, 5))
#' op_inv(a)
#' op_det(a)
#' op_slogdet(a)
#' op_logdet(a)
#' op_cholesky(a)
#' @name op_linalg
NULL

#' @rdname op_linalg
#' @export
op_dot <- function(x1, x2) .Call(krb_call2, "op_dot", x1, x2)

#' @rdname op_linalg
#' @export
op_outer <- function(x1, x2) .Call(krb_call2, "op_outer", x1, x2)

#' @rdname op_linalg
#' @export
op_inner <- function(x1, x2) {
  # keras3 hands plain R vectors to Keras as Python lists, which become floatx tensors.
  x1 <- tensor_of(x1)
  x2 <- tensor_of(x2)
  if (op_ndim(x1) == 0L || op_ndim(x2) == 0L) op_multiply(x1, x2)
  else .Call(krb_call4, "op_tensordot", x1, x2, -1L, -1L)
}

#' @rdname op_linalg
#' @export
op_vdot <- function(x1, x2) {
  # keras3 hands plain R vectors to Keras as Python lists, which become floatx tensors.
  x1 <- op_ravel(x1)
  op_dot(if (grepl("^complex", x1$dtype)) op_conj(x1) else x1, op_ravel(x2))
}

#' @rdname op_linalg
#' @export
op_tensordot <- function(x1, x2, axes = 3L) {
  # keras3 hands a vector of several axes to Keras as a list (c(1, 3) pairs x1's first axis
  # with x2's third); a list of other than two is refused below, as NumPy refuses to unpack it.
  if (!is.list(axes) && !is_kerasbridge_object(axes) && length(axes) > 1L) axes <- as.list(axes)
  if (is.list(axes) && length(axes) == 2L) return(.Call(krb_call4, "op_tensordot", x1, x2, axes[[1L]], axes[[2L]]))
  if (!is.numeric(axes) || length(axes) != 1L || is.na(axes) || axes < 1)
    raise_bridge_error("value_error", sprintf("`axes` must be a number of axes, 1-based as keras3 takes it (1 sums none), or a list of two vectors of axes. Received: axes=%s", shown(axes)))
  r1 <- op_ndim(x1)
  if (axes - 1 > r1)
    raise_bridge_error("value_error", sprintf("`axes` cannot sum more axes than x1 has (%d; keras3's axes = n sums n - 1). Received: axes=%s", r1, format(axes)))
  n <- as.integer(axes) - 1L
  .Call(krb_call4, "op_tensordot", x1, x2, if (n > 0L) seq.int(r1 - n + 1L, r1) else NULL, if (n > 0L) seq_len(n) else NULL)
}

#' @rdname op_linalg
#' @param subscripts Einstein summation subscripts, such as `"ij,jk->ik"`: a letter per axis
#'   of each operand, the output's after `->`; letters not in the output are summed over; `...`
#'   for the axes the letters leave.
#' @param ... For `op_einsum()`: the operands.
#' @export
op_einsum <- function(subscripts, ...) .Call(krb_call2, "op_einsum", subscripts, list(...))

#' @rdname op_linalg
#' @export
op_solve <- function(a, b) if (holds_complex(a) || holds_complex(b)) complex_solve(a, b) else .Call(krb_call2, "op_solve", a, b)

#' @rdname op_linalg
#' @export
op_inv <- function(x) {
  if (!holds_complex(x)) return(.Call(krb_call1, "op_inv", x))
  x <- matrices_of(x, square = TRUE)
  complex_solve(x, op_broadcast_to(op_eye(tail(unlist(op_shape(x)), 1L), dtype = op_dtype(x)), op_shape(x)))
}

#' @rdname op_linalg
#' @export
op_det <- function(x) {
  if (!holds_complex(x)) return(.Call(krb_call1, "op_det", x))
  lu <- lu_diagonal_and_sign(x)
  op_prod(lu$diagonal, axis = -1L) * lu$sign
}

#' @rdname op_linalg
#' @export
op_slogdet <- function(x) {
  if (!holds_complex(x)) return(op_unstack(.Call(krb_call1, "op_slogdet", x)))
  lu <- lu_diagonal_and_sign(x)
  magnitudes <- op_abs(lu$diagonal)
  # A complex sign, the product of the pivots' phases (0 for a singular matrix), and the log in
  # the complex dtype too, as TensorFlow's slogdet gives them.
  phase <- op_prod(lu$diagonal / op_cast(magnitudes, op_dtype(lu$diagonal)), axis = -1L) * lu$sign
  singular <- op_any(magnitudes == 0, axis = -1L)
  list(op_where(singular, op_zeros_like(phase), phase),
       op_cast(op_sum(op_log(magnitudes), axis = -1L), op_dtype(phase)))
}

#' @rdname op_linalg
#' @export
op_logdet <- function(x) op_slogdet(x)[[2L]]

#' @rdname op_linalg
#' @export
op_cholesky <- function(x, upper = FALSE) {
  upper <- flag(upper, "upper")
  lower <- if (holds_complex(x)) complex_cholesky(x) else .Call(krb_call1, "op_cholesky", x)
  # The upper factor is the lower one's adjoint, as TensorFlow's backend gives it.
  if (!upper) lower else if (holds_complex(lower)) op_conj(op_swapaxes(lower, -1L, -2L)) else op_swapaxes(lower, -1L, -2L)
}

#' @rdname op_linalg
#' @param ord `NULL` (2-norm of vectors, Frobenius of matrices), a number (`Inf`, `-Inf`, 0, 1, 2,
#'   any p for vectors; 1, -1, 2, -2, `Inf`, `-Inf` for matrices, 2 and -2 being the largest and
#'   smallest singular value), `"fro"` or `"nuc"` (matrices: the sum of singular values). As
#'   keras3 does, a finite double `ord` is truncated to an integer. The norms of complex values
#'   are those of their magnitudes, in the real dtype (float32 for complex64).
#' @param axis `NULL` (a vector or matrix `x` as such; with `ord = NULL` every element), one axis
#'   (vector norms) or two (matrix norms), 1-based.
#' @param keepdims Whether the reduced axes stay, with length 1.
#' @export
op_norm <- function(x, ord = NULL, axis = NULL, keepdims = FALSE) {
  # Complex values keep their dtype: their norms are of their magnitudes, in the real dtype.
  x <- floating(x)
  if (is.double(ord) && length(ord) == 1L && is.finite(ord)) ord <- as.integer(ord)
  if (is.character(ord) && !identical(ord, "fro") && !identical(ord, "nuc"))
    raise_bridge_error("value_error", sprintf("Invalid `ord` argument. Expected one of {'fro', 'nuc'} when using string. Received: ord=%s", paste(ord, collapse = " ")))
  if (!is.null(ord) && !is.character(ord) && (!is.numeric(ord) || length(ord) != 1L || is.na(ord)))
    raise_bridge_error("type_error", sprintf("`ord` must be NULL, a number, \"fro\" or \"nuc\". Received: ord=%s", shown(ord)))
  if (is.null(axis) && is.null(ord)) return(root_sum_square(x, NULL, keepdims))
  given <- axis
  axis <- if (is.null(axis)) seq_len(op_ndim(x)) else .Call(krb_call2, "axes_normalized", x, axis)
  if (length(axis) == 1L) return(vector_norm(x, ord, axis, keepdims))
  if (length(axis) == 2L) return(matrix_norm(x, ord, axis, keepdims))
  raise_bridge_error("value_error", sprintf("Improper number of dimensions to norm: vector norms take one axis and matrix norms two. Received: shape=%s, axis=%s",
                                            shape_text(x), shown(given)))
}

# `axis`: one axis, 1-based and positive.
vector_norm <- function(x, ord, axis, keepdims) {
  if (is.character(ord))
    raise_bridge_error("value_error", sprintf("Invalid `ord` argument for vector norm. Received: ord=%s", ord))
  if (is.null(ord) || ord == 2) return(root_sum_square(x, axis, keepdims))
  magnitude <- op_abs(x)
  if (ord == Inf) return(op_max(magnitude, axis = axis, keepdims = keepdims))
  if (ord == -Inf) return(op_min(magnitude, axis = axis, keepdims = keepdims))
  if (ord == 0) return(op_sum(op_cast(op_not_equal(x, 0), real_dtype(op_dtype(x))), axis = axis, keepdims = keepdims))
  op_power(op_sum(op_power(magnitude, ord), axis = axis, keepdims = keepdims), 1 / ord)
}

# The 2-norm of vectors, the Frobenius norm of matrices (of complex numbers their magnitudes').
root_sum_square <- function(x, axis, keepdims) {
  if (startsWith(op_dtype(x), "complex")) x <- op_abs(x)
  op_sqrt(op_sum(op_square(x), axis = axis, keepdims = keepdims))
}

# `axis`: two axes, 1-based and positive.
matrix_norm <- function(x, ord, axis, keepdims) {
  if (!(is.null(ord) || identical(ord, "fro") || identical(ord, "nuc") || ord %in% c(1, -1, 2, -2, Inf, -Inf)))
    raise_bridge_error("value_error", sprintf("Invalid `ord` argument for matrix norm. Received: ord=%s", format(ord)))
  if (is.null(ord) || identical(ord, "fro")) return(root_sum_square(x, axis, keepdims))
  if (identical(ord, "nuc") || abs(ord) == 2) {
    matrices <- op_moveaxis(x, axis, c(-2L, -1L))
    singular <- if (grepl("complex", op_dtype(x))) op_svd(matrices, compute_uv = FALSE) else .Call(krb_call1, "singular_values", matrices)
    picked <- if (identical(ord, "nuc")) op_sum(singular, axis = -1L) else if (ord > 0) op_max(singular, axis = -1L) else op_min(singular, axis = -1L)
    return(if (keepdims) op_expand_dims(picked, sort(axis)) else picked)
  }
  magnitude <- op_abs(x)
  inner <- if (abs(ord) == 1) axis[[1L]] else axis[[2L]]
  outer <- if (abs(ord) == 1) axis[[2L]] else axis[[1L]]
  sums <- op_sum(magnitude, axis = inner, keepdims = TRUE)
  picked <- if (ord > 0) op_max(sums, axis = outer, keepdims = TRUE) else op_min(sums, axis = outer, keepdims = TRUE)
  if (keepdims) picked else op_squeeze(picked, axis = axis)
}

#' Sorting
#'
#' keras3's `op_sort()` sorts along `axis` (default the last; `NULL`: flattened in row-major
#' order), NaN last; `op_argsort()` gives the 1-based positions that sort (stable: ties keep
#' their order), 0-based with `zero_indexed = TRUE`. `op_top_k()` gives `list(values, indices)`
#' of the `k` largest along the last axis, largest first (ties: the lower position first; NaN
#' counts as the largest), indices 1-based unless `zero_indexed = TRUE`. `op_take_along_axis()` picks by 1-based indices matched position by
#' position in the other axes, as the result of `op_argsort()`.
#'
#' @param x A tensor, variable or R array.
#' @param axis An axis, 1-based, or `NULL`.
#' @param k How many of the largest.
#' @param sorted Whether the `k` come largest first (else in their original order).
#' @param indices Whole numbers, 1-based (negative from the end).
#' @param zero_indexed Whether indices are 0-based.
#' @return A tensor (`op_top_k()`: a list of two, named `values` and `indices`).
#' @family numpy ops
#' @examples
#' x <- c(3.1, 1.1, 2.1)
#' op_sort(x)
#' op_argsort(x)
#' op_top_k(c(5, 2, 7, 1, 9, 3), k = 3)
#' m <- rbind(c(3, 1), c(1, 3))
#' op_take_along_axis(m, op_argsort(m, axis = 2), axis = 2)
#' @name op_sort
NULL

#' @rdname op_sort
#' @export
op_sort <- function(x, axis = -1L) .Call(krb_call2, "op_sort", x, axis)

#' @rdname op_sort
#' @export
op_argsort <- function(x, axis = -1L, zero_indexed = FALSE) {
  positions <- .Call(krb_call2, "op_argsort", x, axis)
  returned_indices(positions, zero_indexed)
}

#' @rdname op_sort
#' @export
op_top_k <- function(x, k, sorted = TRUE, zero_indexed = FALSE) {
  x <- as_array(x)
  indices <- .Call(krb_call3, "op_top_k_indices", x, k, sorted)
  values <- op_take_along_axis(x, indices, axis = -1L, zero_indexed = TRUE)
  list(values = values, indices = returned_indices(indices, zero_indexed))
}

#' @rdname op_sort
#' @export
op_take_along_axis <- function(x, indices, axis = NULL, zero_indexed = FALSE) {
  indices <- taken_indices(indices, zero_indexed)
  .Call(krb_call3, "op_take_along_axis", x, indices, axis)
}

#' Triangles, diagonals and rearranging axes
#'
#' keras3's `op_tril()` and `op_triu()` keep the lower or upper triangle (from diagonal `k`) of
#' the last two axes; `op_diag()` makes a matrix of a vector's diagonal or takes a matrix's,
#' `op_diagflat()` a matrix whose diagonal is `x` flattened (row-major);
#' `op_diagonal()` and `op_trace()` take the diagonal (and its sum) of the matrices in
#' `axis1`, `axis2`. `k` and `offset` are offsets, not indices. `op_swapaxes()` exchanges two axes,
#' `op_moveaxis()` moves axes; `op_tile()` repeats the whole array, `op_repeat()` each element,
#' `op_roll()` shifts elements round along an axis (`NULL`: flattened, row-major).
#'
#' @param x A tensor, variable or R array.
#' @param k,offset The diagonal: 0 the main one, positive above, negative below.
#' @param axis1,axis2,source,destination,axis Axes, 1-based.
#' @param repeats Counts: per axis for `op_tile()`; one, or one per element, for `op_repeat()`.
#' @param shift How far to roll.
#' @return A tensor.
#' @family numpy ops
#' @examples
#' m <- matrix(1:9, 3, byrow = TRUE)
#' op_tril(m)
#' op_triu(m, k = 1)
#' op_diag(m)
#' op_diag(c(1, 2))
#' op_diagflat(m[1:2, 1:2])
#' op_trace(m)
#' op_swapaxes(m, 1, 2)
#' op_moveaxis(op_ones(c(2, 3, 4)), 1, 3)
#' op_tile(c(1, 2), 2)
#' op_repeat(c(1, 2), 2)
#' op_roll(1:5, 2)
#' @name op_tril
NULL

#' @rdname op_tril
#' @export
op_tril <- function(x, k = 0L) .Call(krb_call3, "op_triangle", x, k, TRUE)

#' @rdname op_tril
#' @export
op_triu <- function(x, k = 0L) .Call(krb_call3, "op_triangle", x, k, FALSE)

#' @rdname op_tril
#' @export
op_diag <- function(x, k = 0L) .Call(krb_call2, "op_diag", x, k)

#' @rdname op_tril
#' @export
op_diagflat <- function(x, k = 0L) op_diag(op_reshape(tensor_of(x), -1L), k)

#' @rdname op_tril
#' @export
op_diagonal <- function(x, offset = 0L, axis1 = 1L, axis2 = 2L) .Call(krb_call5, "op_diagonal", x, offset, axis1, axis2, FALSE)

#' @rdname op_tril
#' @export
op_trace <- function(x, offset = 0L, axis1 = 1L, axis2 = 2L) .Call(krb_call5, "op_diagonal", x, offset, axis1, axis2, TRUE)

#' @rdname op_tril
#' @export
op_swapaxes <- function(x, axis1, axis2) .Call(krb_call3, "op_swapaxes", x, axis1, axis2)

#' @rdname op_tril
#' @export
op_moveaxis <- function(x, source, destination) .Call(krb_call3, "op_moveaxis", x, source, destination)

#' @rdname op_tril
#' @export
op_tile <- function(x, repeats) .Call(krb_call2, "op_tile", x, repeats)

#' @rdname op_tril
#' @export
op_repeat <- function(x, repeats, axis = NULL) .Call(krb_call3, "op_repeat", x, repeats, axis)

#' @rdname op_tril
#' @export
op_roll <- function(x, shift, axis = NULL) .Call(krb_call3, "op_roll", x, shift, axis)

#' Cross-entropy losses
#'
#' keras3's cross-entropies, as Keras computes them: `op_binary_crossentropy()` elementwise,
#' the categorical ones summed over `axis` (default the last). `output` holds probabilities
#' (clipped to `[epsilon, 1 - epsilon]`, Keras's epsilon being 1e-7) or, with `from_logits = TRUE`,
#' logits. The sparse form takes 0-based class numbers as `target`, as keras3 does; a number
#' outside them (such as an R-style 1-based class) is a `value_error`, as in Keras's backends.
#'
#' @param target The true values (for the sparse form: 0-based class numbers).
#' @param output Predicted probabilities, or logits.
#' @param from_logits Whether `output` holds logits.
#' @param axis The class axis, 1-based.
#' @return A tensor.
#' @family nn ops
#' @examples
#' op_binary_crossentropy(c(0, 1, 1), c(0.1, 0.9, 0.8))
#' target <- rbind(c(0, 1, 0), c(1, 0, 0))
#' output <- rbind(c(0.1, 0.8, 0.1), c(0.7, 0.2, 0.1))
#' op_categorical_crossentropy(target, output)
#' op_sparse_categorical_crossentropy(c(1L, 0L), output)
#' @name op_crossentropy
NULL

#' @rdname op_crossentropy
#' @export
op_binary_crossentropy <- function(target, output, from_logits = FALSE)
  .Call(krb_call3, "op_binary_crossentropy", target, output, from_logits)

#' @rdname op_crossentropy
#' @export
op_categorical_crossentropy <- function(target, output, from_logits = FALSE, axis = -1L)
  .Call(krb_call4, "op_categorical_crossentropy", target, output, from_logits, axis)

#' @rdname op_crossentropy
#' @export
op_sparse_categorical_crossentropy <- function(target, output, from_logits = FALSE, axis = -1L)
  .Call(krb_call4, "op_sparse_categorical_crossentropy", target, output, from_logits, axis)
