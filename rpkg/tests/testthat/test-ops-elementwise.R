x <- array(c(0.25, 1, 4, 9, 2.5, -3), c(2, 3))
v <- keras_variable(x)

float_functions <- list(
  op_sqrt = sqrt, op_exp = exp, op_expm1 = expm1, op_log = log, op_log1p = log1p, op_log2 = log2,
  op_log10 = log10, op_reciprocal = function(x) 1 / x, op_floor = floor, op_ceil = ceiling,
  op_sin = sin, op_cos = cos, op_tan = tan, op_arctan = atan, op_sinh = sinh, op_cosh = cosh,
  op_tanh = tanh, op_exp2 = function(x) 2^x, op_cbrt = function(x) x^(1 / 3),
  op_deg2rad = function(x) x * pi / 180
)

for (name in names(float_functions)) {
  test_that(paste0(name, "() of a float64 variable equals base R's ", name, " of the array"), {
    positive <- keras_variable(abs(x))
    result <- get(name)(positive)
    expect_identical(result$dtype, "float64")
    expect_equal(as.array(result), float_functions[[name]](abs(x)), tolerance = 1e-13)
  })
}

test_that("op_arcsin() and op_arccos() equal base R's asin() and acos()", {
  y <- x / 10
  expect_equal(as.array(op_arcsin(y)), asin(y), tolerance = 1e-13)
  expect_equal(as.array(op_arccos(y)), acos(y), tolerance = 1e-13)
})

test_that("float functions of integers, logicals and plain numbers give float32, as keras3", {
  expect_identical(op_exp(array(1:4, c(2, 2)))$dtype, "float32")
  expect_identical(op_sqrt(c(TRUE, FALSE))$dtype, "float32")
  expect_identical(op_log(2)$dtype, "float32")
  expect_identical(op_cos(keras_variable(array(1, 2), dtype = "float16"))$dtype, "float16")
  expect_equal(as.vector(as.array(op_exp(1L))), exp(1), tolerance = 1e-7)
})

test_that("float functions keep NaN, Inf and the shape, including zero-length arrays", {
  expect_identical(as.array(op_sqrt(array(c(-1, Inf, NaN), 3))), array(c(NaN, Inf, NaN), 3))
  expect_identical(as.array(op_log(array(0, 1))), array(-Inf, 1))
  expect_identical(dim(as.array(op_exp(array(numeric(), c(0, 3))))), c(0L, 3L))
})

test_that("op_expm1() and op_log1p() keep full precision near zero", {
  expect_equal(as.array(op_expm1(array(1e-10, 1))), array(expm1(1e-10), 1), tolerance = 1e-15)
  expect_equal(as.array(op_log1p(array(1e-10, 1))), array(log1p(1e-10), 1), tolerance = 1e-15)
})

test_that("op_add, op_subtract, op_multiply and op_power equal R's operators, with broadcasting", {
  expect_identical(as.array(op_add(v, x)), x + x)
  expect_identical(as.array(op_subtract(v, 1)), x - 1)
  expect_identical(as.array(op_multiply(v, v)), x * x)
  expect_equal(as.array(op_power(v, 2)), x^2)
  row <- array(c(10, 20, 30), c(1, 3))
  expect_identical(as.array(op_add(v, row)), x + rep(c(10, 20, 30), each = 2))
})

test_that("op_divide and op_true_divide give a float dtype even for integers", {
  ints <- array(1:4, c(2, 2))
  expect_identical(op_divide(ints, 2L)$dtype, "float32")
  expect_identical(as.array(op_true_divide(ints, 2L)), ints / 2)
})

test_that("op_floor_divide and op_mod follow Python's signs, as R's %/% and %%", {
  a <- array(c(7, -7, 7, -7), c(2, 2))
  b <- array(c(2, 2, -2, -2), c(2, 2))
  expect_identical(as.array(op_floor_divide(a, b)), a %/% b)
  expect_identical(as.array(op_mod(a, b)), a %% b)
})

