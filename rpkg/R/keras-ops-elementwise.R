#' @include ops-elementwise.R ops-creation.R
NULL

# Keras's elementwise and small numeric ops that keras3 has no op_*() function for, reached as
# keras$ops$<name>(): each takes Keras's arguments (axes 1-based, as python_op() hands them) and
# gives Keras's TensorFlow-backend dtypes with NumPy's values.

# Both operands as Keras converts them (a Python int is int32, a float float32), cast to the
# dtype Keras promotes them to (`weak_float`: together with a Python float, result_type(x1, x2,
# float)).
promoted_pair <- function(x1, x2, weak_float = FALSE) {
  x1 <- tensor_of(x1)
  x2 <- tensor_of(x2)
  dtype <- if (weak_float) promoted_dtype(op_dtype(x1), op_dtype(x2), 0.5) else promoted_dtype(op_dtype(x1), op_dtype(x2))
  list(op_cast(x1, dtype), op_cast(x2, dtype), dtype = dtype)
}

# The float dtype TensorFlow's hypot and rad2deg compute integers and bools in (uint64, which
# TensorFlow cannot compute them in, as int64).
float_of_integers <- function(dtype) {
  if (dtype %in% c("bool", "int8", "int16", "int32", "uint8", "uint16", "uint32")) config_floatx()
  else if (dtype %in% c("int64", "uint64")) "float64"
  else dtype
}

# A tensor or dtype of complex numbers refused by an op that has no complex form.
refuse_complex <- function(x, op) {
  dtype <- if (is.character(x)) x else op_dtype(x)
  if (startsWith(dtype, "complex"))
    raise_bridge_error("type_error", sprintf("%s does not support complex inputs. Received: dtype=%s", op, dtype))
}

# f of the R values of same-shaped tensors, computed in R's doubles (for what the engine has no
# op for) and given back as a tensor of that shape and `dtype`.
on_host <- function(f, dtype, ...) {
  xs <- list(...)
  values <- lapply(xs, as.array)
  op_reshape(op_array(array(do.call(f, values), dim(values[[1L]])), dtype), op_shape(xs[[1L]]))
}

# A Python float or int stays a weak number in fmax() and fmin(); anything else is its dtype.
weak_or_dtype <- function(x) {
  if (!is_kerasbridge_object(x) && is.numeric(x) && length(x) == 1L && is.null(dim(x))) x else op_dtype(tensor_of(x))
}

# Elementwise maximum or minimum in which NaN loses to a number.
nan_ignoring <- function(x1, x2, extreme) {
  dtype <- promoted_dtype(weak_or_dtype(x1), weak_or_dtype(x2))
  x1 <- op_array(x1, dtype)
  x2 <- op_array(x2, dtype)
  result <- extreme(x1, x2)
  if (!grepl("float", dtype)) return(result)
  result <- op_where(op_logical_and(op_isnan(x1), op_logical_not(op_isnan(x2))), x2, result)
  op_where(op_logical_and(op_isnan(x2), op_logical_not(op_isnan(x1))), x1, result)
}

integer_dtype <- function(dtype) grepl("int", dtype)

# Euclid's algorithm on every pair at once, until every remainder is 0.
greatest_common_divisor <- function(a, b) {
  if (!startsWith(op_dtype(a), "uint")) {
    a <- op_abs(a)
    b <- op_abs(b)
  }
  shape <- op_shape(op_add(a, b))
  a <- op_broadcast_to(a, shape)
  b <- op_broadcast_to(b, shape)
  while (isTRUE(as.array(op_any(op_not_equal(b, 0L))))) {
    nonzero <- op_not_equal(b, 0L)
    remainder <- op_where(nonzero, op_mod(a, op_where(nonzero, b, 1L)), 0L)
    a <- op_where(nonzero, b, a)
    b <- remainder
  }
  a
}

# NumPy's nextafter() in the precision of `dtype` (p significand bits, least normal exponent
# emin), in R's doubles, which hold every value of these formats and their steps exactly.
next_float <- function(x, y, dtype) {
  format <- list(float64 = c(53, -1022), float32 = c(24, -126), float16 = c(11, -14), bfloat16 = c(8, -126))[[dtype]]
  p <- format[[1L]]
  emin <- format[[2L]]
  largest <- (2 - 2^(1 - p)) * 2^(1 - emin)
  ax <- abs(x)
  e <- floor(log2(ax))
  e <- pmax(e - (2^e > ax) + (2^(e + 1) <= ax), emin, na.rm = TRUE)
  step <- 2^(e - p + 1)
  direction <- sign(y - x)
  # Toward zero from a power of two the spacing below is half the spacing above.
  step <- ifelse(direction != sign(x) & ax == 2^e & e > emin, step / 2, step)
  result <- ifelse(x == 0, direction * 2^(emin - p + 1), x + direction * step)
  result <- ifelse(is.infinite(x), sign(x) * largest, result)
  ifelse(is.nan(x) | is.nan(y), NaN, ifelse(x == y, y, result))
}

