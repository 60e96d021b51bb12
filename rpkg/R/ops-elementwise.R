#' @include objects.R
NULL

#' Elementwise arithmetic
#'
#' keras3's arithmetic ops on tensors, variables, R arrays and numbers, with NumPy's
#' broadcasting and Keras's result dtypes: a plain R number adapts to the other operand's dtype
#' as a Python number does (`op_add(int32 tensor, 1L)` stays int32), except in `op_mod()`,
#' `op_arctan2()`, `op_heaviside()` and `op_logaddexp()`, which (as Keras) first make it a tensor:
#' int32 for an integer, float32 for a double (`op_mod(int8 tensor, 2L)` is int32); `op_divide()`,
#' `op_true_divide()` and `op_divide_no_nan()` always give a float dtype, and
#' `op_divide_no_nan()` gives 0 wherever `x2` is 0. A double R array is float64, a double vector
#' without `dim` takes [config_floatx()], as keras3 converts them.
#'
#' `op_square()` of bool gives int32; `op_sign()` keeps the dtype (NaN stays NaN) and refuses
#' bool and complex input; `op_round()` rounds halves to even, as NumPy (`op_round(2.5)` is 2).
#' `op_maximum()` and `op_minimum()` return NaN where either operand is NaN; `op_pmax()` and
#' `op_pmin()` are keras3's other names for them. `op_heaviside()` is 0 where `x1` is negative, 1
#' where it is positive and `x2` where it is 0 (NaN stays NaN); integers give
#' [config_floatx()] (int64 float64), as in Keras. `op_reciprocal()`
#' keeps the dtype, as Keras: of integers it is NumPy's integer `1 / x` (1, -1 or 0).
#'
#' @param x1,x2 Tensors, variables, R arrays or numbers.
#' @param x A tensor, variable, R array or number.
#' @param decimals Number of decimal places to round to (negative: tens, hundreds, ...).
#' @return A tensor.
#' @family numpy ops
#' @examples
#' x <- keras_variable(array(c(-1.5, 0, 2.5, 4), c(2, 2)))
#' op_add(x, 1)
#' op_multiply(x, x)
#' op_divide(keras_variable(array(1:4, c(2, 2))), 2L)
#' op_floor_divide(x, 2)
#' op_divide_no_nan(x, c(1, 0))
#' op_maximum(x, 0)
#' op_pmin(x, 1)
#' op_heaviside(x, 0.5)
#' op_round(x)
#' op_square(x)
#' @name op_arithmetic
NULL

#' @rdname op_arithmetic
#' @export
op_add <- function(x1, x2) .Call(krb_call3, "op_binary", "add", x1, x2)

#' @rdname op_arithmetic
#' @export
op_subtract <- function(x1, x2) .Call(krb_call3, "op_binary", "subtract", x1, x2)

#' @rdname op_arithmetic
#' @export
op_multiply <- function(x1, x2) .Call(krb_call3, "op_binary", "multiply", x1, x2)

#' @rdname op_arithmetic
#' @export
op_divide <- function(x1, x2) .Call(krb_call3, "op_binary", "divide", x1, x2)

#' @rdname op_arithmetic
#' @export
op_true_divide <- function(x1, x2) .Call(krb_call3, "op_binary", "true_divide", x1, x2)

#' @rdname op_arithmetic
#' @export
op_divide_no_nan <- function(x1, x2) .Call(krb_call3, "op_binary", "divide_no_nan", x1, x2)

#' @rdname op_arithmetic
#' @export
op_floor_divide <- function(x1, x2) .Call(krb_call3, "op_binary", "floor_divide", x1, x2)

#' @rdname op_arithmetic
#' @export
op_mod <- function(x1, x2) .Call(krb_call3, "op_binary", "mod", x1, x2)

#' @rdname op_arithmetic
#' @export
op_power <- function(x1, x2) .Call(krb_call3, "op_binary", "power", x1, x2)

#' @rdname op_arithmetic
#' @export
op_maximum <- function(x1, x2) .Call(krb_call3, "op_binary", "maximum", x1, x2)

