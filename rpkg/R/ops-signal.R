#' @include ops-counting.R
NULL

#' Window functions
#'
#' keras3's window functions: `x` points of the Bartlett (triangular), Blackman, Hamming,
#' Hanning (Hann) or Kaiser window, as NumPy computes them, in [config_floatx()]. Fewer than
#' one point gives an empty tensor; one point is `1`.
#'
#' @param x The number of points, a whole number (`TRUE` and `FALSE` count as 1 and 0, as Python's bools).
#' @param beta The Kaiser window's shape parameter.
#' @return A 1-D tensor of `x` points.
#' @family numpy ops
#' @examples
#' op_bartlett(5)
#' op_blackman(5)
#' op_hamming(5)
#' op_hanning(5)
#' op_kaiser(5, beta = 14)
#' @name op_bartlett
NULL

# A flag (TRUE/FALSE, or a 0-d bool tensor's value) as the number 1 or 0, as Python's bool is an
# int and Keras's window functions take one.
number_of_flag <- function(value) if (is.logical(value) && length(value) == 1L && !is.na(value)) as.integer(value) else value

# A window of `m` points from `shape`, a function of n in -1 ... 1 (NumPy's arange(1 - M, M, 2)
# over M - 1).
window_of <- function(m, shape) {
  m <- whole_number(number_of_flag(scalar_value(m)), "x")
  allocation_check(max(m, 0L), "float64", copies = 4L)
  points <- if (m < 1L) numeric() else if (m == 1L) 1 else shape(seq(1 - m, m - 1, by = 2) / (m - 1))
  op_array(as.array(points), config_floatx())
}

#' @rdname op_bartlett
#' @export
op_bartlett <- function(x) window_of(x, function(n) 1 - abs(n))

#' @rdname op_bartlett
#' @export
op_blackman <- function(x) window_of(x, function(n) 0.42 + 0.5 * cos(pi * n) + 0.08 * cos(2 * pi * n))

#' @rdname op_bartlett
#' @export
op_hamming <- function(x) window_of(x, function(n) 0.54 + 0.46 * cos(pi * n))

#' @rdname op_bartlett
#' @export
op_hanning <- function(x) window_of(x, function(n) 0.5 + 0.5 * cos(pi * n))

#' @rdname op_bartlett
#' @export
op_kaiser <- function(x, beta) {
  beta <- one_number(number_of_flag(scalar_value(beta)), "beta")
  # I0 is even: NumPy's kaiser() takes a negative beta as its magnitude.
  window_of(x, function(n) besselI(abs(beta) * sqrt(pmax(0, 1 - n^2)), 0) / besselI(abs(beta), 0))
}

#' Correlation and cross products
#'
#' - `op_correlate()` is NumPy's cross-correlation of two 1-D sequences,
#'   `z[k] = sum(x1[n + k] * Conj(x2[n]))`, in `mode` `"valid"` (where they overlap fully),
#'   `"same"` (the length of the longer) or `"full"`. Integers of up to 32 bits give float32,
#'   int64 float64.
#' - `op_corrcoef()` is the matrix of Pearson correlation coefficients of the rows of `x` (each
#'   row a variable), as `cor(t(x))`; float64 and int64 give float64, others [config_floatx()].
#' - `op_cross()` is the cross product of 3-element (or 2-element) vectors along the last axes
#'   of `x1` and `x2`, broadcast against each other. As in keras3, `axisa`, `axisb` and `axisc`
#'   are NumPy's 0-based axes (negative from the end), while `axis`, when given, is 1-based and
#'   stands for all three.
#'
#' @param x1,x2 Tensors, variables or R arrays.
#' @param mode `"valid"`, `"same"` or `"full"`.
#' @param x A 1-D or 2-D tensor, variable or R array.
#' @param axisa,axisb,axisc The axes holding the vectors of `x1`, of `x2`, and of the result.
#' @param axis `NULL`, or one axis (1-based) for all three.
#' @return A tensor.
#' @family numpy ops
#' @examples
#' op_correlate(c(1, 2, 3), c(0, 1, 0.5))
#' op_correlate(c(1, 2, 3), c(0, 1, 0.5), mode = "full")
#' op_corrcoef(rbind(c(1, 2, 3), c(2, 4, 7), c(3, 1, 2)))
#' op_cross(c(1, 2, 3), c(4, 5, 6))
#' @name op_correlate
NULL