test_that("a plain R number takes the tensor's dtype, as a Python number does in keras3", {
  i <- keras_variable(array(1:4, c(2, 2)))
  expect_identical(op_add(i, 1L)$dtype, "int32")
  expect_identical(op_multiply(keras_variable(array(1, 2), dtype = "float16"), 0.5)$dtype, "float16")
  expect_identical(op_add(i, 1.5)$dtype, "float32")
})

test_that("op_maximum and op_minimum equal pmax and pmin, NaN where either is NaN", {
  expect_identical(as.array(op_maximum(v, 1)), pmax(x, 1))
  expect_identical(as.array(op_minimum(v, 1)), pmin(x, 1))
  expect_identical(as.array(op_maximum(array(c(NaN, 1), 2), array(c(0, NaN), 2))), array(c(NaN, NaN), 2))
})

test_that("op_negative, op_abs, op_sign and op_square equal base R", {
  expect_identical(as.array(op_negative(v)), -x)
  expect_identical(as.array(op_abs(v)), abs(x))
  expect_identical(as.array(op_sign(v)), sign(x))
  expect_identical(as.array(op_square(v)), x^2)
  expect_identical(op_square(array(c(TRUE, FALSE), 2))$dtype, "int32")
  expect_identical(op_sign(array(-3:3, 7))$dtype, "int32")
})

test_that("op_sign of complex numbers is x / Mod(x), 0 for 0, as TensorFlow's sign", {
  z <- c(3+4i, -2i, 0, -3)
  expect_equal(as.array(op_sign(array(z))), array(ifelse(z == 0, 0, z / Mod(z))))
  expect_identical(op_sign(op_array(z, "complex64"))$dtype, "complex64")
})

test_that("op_sign of logicals is a type_error naming the dtype", {
  expect_bridge_error(op_sign(array(TRUE, 1)), "type_error", "`sign` does not support dtype bool.", fixed = TRUE)
})

test_that("op_round rounds halves to even, to decimals, and round() takes digits", {
  halves <- array(c(0.5, 1.5, 2.5, -0.5, -2.5), 5)
  expect_identical(as.array(op_round(halves)), array(c(0, 2, 2, -0, -2), 5))
  expect_equal(as.array(op_round(array(c(1.25, 1234.5), 2), 1L)), array(c(1.2, 1234.5), 2))
  expect_equal(as.array(op_round(array(1234.5, 1), -2)), array(1200, 1))
  expect_equal(as.array(round(v, 1)), round(x, 1))
})

test_that("op_round refuses decimals that are not a whole number", {
  expect_bridge_error(op_round(v, 1.5), "type_error", "Argument `decimals` must be an integer. Received: decimals=1.5", fixed = TRUE)
  expect_bridge_error(op_round(v, NA_integer_), "type_error", "decimals")
})

test_that("op_arctan2 equals base R's atan2 and broadcasts", {
  y <- array(c(1, -1, 0, 2), c(2, 2))
  expect_equal(as.array(op_arctan2(y, array(-1, c(2, 2)))), atan2(y, -1), tolerance = 1e-13)
  expect_identical(op_arctan2(1L, 2L)$dtype, "float32")
})

test_that("comparisons equal R's operators and give bool tensors", {
  expect_identical(as.array(op_equal(v, 1)), x == 1)
  expect_identical(as.array(op_not_equal(v, 1)), x != 1)
  expect_identical(as.array(op_less(v, 1)), x < 1)
  expect_identical(as.array(op_less_equal(v, 1)), x <= 1)
  expect_identical(as.array(op_greater(v, 1)), x > 1)
  expect_identical(as.array(op_greater_equal(v, 1)), x >= 1)
  expect_identical(op_less(v, 1)$dtype, "bool")
})

test_that("logical ops treat non-zero as true, as R's logical operators", {
  a <- array(c(TRUE, TRUE, FALSE, FALSE), c(2, 2))
  b <- array(c(TRUE, FALSE, TRUE, FALSE), c(2, 2))
  expect_identical(as.array(op_logical_and(a, b)), a & b)
  expect_identical(as.array(op_logical_or(a, b)), a | b)
  expect_identical(as.array(op_logical_xor(a, b)), xor(a, b))
  expect_identical(as.array(op_logical_not(a)), !a)
  expect_identical(as.array(op_logical_and(array(c(2, 0), 2), array(c(-1, 5), 2))), array(c(TRUE, FALSE), 2))
})