#' @rdname op_arithmetic
#' @export
op_minimum <- function(x1, x2) .Call(krb_call3, "op_binary", "minimum", x1, x2)

#' @rdname op_arithmetic
#' @export
op_pmax <- op_maximum

#' @rdname op_arithmetic
#' @export
op_pmin <- op_minimum

#' @rdname op_arithmetic
#' @export
op_heaviside <- function(x1, x2) {
  # Keras converts numbers to tensors first, so x2 = 0.5 is float32, not a weak scalar. Where x1
  # is NaN the innermost choice keeps it.
  x1 <- tensor_of(x1)
  x2 <- tensor_of(x2)
  dtype <- promoted_dtype(op_dtype(x1), op_dtype(x2))
  if (dtype %in% c("int8", "int16", "int32", "uint8", "uint16", "uint32")) dtype <- config_floatx()
  else if (dtype == "int64") dtype <- "float64"
  op_cast(op_where(op_equal(x1, 0), x2, op_where(op_greater(x1, 0), 1L, op_where(op_less(x1, 0), 0L, x1))), dtype)
}

#' @rdname op_arithmetic
#' @export
op_negative <- function(x) .Call(krb_call2, "op_unary", "negative", x)

#' @rdname op_arithmetic
#' @export
op_abs <- function(x) .Call(krb_call2, "op_unary", "abs", x)

#' @rdname op_arithmetic
#' @export
op_sign <- function(x) .Call(krb_call2, "op_unary", "sign", x)

#' @rdname op_arithmetic
#' @export
op_square <- function(x) .Call(krb_call2, "op_unary", "square", x)

#' @rdname op_arithmetic
#' @export
op_reciprocal <- function(x) .Call(krb_call2, "op_unary", "reciprocal", x)

#' @rdname op_arithmetic
#' @export
op_round <- function(x, decimals = 0L) .Call(krb_call2, "op_round", x, decimals)

#' Elementwise mathematical functions
#'
#' keras3's float functions of tensors, variables, R arrays and numbers. Float and complex
#' inputs keep their dtype; integer and bool inputs give [config_floatx()] (float32), as in
#' Keras. `op_expm1()`, `op_log1p()`, `op_floor()` and `op_ceil()` refuse complex input.
#' `op_exp2()` is `2^x`; `op_cbrt()` the cube root (negative for negative `x`) and
#' `op_deg2rad()` converts degrees to radians: these two refuse complex input and give float64
#' for int64, as Keras.
#' `op_arctan2(x1, x2)` is the angle of the point `(x2, x1)`, broadcasting its operands.
#' `op_trunc()` rounds toward zero and returns integers as they are; `op_rsqrt()` is
#' `1 / sqrt(x)`; `op_logaddexp(x1, x2)` is `log(exp(x1) + exp(x2))` without overflow.
#' `op_nan_to_num()` replaces NaN by `nan` and infinities by `posinf` and `neginf` (by default
#' the dtype's largest and least finite values).
#'
#' @inheritParams op_arithmetic
#' @return A tensor.
#' @family numpy ops
#' @examples
#' x <- keras_variable(array(c(0.25, 1, 4, 9), c(2, 2)))
#' op_sqrt(x)
#' op_exp(op_log(x))
#' op_log1p(1e-10)
#' op_exp2(c(0, 1, 10))
#' op_cbrt(c(-8, 27))
#' op_deg2rad(c(90, 180))
#' op_floor(op_multiply(x, 1.5))
#' op_sin(op_cos(x))
#' op_arctan2(1, -1)
#' op_logaddexp(1000, 1000)
#' op_nan_to_num(c(NaN, Inf, -Inf, 1))
#' @name op_math
NULL

#' @rdname op_math
#' @export
op_sqrt <- function(x) .Call(krb_call2, "op_unary", "sqrt", x)

#' @rdname op_math
#' @export
op_exp <- function(x) .Call(krb_call2, "op_unary", "exp", x)