keras_ops_elementwise <- list(
  hypot = function(x1, x2) {
    pair <- promoted_pair(x1, x2)
    dtype <- float_of_integers(pair$dtype)
    a <- op_abs(op_cast(pair[[1L]], dtype))
    b <- op_abs(op_cast(pair[[2L]], dtype))
    # Scaled by the larger leg, so that squares of large legs do not overflow.
    larger <- op_maximum(a, b)
    ratio <- op_divide_no_nan(op_minimum(a, b), larger)
    op_where(op_logical_or(op_isinf(a), op_isinf(b)), Inf, op_multiply(larger, op_sqrt(op_add(1, op_square(ratio)))))
  },

  gcd = function(x1, x2) {
    pair <- promoted_pair(x1, x2)
    if (!integer_dtype(pair$dtype)) raise_bridge_error("type_error", "Arguments to gcd must be integers.")
    greatest_common_divisor(pair[[1L]], pair[[2L]])
  },

  lcm = function(x1, x2) {
    x1 <- tensor_of(x1)
    x2 <- tensor_of(x2)
    if (!integer_dtype(op_dtype(x1)) || !integer_dtype(op_dtype(x2)))
      raise_bridge_error("type_error", sprintf("Arguments to lcm must be integers. Received: x1.dtype=%s, x2.dtype=%s", op_dtype(x1), op_dtype(x2)))
    pair <- promoted_pair(x1, x2)
    a <- pair[[1L]]
    b <- pair[[2L]]
    if (!startsWith(pair$dtype, "uint")) {
      a <- op_abs(a)
      b <- op_abs(b)
    }
    divisor <- greatest_common_divisor(a, b)
    zero <- op_equal(divisor, 0L)
    op_where(zero, 0L, op_multiply(a, op_floor_divide(b, op_where(zero, 1L, divisor))))
  },

  ldexp = function(x1, x2) {
    x1 <- tensor_of(x1)
    x2 <- tensor_of(x2)
    if (!integer_dtype(op_dtype(x2)))
      raise_bridge_error("type_error", sprintf("ldexp exponent must be an integer type. Received: x2 dtype=%s", op_dtype(x2)))
    dtype <- promoted_dtype(op_dtype(x1), op_dtype(x2), 0.5)
    x1 <- op_cast(x1, dtype)
    scaled <- op_multiply(x1, op_power(op_array(2, dtype), op_cast(x2, dtype)))
    op_where(op_logical_or(op_isinf(x1), op_equal(x1, 0)), x1, scaled)
  },

  fmax = function(x1, x2) nan_ignoring(x1, x2, op_maximum),

  fmin = function(x1, x2) nan_ignoring(x1, x2, op_minimum),

  fmod = function(x1, x2) {
    pair <- promoted_pair(x1, x2)
    dtype <- if (pair$dtype == "bool") "int32" else pair$dtype
    refuse_complex(dtype, "fmod")
    x1 <- op_cast(pair[[1L]], dtype)
    x2 <- op_cast(pair[[2L]], dtype)
    # The remainder of the magnitudes, signed as the dividend: C's fmod.
    op_multiply(op_sign(x1), op_mod(op_abs(x1), op_abs(x2)))
  },

  nextafter = function(x1, x2) {
    pair <- promoted_pair(x1, x2, weak_float = TRUE)
    dtype <- pair$dtype
    refuse_complex(dtype, "nextafter")
    shape <- op_shape(op_add(pair[[1L]], pair[[2L]]))
    on_host(function(x, y) next_float(x, y, dtype), dtype, op_broadcast_to(pair[[1L]], shape), op_broadcast_to(pair[[2L]], shape))
  },

  fabs = function(x) {
    x <- tensor_of(x)
    refuse_complex(x, "fabs")
    if (!grepl("float", op_dtype(x))) x <- op_cast(x, config_floatx())
    op_abs(x)
  },

  i0 = function(x) {
    x <- tensor_of(x)
    refuse_complex(x, "i0")
    dtype <- op_dtype(x)
    dtype <- if (dtype %in% c("int64", "float64")) "float64" else if (dtype %in% c("float16", "bfloat16")) dtype else config_floatx()
    on_host(function(v) besselI(abs(v), 0), dtype, x)
  },

  sinc = function(x) {
    x <- tensor_of(x)
    dtype <- if (op_dtype(x) == "int64") config_floatx() else promoted_dtype(op_dtype(x), 0.5)
    x <- op_cast(x, dtype)
    pi_x <- op_multiply(x, pi)
    op_where(op_equal(x, 0), 1, op_divide(op_sin(pi_x), pi_x))
  },

  isneginf = function(x) {
    x <- tensor_of(x)
    if (!grepl("float|complex", op_dtype(x))) return(op_zeros_like(x, "bool"))
    op_equal(x, -Inf)
  },

  isposinf = function(x) {
    x <- tensor_of(x)
    if (!grepl("float|complex", op_dtype(x))) return(op_zeros_like(x, "bool"))
    op_equal(x, Inf)
  },

  isreal = function(x) {
    x <- tensor_of(x)
    if (startsWith(op_dtype(x), "complex")) op_equal(op_imag(x), 0) else op_ones_like(x, "bool")
  },

  logaddexp2 = function(x1, x2) {
    pair <- promoted_pair(x1, x2, weak_float = TRUE)
    if (startsWith(pair$dtype, "complex"))
      raise_bridge_error("type_error", sprintf("`logaddexp2` does not support dtype %s.", pair$dtype))
    x1 <- pair[[1L]]
    x2 <- pair[[2L]]
    delta <- op_subtract(x1, x2)
    shifted <- op_add(op_maximum(x1, x2), op_divide(op_log1p(op_exp(op_multiply(op_negative(op_abs(delta)), log(2)))), log(2)))
    # Equal infinities have no difference: their sum is the answer.
    op_where(op_isnan(delta), op_add(x1, x2), shifted)
  },

  rad2deg = function(x) {
    x <- tensor_of(x)
    dtype <- float_of_integers(op_dtype(x))
    # The factor as TensorFlow and NumPy round it: 180 over pi, each in the dtype.
    op_multiply(op_cast(x, dtype), op_divide(op_array(180, dtype), op_array(pi, dtype)))
  },

  erfc = function(x) {
    x <- tensor_of(x)
    refuse_complex(x, "erfc")
    # Through the normal tail rather than 1 - erf(x), which loses every digit for large x.
    on_host(function(v) 2 * stats::pnorm(v * sqrt(2), lower.tail = FALSE), float_dtype(op_dtype(x)), x)
  },

  empty_like = function(x, dtype = NULL) op_zeros_like(x, dtype),

  isin = function(x1, x2, assume_unique = FALSE, invert = FALSE) {
    flag(assume_unique, "assume_unique")
    pair <- promoted_pair(x1, x2)
    elements <- op_reshape(pair[[1L]], c(-1L, 1L))
    values <- op_reshape(pair[[2L]], c(1L, -1L))
    found <- op_any(op_equal(elements, values), axis = 2L)
    if (flag(invert, "invert")) found <- op_logical_not(found)
    op_reshape(found, op_shape(pair[[1L]]))
  },

  allclose = function(x1, x2, rtol = 1e-5, atol = 1e-8, equal_nan = FALSE) {
    pair <- promoted_pair(x1, x2)
    if (!grepl("float", pair$dtype)) return(op_all(op_equal(pair[[1L]], pair[[2L]])))
    op_all(op_isclose(pair[[1L]], pair[[2L]], rtol, atol, equal_nan))
  },

  kron = function(x1, x2) {
    pair <- promoted_pair(x1, x2)
    a <- pair[[1L]]
    b <- pair[[2L]]
    rank <- max(op_ndim(a), op_ndim(b))
    da <- c(rep(1L, rank - op_ndim(a)), as.integer(dim(a)))
    db <- c(rep(1L, rank - op_ndim(b)), as.integer(dim(b)))
    # Each element of a (its axes interleaved with unit ones) times the whole of b.
    product <- op_multiply(op_reshape(a, as.vector(rbind(da, 1L))), op_reshape(b, as.vector(rbind(1L, db))))
    op_cast(op_reshape(product, da * db), pair$dtype)
  },

  vander = function(x, N = NULL, increasing = FALSE) {
    x <- tensor_of(x)
    if (op_ndim(x) != 1L)
      raise_bridge_error("value_error", sprintf("Input tensor must be 1-dimensional. Received: input.shape=%s", shape_text(x)))
    if (is.null(N)) N <- as.integer(dim(x))
    if (!is.numeric(N) || length(N) != 1L || !is.finite(N) || N != trunc(N))
      raise_bridge_error("type_error", sprintf("Argument `N` must be of type `int`. Received: N=%s", shown(N)))
    if (N < 0) raise_bridge_error("value_error", sprintf("Argument 'N' must be nonnegative. Received: N=%s", shown(N)))
    if (!is.logical(increasing) || length(increasing) != 1L || is.na(increasing))
      raise_bridge_error("type_error", sprintf("Argument `increasing` must be of type `bool`. Received: increasing=%s", shown(increasing)))
    allocation_check(c(dim(x), N), "float64", copies = 3L)
    powers <- seq_len(N) - 1L
    if (!increasing) powers <- rev(powers)
    dtype <- op_dtype(x)
    # Integers raised in their own dtype are exact, as NumPy's; bools as float32 ones and zeros.
    compute <- if (dtype == "bool") "float32" else dtype
    op_cast(op_power(op_expand_dims(op_cast(x, compute), -1L), op_array(array(powers), compute)), dtype)
  },

  trapezoid = function(y, x = NULL, dx = 1.0, axis = -1L) {
    y <- tensor_of(y)
    dtype <- promoted_dtype(op_dtype(y), 0.5)
    y <- op_moveaxis(op_cast(y, dtype), axis, -1L)
    if (is.null(x)) {
      widths <- op_array(dx, dtype)
    } else {
      x <- op_array(x, dtype)
      # Sample points given once (1-D) serve every line along the axis, as in NumPy.
      widths <- if (op_ndim(x) == 1L) op_diff(x) else op_moveaxis(op_diff(x, axis = axis), axis, -1L)
    }
    dims <- as.integer(dim(y))
    last <- length(dims)
    # Fewer than two samples enclose no area.
    if (dims[[last]] < 2L) return(op_zeros(dims[-last], dtype))
    n <- dims[[last]] - 1L
    lower <- op_slice(y, rep(1L, last), c(dims[-last], n))
    upper <- op_slice(y, c(rep(1L, last - 1L), 2L), c(dims[-last], n))
    op_sum(op_multiply(op_multiply(op_add(lower, upper), 0.5), widths), axis = -1L)
  },

  geomspace = function(start, stop, num = 50L, endpoint = TRUE, dtype = NULL, axis = 1L) {
    dtype <- standardize_dtype(dtype)
    for (end in list(start, stop)) refuse_complex(tensor_of(end), "geomspace")
    ends <- lapply(list(start, stop), function(v) op_array(v, "float64"))
    if (isTRUE(as.array(op_any(op_logical_or(op_equal(ends[[1L]], 0), op_equal(ends[[2L]], 0))))))
      raise_bridge_error("value_error", "Geometric sequence cannot include zero")
    if (isTRUE(as.array(op_any(op_not_equal(op_sign(ends[[1L]]), op_sign(ends[[2L]]))))))
      raise_bridge_error("value_error", sprintf("`start` and `stop` must have the same sign. Received: start=%s, stop=%s", shown(start), shown(stop)))
    logs <- lapply(ends, function(v) op_log10(op_abs(v)))
    spaced <- op_logspace(logs[[1L]], logs[[2L]], num, endpoint, dtype = "float64", axis = axis)
    # start and stop share their sign: spaced from one to the other it stays, laid along `axis`.
    signs <- lapply(list(start, stop), function(v) op_sign(op_array(v, "float64")))
    op_cast(op_multiply(spaced, op_linspace(signs[[1L]], signs[[2L]], num, endpoint, dtype = "float64", axis = axis)), dtype)
  },

  view = function(x, dtype = NULL) {
    x <- tensor_of(x)
    .Call(krb_call2, "op_view", x, if (is.null(dtype)) op_dtype(x) else dtype)
  },

  ptp = function(x, axis = NULL, keepdims = FALSE) {
    x <- tensor_of(x)
    if (op_dtype(x) == "bool") raise_bridge_error("type_error", "ptp does not support bool inputs. Received: x.dtype=bool")
    op_subtract(op_max(x, axis, keepdims), op_min(x, axis, keepdims))
  }
)