#' @rdname op_correlate
#' @export
op_correlate <- function(x1, x2, mode = "valid") {
  if (!is.character(mode) || length(mode) != 1L || !mode %in% c("valid", "same", "full"))
    raise_bridge_error("value_error", sprintf("mode must be one of 'valid', 'same', or 'full'. Received: mode=%s", shown(mode)))
  a <- keras_tensor(as_array(x1))
  v <- keras_tensor(as_array(x2))
  if (op_ndim(a) != 1L || op_ndim(v) != 1L)
    raise_bridge_error("value_error", sprintf("`op_correlate()` takes two 1-D sequences. Received: x1.shape=%s, x2.shape=%s", shape_text(a), shape_text(v)))
  dtype <- promoted_dtype(op_dtype(a), op_dtype(v))
  dtype <- if (dtype == "int64") "float64" else if (dtype %in% c("bfloat16", "float16", "float64")) dtype else "float32"
  a <- as.vector(as.array(op_cast(a, dtype)))
  v <- as.vector(as.array(op_cast(v, dtype)))
  na <- length(a)
  nv <- length(v)
  if (!na || !nv) raise_bridge_error("value_error", sprintf("%s cannot be empty", if (!na) "x1" else "x2"))
  # full[k + nv] = sum over n of a[n + k] v[n] (0-based n, lags k from -(nv - 1)): each element
  # of the shorter sequence adds its products with the whole longer one, shifted, at once.
  full <- numeric(na + nv - 1L)
  if (nv <= na) {
    for (n in seq_len(nv)) {
      at <- seq.int(nv - n + 1L, length.out = na)
      full[at] <- full[at] + a * v[[n]]
    }
  } else {
    for (m in seq_len(na)) {
      at <- seq.int(m + nv - 1L, by = -1L, length.out = nv)
      full[at] <- full[at] + a[[m]] * v
    }
  }
  shorter <- min(na, nv)
  kept <- switch(mode,
    full = seq_along(full),
    valid = seq.int(shorter, max(na, nv)),
    # NumPy centres the longer length on the full result, counting from the longer one's side.
    same = if (na >= nv) seq_len(na) + (nv - 1L) %/% 2L else seq.int(na - (na - 1L) %/% 2L, length.out = nv))
  op_array(as.array(full[kept]), dtype)
}

#' @rdname op_correlate
#' @export
op_corrcoef <- function(x) {
  x <- keras_tensor(as_array(x))
  if (op_ndim(x) > 2L) raise_bridge_error("value_error", sprintf("`x` must be 1-D or 2-D (one variable per row). Received: x.shape=%s", shape_text(x)))
  dtype <- op_dtype(x)
  # Keras: int64 gives float64, floats keep their dtype, other integers and bools floatx.
  dtype <- if (dtype == "int64") "float64" else float_dtype(dtype)
  if (grepl("complex", op_dtype(x))) raise_bridge_error("type_error", "`op_corrcoef()` takes real values. Received: a complex tensor")
  rows <- as.array(x)
  if (is.null(dim(rows)) || length(dim(rows)) == 1L) rows <- rbind(c(rows))
  allocation_check(c(nrow(rows), nrow(rows)), "float64", copies = 3L)
  coefficients <- suppressWarnings(stats::cor(t(rows)))
  # cor() puts 1 on the diagonal even for a constant row, where NumPy's 0 / 0 is NaN.
  spread <- apply(rows, 1L, stats::var)
  constant <- !is.finite(spread) | spread == 0
  coefficients[constant, ] <- NaN
  coefficients[, constant] <- NaN
  coefficients[is.na(coefficients)] <- NaN
  op_array(if (op_ndim(x) < 2L) coefficients[[1L]] else pmin(pmax(coefficients, -1), 1), dtype)
}