#' @rdname op_math
#' @export
op_expm1 <- function(x) .Call(krb_call2, "op_unary", "expm1", x)

#' @rdname op_math
#' @export
op_exp2 <- function(x) .Call(krb_call2, "op_unary", "exp2", x)

#' @rdname op_math
#' @export
op_cbrt <- function(x) .Call(krb_call2, "op_unary", "cbrt", x)

#' @rdname op_math
#' @export
op_deg2rad <- function(x) .Call(krb_call2, "op_unary", "deg2rad", x)

#' @rdname op_math
#' @export
op_log <- function(x) .Call(krb_call2, "op_unary", "log", x)

#' @rdname op_math
#' @export
op_log1p <- function(x) .Call(krb_call2, "op_unary", "log1p", x)

#' @rdname op_math
#' @export
op_log2 <- function(x) .Call(krb_call2, "op_unary", "log2", x)

#' @rdname op_math
#' @export
op_log10 <- function(x) .Call(krb_call2, "op_unary", "log10", x)

#' @rdname op_math
#' @export
op_floor <- function(x) .Call(krb_call2, "op_unary", "floor", x)

#' @rdname op_math
#' @export
op_ceil <- function(x) .Call(krb_call2, "op_unary", "ceil", x)

#' @rdname op_math
#' @export
op_sin <- function(x) .Call(krb_call2, "op_unary", "sin", x)

#' @rdname op_math
#' @export
op_cos <- function(x) .Call(krb_call2, "op_unary", "cos", x)

#' @rdname op_math
#' @export
op_tan <- function(x) .Call(krb_call2, "op_unary", "tan", x)

#' @rdname op_math
#' @export
op_arcsin <- function(x) .Call(krb_call2, "op_unary", "arcsin", x)

#' @rdname op_math
#' @export
op_arccos <- function(x) .Call(krb_call2, "op_unary", "arccos", x)

#' @rdname op_math
#' @export
op_arctan <- function(x) .Call(krb_call2, "op_unary", "arctan", x)

#' @rdname op_math
#' @export
op_arctan2 <- function(x1, x2) .Call(krb_call3, "op_binary", "arctan2", x1, x2)

#' @rdname op_math
#' @export
op_sinh <- function(x) .Call(krb_call2, "op_unary", "sinh", x)

#' @rdname op_math
#' @export
op_cosh <- function(x) .Call(krb_call2, "op_unary", "cosh", x)

#' @rdname op_math
#' @export
op_tanh <- function(x) .Call(krb_call2, "op_unary", "tanh", x)

#' @rdname op_math
#' @export
op_arcsinh <- function(x) .Call(krb_call2, "op_unary", "arcsinh", x)

#' @rdname op_math
#' @export
op_arccosh <- function(x) .Call(krb_call2, "op_unary", "arccosh", x)

#' @rdname op_math
#' @export
op_arctanh <- function(x) .Call(krb_call2, "op_unary", "arctanh", x)

#' @rdname op_math
#' @export
op_trunc <- function(x) .Call(krb_call2, "op_unary", "trunc", x)

#' @rdname op_math
#' @export
op_rsqrt <- function(x) .Call(krb_call2, "op_unary", "rsqrt", x)

#' @rdname op_math
#' @export
op_logaddexp <- function(x1, x2) {
  # Keras converts both to tensors and casts them to result_type(x1, x2, float) first: an
  # integer difference would wrap, and a number is no weak scalar here.
  x1 <- tensor_of(x1)
  x2 <- tensor_of(x2)
  dtype <- float_dtype(promoted_dtype(op_dtype(x1), op_dtype(x2)))
  if (startsWith(dtype, "complex")) raise_bridge_error("type_error", sprintf("`logaddexp` does not support dtype %s.", dtype))
  x1 <- op_cast(x1, dtype)
  x2 <- op_cast(x2, dtype)
  larger <- op_maximum(x1, x2)
  sum <- op_add(larger, op_log1p(op_exp(op_negative(op_abs(op_subtract(x1, x2))))))
  # Equal infinities have no difference to shift by; log(2 e^x) = x + log(2) holds for them too.
  op_where(op_equal(x1, x2), op_add(larger, log(2)), sum)
}