test_that("op_isnan, op_isinf and op_isfinite equal is.nan, is.infinite and is.finite", {
  y <- array(c(1, NaN, Inf, -Inf), c(2, 2))
  expect_identical(as.array(op_isnan(y)), is.nan(y))
  expect_identical(as.array(op_isinf(y)), is.infinite(y))
  expect_identical(as.array(op_isfinite(y)), is.finite(y))
  expect_identical(as.array(op_isfinite(array(1:2, 2))), array(c(TRUE, TRUE), 2))
})

test_that("op_matmul equals R's %*% and the operator on tensors", {
  a <- array(as.double(1:6), c(2, 3))
  b <- array(as.double(1:6), c(3, 2))
  expect_identical(as.array(op_matmul(a, b)), a %*% b)
  expect_identical(as.array(op_matmul(keras_variable(a), b)), as.array(keras_variable(a) %*% b))
})

test_that("op_matmul and %*% convert an R array multiplied with a tensor to the tensor's dtype, as keras3 does", {
  x32 <- op_ones(c(2, 2))
  expect_identical(op_dtype(op_matmul(x32, matrix(c(1.5, 2, 3, 4), 2))), "float32")
  expect_identical(op_dtype(matrix(c(1.5, 2, 3, 4), 2) %*% x32), "float32")
  xi <- op_convert_to_tensor(array(1:4, c(2, 2)), "int32")
  product <- op_matmul(xi, c(1.5, 2.5))
  expect_identical(op_dtype(product), "int32")
  expect_identical(as.array(product), array(c(7L, 10L)))
  expect_identical(op_dtype(op_matmul(op_convert_to_tensor(diag(2), "float16"), diag(2))), "float16")
  expect_identical(op_dtype(op_matmul(xi, op_ones(c(2, 2)))), "float32")
})

test_that("^ of a tensor to the number 2 squares and to 0.5 takes the root, as keras3's operator does", {
  xi <- op_convert_to_tensor(array(1:4, c(2, 2)), "int32")
  expect_identical(op_dtype(xi ^ 2), "int32")
  expect_identical(as.array(xi ^ 2), array(c(1L, 4L, 9L, 16L), c(2, 2)))
  expect_identical(op_dtype(xi ^ 0.5), "float32")
  expect_equal(as.array(xi ^ 0.5), sqrt(array(1:4, c(2, 2))), tolerance = 1e-6)
  expect_identical(op_dtype(xi ^ 3), "float32")
  expect_identical(as.array(2 ^ op_array(c(1, 3))), array(c(2, 8)))
})

test_that("op_arcsinh, op_arccosh, op_arctanh, op_trunc and op_rsqrt equal asinh(), acosh(), atanh(), trunc() and 1 / sqrt()", {
  x <- c(1.5, 2, 3.25)
  expect_equal(as.array(op_arcsinh(x)), array(asinh(x)), tolerance = 1e-6)
  expect_equal(as.array(op_arccosh(array(x))), array(acosh(x)), tolerance = 1e-12)
  expect_equal(as.array(op_arctanh(array(c(-0.5, 0, 0.9)))), array(atanh(c(-0.5, 0, 0.9))), tolerance = 1e-12)
  expect_identical(as.array(op_trunc(array(c(-1.7, 2.5, -0.2)))), array(trunc(c(-1.7, 2.5, -0.2))))
  expect_identical(op_dtype(op_trunc(1:3)), "int32")
  expect_equal(as.array(op_rsqrt(array(c(4, 16)))), array(c(0.5, 0.25)))
  expect_true(is.nan(as.array(op_arccosh(0.5))))
})

test_that("op_logaddexp is log(exp(x1) + exp(x2)) without overflow, and keeps equal infinities", {
  expect_equal(as.array(op_logaddexp(array(c(1, 1000, -Inf, Inf)), array(c(2, 1000, -Inf, 1)))),
               array(c(log(exp(1) + exp(2)), 1000 + log(2), -Inf, Inf)))
  expect_identical(op_dtype(op_logaddexp(1L, 2L)), "float32")
})