#' @rdname op_correlate
#' @export
op_cross <- function(x1, x2, axisa = -1L, axisb = -1L, axisc = -1L, axis = NULL) {
  # keras3 hands axisa/axisb/axisc to NumPy as they are (0-based), `axis` shifted from 1-based.
  # Each is checked against its array's rank, so that NumPy's message names it (not the
  # op_moveaxis() argument it becomes) and shows the value given.
  numpy_axis <- function(value, name, rank) {
    value <- whole_number(value, name)
    if (value < -rank || value >= rank)
      raise_bridge_error("value_error", sprintf("%s: axis %d is out of bounds for array of dimension %d", name, value, rank))
    if (value >= 0L) value + 1L else value
  }
  a <- tensor_of(x1)
  b <- tensor_of(x2)
  if (!is.null(axis)) {
    axis <- whole_number(axis, "axis")
    if (axis == 0L) raise_bridge_error("value_error", "`axis` argument is 1 based, received 0")
    for (x in list(a, b)) axis_length(x, axis)
    axisa <- axisb <- axisc <- axis
  } else {
    axisa <- numpy_axis(axisa, "axisa", op_ndim(a))
    axisb <- numpy_axis(axisb, "axisb", op_ndim(b))
    # Checked against the result's rank below, as NumPy checks it, once it is known.
    axisc <- whole_number(axisc, "axisc")
  }
  dtype <- promoted_dtype(op_dtype(a), op_dtype(b))
  a <- op_moveaxis(op_cast(a, dtype), axisa, -1L)
  b <- op_moveaxis(op_cast(b, dtype), axisb, -1L)
  da <- axis_length(a, -1L)
  db <- axis_length(b, -1L)
  if (!da %in% 2:3 || !db %in% 2:3)
    raise_bridge_error("value_error", sprintf("Both input arrays must be (arrays of) 2 or 3-dimensional vectors, but they are %d and %d dimensional instead.", da, db))
  part <- function(x, d, j) if (j <= d) op_take(x, j, axis = -1L) else op_zeros_like(op_take(x, 1L, axis = -1L))
  a1 <- part(a, da, 1L); a2 <- part(a, da, 2L); a3 <- part(a, da, 3L)
  b1 <- part(b, db, 1L); b2 <- part(b, db, 2L); b3 <- part(b, db, 3L)
  z <- a1 * b2 - a2 * b1
  if (da == 2L && db == 2L) return(z)
  if (is.null(axis)) axisc <- numpy_axis(axisc, "axisc", op_ndim(z) + 1L)
  op_moveaxis(op_stack(list(a2 * b3 - a3 * b2, a3 * b1 - a1 * b3, z), axis = -1L), -1L, axisc)
}

#' Complex tensors from parts
#'
#' `op_polar()` makes complex numbers from magnitudes and angles (`abs_ * (cos(angle) + 1i *
#' sin(angle))`; complex64, or complex128 from float64). `op_view_as_complex()` reads the last
#' axis of `x` (of length 2) as real and imaginary parts, giving complex64 as Keras does;
#' `op_view_as_real()` does the reverse, adding a last axis of length 2.
#'
#' @param abs_ Magnitudes.
#' @param angle Angles, in radians.
#' @param x A tensor, variable or R array.
#' @return A tensor.
#' @family math ops
#' @examples
#' op_polar(c(1, 2), c(0, pi / 2))
#' op_view_as_complex(rbind(c(1, 2), c(3, 4)))
#' op_view_as_real(op_array(c(1+2i, 3+4i)))
#' @name op_polar
NULL

#' @rdname op_polar
#' @export
op_polar <- function(abs_, angle) {
  magnitude <- tensor_of(abs_)
  angle <- tensor_of(angle)
  real <- magnitude * op_cos(angle)
  dtype <- if (op_dtype(real) == "float64") "complex128" else "complex64"
  complex_of(real, magnitude * op_sin(angle), dtype)
}

# The complex tensor real + 1i * imaginary, in `dtype`.
complex_of <- function(real, imaginary, dtype) {
  # Part by part, not real + imaginary * 1i: an infinite part times 0 would make the other NaN,
  # and a -0 imaginary part would lose its sign.
  # The parts' R arrays keep R's element order; their dim goes on the complex values as it is
  # (a 0-d part has none: the reshape gives it its shape back).
  shape <- op_shape(real)
  parts <- list(as.array(real), as.array(imaginary))
  values <- complex(real = parts[[1L]], imaginary = parts[[2L]])
  dim(values) <- dim(parts[[1L]])
  op_reshape(op_array(values, dtype), shape)
}

#' @rdname op_polar
#' @export
op_view_as_complex <- function(x) {
  x <- tensor_of(x)
  shape <- as.integer(op_shape(x))
  if (!length(shape) || shape[[length(shape)]] != 2L)
    raise_bridge_error("value_error", sprintf("Last dimension of input must be size 2 (real and imaginary). Received shape: %s", shape_text(x)))
  complex_of(op_take(x, 1L, axis = -1L), op_take(x, 2L, axis = -1L), "complex64")
}

#' @rdname op_polar
#' @export
op_view_as_real <- function(x) {
  x <- tensor_of(x)
  op_stack(list(op_real(x), op_imag(x)), axis = -1L)
}