#' @rdname op_math
#' @param nan,posinf,neginf What NaN, `Inf` and `-Inf` become (`NULL`: the dtype's largest and
#'   least finite values for the infinities).
#' @export
op_nan_to_num <- function(x, nan = 0, posinf = NULL, neginf = NULL) {
  x <- tensor_of(x)
  dtype <- op_dtype(x)
  # Each part of a complex number, as NumPy's nan_to_num replaces them.
  if (startsWith(dtype, "complex"))
    return(do.call(complex_of, c(lapply(list(op_real(x), op_imag(x)), op_nan_to_num, nan = nan, posinf = posinf, neginf = neginf), dtype)))
  if (!grepl("float", dtype)) return(x)
  largest <- c(float16 = 65504, bfloat16 = 3.3895313892515355e38, float32 = 3.4028234663852886e38, float64 = .Machine$double.xmax)[[dtype]]
  x <- op_where(op_isnan(x), nan, x)
  x <- op_where(op_logical_and(op_isinf(x), op_greater(x, 0)), if (is.null(posinf)) largest else posinf, x)
  op_where(op_logical_and(op_isinf(x), op_less(x, 0)), if (is.null(neginf)) -largest else neginf, x)
}

#' Elementwise comparisons and logic
#'
#' keras3's comparisons (operands promoted to a common dtype, NumPy's broadcasting, bool
#' result), logical operations (non-zero counts as true) and tests for NaN, infinities and
#' finite values (integers and bools are always finite). `op_signbit()` is `TRUE` for negative
#' numbers, -0 and negative NaN; `op_isclose()` compares within tolerances, as NumPy's `isclose()`.
#'
#' @inheritParams op_arithmetic
#' @return A bool tensor.
#' @family numpy ops
#' @examples
#' x <- keras_variable(array(c(1, NaN, Inf, -2), c(2, 2)))
#' op_greater(x, 0)
#' op_equal(x, x)
#' op_isnan(x)
#' op_isfinite(x)
#' op_logical_and(op_isfinite(x), op_less(x, 0))
#' op_signbit(c(-1, -0, 0, 2))
#' op_isclose(c(1, 1.1), c(1 + 1e-9, 1))
#' @name op_compare
NULL

#' @rdname op_compare
#' @export
op_equal <- function(x1, x2) .Call(krb_call3, "op_binary", "equal", x1, x2)

#' @rdname op_compare
#' @export
op_not_equal <- function(x1, x2) .Call(krb_call3, "op_binary", "not_equal", x1, x2)

#' @rdname op_compare
#' @export
op_less <- function(x1, x2) .Call(krb_call3, "op_binary", "less", x1, x2)

#' @rdname op_compare
#' @export
op_less_equal <- function(x1, x2) .Call(krb_call3, "op_binary", "less_equal", x1, x2)

#' @rdname op_compare
#' @export
op_greater <- function(x1, x2) .Call(krb_call3, "op_binary", "greater", x1, x2)

#' @rdname op_compare
#' @export
op_greater_equal <- function(x1, x2) .Call(krb_call3, "op_binary", "greater_equal", x1, x2)

#' @rdname op_compare
#' @export
op_logical_and <- function(x1, x2) .Call(krb_call3, "op_binary", "logical_and", x1, x2)

#' @rdname op_compare
#' @export
op_logical_or <- function(x1, x2) .Call(krb_call3, "op_binary", "logical_or", x1, x2)

#' @rdname op_compare
#' @export
op_logical_xor <- function(x1, x2) .Call(krb_call3, "op_binary", "logical_xor", x1, x2)

#' @rdname op_compare
#' @export
op_logical_not <- function(x) .Call(krb_call2, "op_unary", "logical_not", x)

#' @rdname op_compare
#' @export
op_isnan <- function(x) .Call(krb_call2, "op_unary", "isnan", x)