test_that("op_logaddexp casts integers and bools to a float dtype before it subtracts them", {
  a <- op_array(c(1, 5), "uint8")
  expect_equal(as.vector(as.array(op_logaddexp(a, op_array(c(3, 2), "uint8")))), log(exp(c(1, 5)) + exp(c(3, 2))), tolerance = 1e-6)
  expect_equal(as.vector(as.array(op_logaddexp(a, 2L))), log(exp(c(1, 5)) + exp(2)), tolerance = 1e-6)
  both <- op_logaddexp(op_array(c(TRUE, FALSE)), op_array(c(TRUE, TRUE)))
  expect_identical(op_dtype(both), "float32")
  expect_equal(as.vector(as.array(both)), log(exp(c(1, 0)) + exp(1)), tolerance = 1e-6)
})

test_that("op_mod, op_arctan2, op_heaviside and op_logaddexp take an R number as Keras's tensor of it, not as a weak scalar", {
  expect_identical(op_dtype(op_mod(op_array(c(7, -7), "int8"), 2L)), "int32")
  expect_identical(as.vector(as.array(op_mod(op_array(c(7, -7), "int8"), 2L))), c(1L, 1L))
  expect_identical(op_dtype(op_mod(op_array(c(7, -7), "float16"), 2.5)), "float32")
  expect_identical(op_dtype(op_arctan2(op_array(c(1, 2), "float16"), 2.5)), "float32")
  expect_identical(op_dtype(op_heaviside(op_array(c(-1, 0, 2), "float16"), 0.5)), "float32")
  expect_identical(op_dtype(op_logaddexp(op_array(1, "float16"), 2)), "float32")
  expect_identical(op_dtype(op_mod(op_array(c(7, -7), "int8"), op_array(2L, "int8"))), "int8")
})

test_that("op_heaviside of bools is bool", {
  b <- op_array(c(TRUE, FALSE))
  expect_identical(op_dtype(op_heaviside(b, b)), "bool")
  expect_identical(as.vector(as.array(op_heaviside(b, b))), c(TRUE, FALSE))
})

test_that("op_nan_to_num replaces NaN and infinities in each part of a complex number, as NumPy", {
  z <- op_array(complex(real = c(NaN, Inf, 1), imaginary = c(1, 0, NaN)))
  out <- as.vector(as.array(op_nan_to_num(z)))
  expect_identical(Re(out), c(0, .Machine$double.xmax, 1))
  expect_identical(Im(out), c(1, 0, 0))
  out <- op_nan_to_num(op_cast(z, "complex64"), nan = 5, posinf = 7)
  expect_identical(op_dtype(out), "complex64")
  expect_identical(Re(as.vector(as.array(out))), c(5, 7, 1))
  # Infinite replacements leave the other part alone ("replace only NaN").
  out <- as.vector(as.array(op_nan_to_num(op_array(complex(real = c(5, NaN), imaginary = c(-Inf, Inf))), posinf = Inf, neginf = -Inf)))
  expect_identical(Re(out), c(5, 0))
  expect_identical(Im(out), c(-Inf, Inf))
})

test_that("op_logaddexp of complex numbers is refused in its own name", {
  expect_bridge_error(op_logaddexp(op_array(1i), op_array(1i)), "type_error", "`logaddexp` does not support dtype complex128.", fixed = TRUE)
})

test_that("op_nan_to_num replaces NaN and infinities, by default with the dtype's extremes", {
  expect_identical(as.array(op_nan_to_num(array(c(NaN, Inf, -Inf, 1)))), array(c(0, .Machine$double.xmax, -.Machine$double.xmax, 1)))
  expect_identical(as.array(op_nan_to_num(array(c(NaN, Inf, -Inf)), nan = 5, posinf = 9, neginf = -9)), array(c(5, 9, -9)))
  expect_equal(as.vector(as.array(op_nan_to_num(op_array(Inf, "float32")))), 3.4028234663852886e38)
  expect_identical(as.array(op_nan_to_num(1:2)), array(1:2))
})

test_that("op_signbit is TRUE for negatives and -0, op_isclose compares within NumPy's tolerances", {
  expect_identical(as.array(op_signbit(array(c(-1, -0, 0, 2)))), array(c(TRUE, TRUE, FALSE, FALSE)))
  expect_identical(as.array(op_signbit(array(c(-1L, 0L)))), array(c(TRUE, FALSE)))
  expect_identical(as.array(op_isclose(array(c(1, 1.1, Inf, NaN)), array(c(1 + 1e-9, 1, Inf, NaN)))), array(c(TRUE, FALSE, TRUE, FALSE)))
  expect_true(as.array(op_isclose(NaN, NaN, equal_nan = TRUE)))
  expect_true(as.array(op_isclose(100, 100.5, rtol = 0.01)))
  expect_identical(as.array(op_isclose(array(c(1, Inf, -Inf)), array(c(Inf, -Inf, -Inf)))), array(c(FALSE, FALSE, TRUE)))
})

test_that("shapes that do not broadcast are a value_error saying what was received", {
  expect_bridge_error(op_add(array(1, c(2, 3)), array(1, c(3, 2))), "value_error", "Input shapes are: [2, 3] and [3, 2]", fixed = TRUE)
})

test_that("elementwise ops take tensors, variables, arrays and numbers alike and leave variables unchanged", {
  w <- keras_variable(x)
  expect_identical(as.array(op_add(w$value, w)), as.array(op_add(x, x)))
  invisible(op_exp(w))
  expect_identical(as.array(w), x)
})

test_that("op_cbrt() of negative numbers is negative, and of int64 float64, as Keras", {
  expect_equal(as.array(op_cbrt(c(-8, 27))), array(c(-2, 3)), tolerance = 1e-6)
  expect_identical(op_cbrt(op_array(c(1, 8), "int64"))$dtype, "float64")
  expect_identical(op_deg2rad(op_array(180, "int64"))$dtype, "float64")
  expect_error(op_cbrt(op_array(1i)), class = "type_error")
})

test_that("op_divide_no_nan() gives 0 where the divisor is 0 and x1 / x2 elsewhere, as keras3", {
  x <- array(c(6, 0, -3, 1), c(2, 2))
  y <- array(c(3, 0, 0, 4), c(2, 2))
  result <- op_divide_no_nan(x, y)
  expect_identical(result$dtype, "float64")
  expect_identical(as.array(result), ifelse(y == 0, 0, x / y))
  expect_identical(op_divide_no_nan(array(1:2), 0L)$dtype, "float32")
})

test_that("op_real(), op_imag(), op_conj() and op_angle() give base R's Re(), Im(), Conj() and Arg()", {
  z <- array(complex(real = c(3, -1, 0, 2), imaginary = c(4, 0, -2, -1)), c(2, 2))
  expect_identical(as.array(op_real(z)), Re(z))
  expect_identical(as.array(op_imag(z)), Im(z))
  expect_identical(as.array(op_conj(z)), Conj(z))
  expect_equal(as.array(op_angle(z)), Arg(z))
  expect_identical(op_real(z)$dtype, "float64")
})

test_that("a real tensor's imaginary part is zeros of its dtype and its angle 0 or pi", {
  x <- op_array(array(c(2L, -3L)))
  expect_identical(op_imag(x)$dtype, "int32")
  expect_identical(as.array(op_imag(x)), array(c(0L, 0L)))
  expect_identical(as.array(op_real(x)), array(c(2L, -3L)))
  expect_equal(as.array(op_angle(x)), array(c(0, pi)), tolerance = 1e-7)
  expect_identical(op_angle(x)$dtype, "float32")
})

test_that("op_pmax and op_pmin are keras3's other names for op_maximum and op_minimum", {
  expect_identical(as.array(op_pmax(array(c(1, 5, 3)), 2)), array(pmax(c(1, 5, 3), 2)))
  expect_identical(as.array(op_pmin(array(c(1, 5, 3)), 2)), array(pmin(c(1, 5, 3), 2)))
})

test_that("op_heaviside is 0 below zero, x2 at zero, 1 above, and keeps NaN", {
  x <- array(c(-1.5, 0, 2, NaN, -Inf, Inf))
  expect_identical(as.vector(as.array(op_heaviside(x, 0.5))), c(0, 0.5, 1, NaN, 0, 1))
  expect_identical(as.vector(as.array(op_heaviside(array(c(0, 0)), array(c(3, 4))))), c(3, 4))
})