#' @rdname op_compare
#' @export
op_isinf <- function(x) .Call(krb_call2, "op_unary", "isinf", x)

#' @rdname op_compare
#' @export
op_isfinite <- function(x) .Call(krb_call2, "op_unary", "isfinite", x)

#' @rdname op_compare
#' @export
op_signbit <- function(x) .Call(krb_call2, "op_unary", "signbit", x)

#' @rdname op_compare
#' @param rtol,atol Relative and absolute tolerance: `x1` is close to `x2` where
#'   `abs(x1 - x2) <= atol + rtol * abs(x2)`, or where they are equal (infinities too).
#' @param equal_nan Whether NaN counts as close to NaN.
#' @export
op_isclose <- function(x1, x2, rtol = 1e-05, atol = 1e-08, equal_nan = FALSE) {
  # Integers and bools compare in float64, as NumPy and JAX promote them: their difference in
  # their own dtype would wrap (uint8 1 - 2 is 255), and bools have none.
  if (!is_float_dtype(op_dtype(x1)) && !is_float_dtype(op_dtype(x2))) {
    x1 <- op_cast(x1, "float64")
    x2 <- op_cast(x2, "float64")
  }
  # The tolerance holds between finite values only: an infinity is close to itself alone.
  within <- op_less_equal(op_abs(op_subtract(x1, x2)), op_add(atol, op_multiply(rtol, op_abs(x2))))
  close <- op_logical_or(op_equal(x1, x2), op_logical_and(within, op_logical_and(op_isfinite(x1), op_isfinite(x2))))
  if (flag(equal_nan, "equal_nan")) close <- op_logical_or(close, op_logical_and(op_isnan(x1), op_isnan(x2)))
  close
}

#' Matrix product
#'
#' keras3's `op_matmul()`: the matrix product of two tensors with NumPy's rules (vectors are
#' promoted to a row or column, leading axes broadcast), in the promoted dtype. As in keras3, an R
#' array multiplied with a tensor is first converted to the tensor's dtype (a double matrix times
#' a float32 tensor gives float32; times an int32 tensor, its values truncated to int32). Same as
#' `%*%` on tensors.
#'
#' @inheritParams op_arithmetic
#' @return A tensor.
#' @family numpy ops
#' @examples
#' a <- keras_variable(array(1:6, c(2, 3)))
#' b <- keras_variable(array(1:6, c(3, 2)))
#' op_matmul(a, b)
#' @export
op_matmul <- function(x1, x2) .Call(krb_call3, "op_binary", "matmul", x1, x2)

#' Parts of complex numbers
#'
#' keras3's `op_real()`, `op_imag()`, `op_conj()` and `op_angle()`. The parts of a complex128
#' tensor (an R complex array) are float64, of a complex64 one float32. A real tensor is its own
#' real part and conjugate, and its imaginary part is zeros of its dtype. `op_angle()` is
#' `atan2(imag, real)` in radians: 0 for positive real numbers, `pi` for negative ones (and for
#' -0, as NumPy); integers and logicals give [config_floatx()].
#'
#' @param x A tensor, variable, R array or number.
#' @return A tensor.
#' @family numpy ops
#' @examples
#' z <- op_array(complex(real = c(3, -1), imaginary = c(4, 0)))
#' op_real(z)
#' op_imag(z)
#' op_conj(z)
#' op_angle(z)
#' op_angle(c(2, -2))
#' @name op_complex_parts
NULL

#' @rdname op_complex_parts
#' @export
op_real <- function(x) .Call(krb_call2, "op_unary", "real", x)

#' @rdname op_complex_parts
#' @export
op_imag <- function(x) .Call(krb_call2, "op_unary", "imag", x)

#' @rdname op_complex_parts
#' @export
op_conj <- function(x) .Call(krb_call2, "op_unary", "conj", x)

#' @rdname op_complex_parts
#' @export
op_angle <- function(x) .Call(krb_call2, "op_unary", "angle", x)