test_that("op_heaviside of integers gives floatx, of int64 float64, and keeps float dtypes", {
  expect_identical(op_heaviside(array(c(-1L, 0L, 3L)), 7L)$dtype, "float32")
  expect_identical(as.vector(as.array(op_heaviside(array(c(-1L, 0L, 3L)), 7L))), c(0, 7, 1))
  expect_identical(op_heaviside(op_array(c(-1, 0), "int64"), 1L)$dtype, "float64")
  expect_identical(op_heaviside(op_array(c(-1, 0), "float16"), op_array(1, "float16"))$dtype, "float16")
})

test_that("op_bitwise_and, _or and _xor combine bits as base R's bitwAnd, bitwOr and bitwXor", {
  x <- c(12L, -1L, 5L, 255L)
  y <- c(10L, 6L, 0L, 15L)
  expect_identical(as.vector(as.array(op_bitwise_and(x, y))), bitwAnd(x, y))
  expect_identical(as.vector(as.array(op_bitwise_or(x, y))), bitwOr(x, y))
  expect_identical(as.vector(as.array(op_bitwise_xor(x, y))), bitwXor(x, y))
  expect_identical(op_bitwise_and(x, y)$dtype, "int32")
})

test_that("bitwise ops take R doubles as integers, as keras3, and keep matrices", {
  expect_identical(as.vector(as.array(op_bitwise_or(c(1, 2, 4), 1))), c(1L, 3L, 5L))
  m <- matrix(c(1, 2, 3, 4), 2)
  expect_identical(as.array(op_bitwise_and(m, 1)), matrix(c(1L, 0L, 1L, 0L), 2))
})

test_that("bitwise ops of bools are the logical operations", {
  expect_identical(as.vector(as.array(op_bitwise_xor(op_array(c(TRUE, FALSE)), TRUE))), c(FALSE, TRUE))
  expect_identical(as.vector(as.array(op_bitwise_not(op_array(c(TRUE, FALSE))))), c(FALSE, TRUE))
})

test_that("op_bitwise_invert flips every bit in the dtype, as bitwNot", {
  expect_identical(as.vector(as.array(op_bitwise_invert(c(0L, 5L, -1L)))), bitwNot(c(0L, 5L, -1L)))
  expect_identical(as.vector(as.array(op_bitwise_invert(op_array(c(0, 200), "uint8")))), c(255L, 55L))
})

test_that("shifts follow bitwShiftL, keep the sign on the right, and saturate past the width as NumPy", {
  expect_identical(as.vector(as.array(op_left_shift(1L, 0:4))), bitwShiftL(1L, 0:4))
  expect_identical(as.vector(as.array(op_right_shift(c(-16L, 16L), 2L))), c(-4L, 4L))
  expect_identical(as.vector(as.array(op_bitwise_left_shift(1L, c(32L, -1L)))), c(0L, 0L))
  expect_identical(as.vector(as.array(op_bitwise_right_shift(c(-5L, 5L), 40L))), c(-1L, 0L))
})

test_that("bitwise ops refuse floats and fractional R numbers with a type_error", {
  expect_bridge_error(op_bitwise_and(op_array(c(1.5, 2)), 1L), "type_error", "takes integers or bools. Received: dtype=float")
  expect_bridge_error(op_bitwise_or(1.5, 1), "type_error", "whole numbers. Received: 1.5")
  expect_bridge_error(op_left_shift(op_array(TRUE), op_array(TRUE)), "type_error", "takes integers")
  expect_identical(as.vector(as.array(op_left_shift(op_array(TRUE), 1L))), 2L)
  expect_bridge_error(op_bitwise_xor(NA_real_, 1), "type_error")
})

test_that("bitwise ops refuse a Date or a date-time as the other ops do, with a classed error", {
  expect_bridge_error(op_bitwise_and(as.Date("2020-01-01"), 1L), "type_error", "Date")
  expect_bridge_error(op_left_shift(as.POSIXct("2020-01-01", tz = "UTC"), 1L), "type_error", "POSIX")
})

test_that("R integers beyond a tensor's dtype compare and clip by their value, not wrapped into it", {
  int8 <- op_array(c(4, -9), "int8")
  expect_identical(as.vector(as.array(op_less(int8, 200L))), c(TRUE, TRUE))
  expect_identical(as.vector(as.array(int8 == 2147483647L)), c(FALSE, FALSE))
  expect_identical(as.vector(as.array(op_clip(op_array(c(3, 100, -52), "int8"), 0L, 1000L))), c(3L, 100L, 0L))
  expect_identical(as.vector(as.array(op_clip(op_array(c(16777219, 7), "int32"), 0, 1e9))), c(16777219L, 7L))
})

test_that("integers meeting float16 are rounded to float16 first, as Keras converts both", {
  expect_identical(as.vector(as.array(op_add(op_array(2049, "int16"), op_array(1, "float16")))), 2048)
  expect_identical(as.vector(as.array(op_cumsum(op_array(c(2048, 1, 1), "float16")))), c(2048, 2048, 2048))
})

test_that("op_isclose compares integers and bools as numbers, without wrapping, as NumPy does", {
  expect_true(as.vector(as.array(op_isclose(op_array(1L, "uint8"), op_array(2L, "uint8"), atol = 5))))
  expect_false(as.vector(as.array(op_isclose(op_array(100L, "int8"), op_array(-100L, "int8"), atol = 60))))
  expect_identical(as.vector(as.array(op_isclose(op_array(c(TRUE, FALSE)), op_array(c(TRUE, TRUE))))), c(TRUE, FALSE))
})

test_that("op_log1p and op_deg2rad stay finite for the largest finite floats, as NumPy's", {
  big <- op_array(c(1e37, 3e38), "float32")
  expect_equal(as.vector(as.array(op_log1p(big))), log1p(c(1e37, 3e38)), tolerance = 1e-6)
  expect_equal(as.vector(as.array(op_log1p(op_array(1e308, "float64")))), log1p(1e308))
  expect_equal(as.vector(as.array(op_deg2rad(op_array(2e38, "float32")))), 2e38 * pi / 180, tolerance = 1e-6)
})

test_that("op_reciprocal of an integer 0 is NumPy's: 0 for int8 and int16, the least value for int32", {
  expect_identical(as.vector(as.array(op_reciprocal(op_array(c(0L, 1L, -1L, 2L), "int8")))), c(0L, 1L, -1L, 0L))
  expect_identical(as.vector(as.array(op_reciprocal(op_array(0L, "int16")))), 0L)
  expect_identical(as.vector(as.array(op_reciprocal(op_array(0L, "int32")))), NA_integer_)
})

test_that("op_log2 of a complex zero keeps its angle, as NumPy's log2", {
  expect_equal(as.vector(as.array(op_log2(complex(real = -0, imaginary = 0)))), complex(real = -Inf, imaginary = pi / log(2)))
})

test_that("the bitwise ops make an R number an int32 tensor before promoting, as Keras converts it", {
  x <- op_array(c(6L, 7L), "int8")
  expect_identical(op_bitwise_and(x, 2L)$dtype, "int32")
  expect_identical(as.vector(as.array(op_bitwise_or(op_array(c(1L, 2L), "uint8"), -3L))), bitwOr(c(1L, 2L), -3L))
  expect_identical(as.vector(as.array(op_left_shift(2L, x))), c(128L, 256L))
  expect_identical(op_left_shift(x, 1L)$dtype, "int8")
})

test_that("complex division by zero divides each part by zero, as base R and NumPy do", {
  z <- c(1+1i, 1+0i, 0i, -2+0i, 1i)
  expect_identical(as.array(op_array(z) / 0), array(z / 0))
  expect_identical(as.array(op_divide(op_array(z), op_zeros(5, "complex128"))), array(z / 0))
})

test_that("op_reciprocal and op_rsqrt of a complex zero are NumPy's NaN and infinity, not 0", {
  expect_true(is.nan(Re(as.vector(as.array(op_reciprocal(0+0i))))))
  expect_identical(Re(as.vector(as.array(op_rsqrt(op_array(0+0i, "complex128"))))), Inf)
})