#' Bitwise operations
#'
#' keras3's bitwise ops on integer (or bool) tensors, variables, R arrays and numbers, with
#' NumPy's broadcasting, in the dtype the operands promote to. As in keras3, R doubles are taken
#' as integers (whole numbers only, here). `op_bitwise_and()`, `op_bitwise_or()` and
#' `op_bitwise_xor()` of bools are the logical operations; `op_bitwise_invert()` (also
#' `op_bitwise_not()`) flips every bit. `op_left_shift()` and `op_right_shift()` (also
#' `op_bitwise_left_shift()`, `op_bitwise_right_shift()`) shift `x` by `y` bits, the right
#' shift keeping the sign; as in NumPy, shifting by the dtype's width or more, or by a negative
#' count, gives 0 (-1 for a negative `x` shifted right); a bool shifted by an R integer is an
#' int32, as JAX shifts `True`. Floats, and bools shifted by bools, are a `type_error`. As in
#' Keras, an R number beside a tensor in `op_bitwise_and()`, `op_bitwise_or()` and
#' `op_bitwise_xor()`, and a number shifted, is first an int32 tensor (an int8 tensor `& 2L` is
#' int32), where a shift's count takes `x`'s dtype.
#'
#' @param x,y Integer or bool tensors, variables, R arrays or numbers.
#' @return A tensor.
#' @family numpy ops
#' @examples
#' op_bitwise_and(12L, 10L)
#' op_bitwise_or(c(1, 2, 4), 1)
#' op_bitwise_xor(op_array(c(TRUE, FALSE)), TRUE)
#' op_bitwise_invert(op_array(c(0, 200), "uint8"))
#' op_left_shift(1L, 0:4)
#' op_right_shift(c(-16L, 16L), 2L)
#' @name op_bitwise
NULL

# keras3's integers for the bitwise ops: R doubles become R integers (keeping any dim).
# A shift's count stays an R number, a Python int to Keras, which takes x's dtype.
bit_operand <- function(x) {
  # A classed double (a Date, a difftime) goes on to the conversion, which refuses it.
  if (!is.double(x) || is.object(x)) return(x)
  if (anyNA(x) || any(x != trunc(x)) || any(abs(x) > .Machine$integer.max))
    raise_bridge_error("type_error", sprintf("Bitwise ops take whole numbers. Received: %s", paste(format(head(x, 5)), collapse = ", ")))
  storage.mode(x) <- "integer"
  x
}

# An operand of the bitwise ops and a shift's `x` as a tensor: Keras converts them
# (convert_to_tensor(), an R integer int32) before promoting, so int8 & 2L is int32 there, where
# arithmetic would keep int8.
bit_tensor <- function(x) tensor_of(bit_operand(x))

#' @rdname op_bitwise
#' @export
op_bitwise_and <- function(x, y) .Call(krb_call3, "op_binary", "bitwise_and", bit_tensor(x), bit_tensor(y))

#' @rdname op_bitwise
#' @export
op_bitwise_or <- function(x, y) .Call(krb_call3, "op_binary", "bitwise_or", bit_tensor(x), bit_tensor(y))

#' @rdname op_bitwise
#' @export
op_bitwise_xor <- function(x, y) .Call(krb_call3, "op_binary", "bitwise_xor", bit_tensor(x), bit_tensor(y))

#' @rdname op_bitwise
#' @export
op_bitwise_invert <- function(x) .Call(krb_call2, "op_unary", "bitwise_invert", bit_operand(x))

#' @rdname op_bitwise
#' @export
op_bitwise_not <- op_bitwise_invert

#' @rdname op_bitwise
#' @export
op_left_shift <- function(x, y) .Call(krb_call3, "op_binary", "left_shift", bit_tensor(x), bit_operand(y))

#' @rdname op_bitwise
#' @export
op_right_shift <- function(x, y) .Call(krb_call3, "op_binary", "right_shift", bit_tensor(x), bit_operand(y))

#' @rdname op_bitwise
#' @export
op_bitwise_left_shift <- op_left_shift

#' @rdname op_bitwise
#' @export
op_bitwise_right_shift <- op_right_shift
