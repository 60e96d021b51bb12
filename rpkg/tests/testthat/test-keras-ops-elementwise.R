# keras$ops's elementwise and small numeric ops that keras3 has no op_*() for; expected values
# from NumPy (the expression in the comment) or base R.

ops <- keras$ops
x <- matrix(c(1L, 3L, 2L, 2L, 3L, 1L), 2)  # np.array([[1, 2, 3], [3, 2, 1]])
y <- matrix(c(4L, 3L, 5L, 2L, 6L, 1L), 2)  # np.array([[4, 5, 6], [3, 2, 1]])

test_that("hypot is the hypotenuse elementwise, float32 for ints", {
  h <- ops$hypot(x, y)
  expect_equal(op_dtype(h), "float32")
  # np.hypot(x, y)
  expect_equal(h, sqrt(x^2 + y^2), tolerance = 1e-6)
  expect_equal(ops$hypot(x, op_array(4L)), sqrt(x^2 + 16), tolerance = 1e-6)
})

test_that("hypot is infinite beside an infinity, NaN beside a number, float64 for int64", {
  # np.hypot([nan, inf, nan, -0.], [1., -inf, inf, 0.])
  expect_equal(ops$hypot(c(NaN, Inf, NaN, -0), c(1, -Inf, Inf, 0)), c(NaN, Inf, Inf, 0))
  expect_equal(op_dtype(ops$hypot(op_array(3L, "int64"), 4L)), "float64")
  expect_equal(ops$hypot(array(3e200), array(4e200)), 5e200)
})

test_that("gcd and lcm work elementwise on integers, numbers as int32", {
  # np.gcd(x, y), np.gcd(x, 2), np.gcd(2, x)
  expect_equal(ops$gcd(x, y), matrix(c(1L, 3L, 1L, 2L, 3L, 1L), 2))
  expect_equal(ops$gcd(x, 2L), matrix(c(1L, 1L, 2L, 2L, 1L, 1L), 2))
  expect_equal(ops$gcd(2L, x), matrix(c(1L, 1L, 2L, 2L, 1L, 1L), 2))
  expect_equal(ops$gcd(c(-12L, 0L), c(18L, 0L)), c(6L, 0L))
  # np.lcm(x, y), np.lcm(x, 4)
  expect_equal(ops$lcm(x, y), matrix(c(4L, 3L, 10L, 2L, 6L, 1L), 2))
  expect_equal(ops$lcm(x, op_array(array(4L))), matrix(c(4L, 12L, 4L, 4L, 12L, 4L), 2))
  expect_equal(ops$lcm(c(-4L, 0L), c(6L, 5L)), c(12L, 0L))
  expect_equal(op_dtype(ops$gcd(op_array(4L, "int64"), 2L)), "int64")
})

test_that("gcd and lcm refuse floats", {
  expect_error(ops$gcd(1.5, 2), "must be integers", class = "type_error")
  expect_error(ops$lcm(x, 2.0), "x1.dtype=int32, x2.dtype=float32", class = "type_error")
})

test_that("ldexp multiplies by powers of two and needs integer exponents", {
  # np.ldexp(x, y)
  expect_equal(ops$ldexp(x, y), x * 2^y)
  expect_equal(op_dtype(ops$ldexp(x, y)), "float32")
  # np.ldexp(np.float32([0.75, 1.5]), [1, 2])
  expect_equal(ops$ldexp(c(0.75, 1.5), c(1L, 2L)), c(1.5, 6))
  expect_equal(ops$ldexp(c(Inf, 0), c(-3L, 5L)), c(Inf, 0))
  expect_error(ops$ldexp(1, 1.5), "x2 dtype=float32", class = "type_error")
})

test_that("fmax and fmin ignore NaN where the other side is a number", {
  a <- matrix(c(1, 3, NaN, 4), 2)
  b <- matrix(c(5, NaN, 6, 8), 2)
  # np.fmax(a, b), np.fmax(a, 1.0), np.fmin(1.0, a)
  expect_equal(ops$fmax(a, b), matrix(c(5, 3, 6, 8), 2))
  expect_equal(ops$fmax(a, 1.0), matrix(c(1, 3, 1, 4), 2))
  expect_equal(ops$fmin(1.0, a), matrix(1, 2, 2))
  expect_equal(ops$fmin(a, b), matrix(c(1, 3, 6, 4), 2))
  expect_equal(ops$fmax(NaN, NaN), NaN)
})

test_that("fmax and fmin keep integers and let a number take the tensor's dtype", {
  r <- ops$fmax(op_array(c(1L, 5L)), 2L)
  expect_equal(op_dtype(r), "int32")
  expect_equal(r, c(2L, 5L))
  expect_equal(op_dtype(ops$fmin(op_array(c(1, 5), "float16"), 2)), "float16")
})

test_that("fmod takes the sign of the dividend", {
  # np.fmod([[-3, 7], [5, -2]], [[2, -3], [3, 4]])
  expect_equal(ops$fmod(matrix(c(-3L, 5L, 7L, -2L), 2), matrix(c(2L, 3L, -3L, 4L), 2)), matrix(c(-1L, 2L, 1L, -2L), 2))
  # np.fmod(1, [[-3, 7], [5, -2]])
  expect_equal(ops$fmod(1L, matrix(c(-3L, 5L, 7L, -2L), 2)), matrix(1L, 2, 2))
  # np.fmod([-3.5, 7.], 2)
  expect_equal(ops$fmod(c(-3.5, 7), 2), c(-1.5, 1))
  expect_equal(op_dtype(ops$fmod(op_array(c(7L, 9L), "uint8"), op_array(c(3L, 4L), "uint8"))), "uint8")
  expect_equal(op_dtype(ops$fmod(op_array(TRUE), op_array(TRUE))), "int32")
})

test_that("nextafter steps one float of the result dtype toward x2", {
  # np.nextafter(np.float32([1, 1]), np.float32([2, 0]))
  expect_equal(ops$nextafter(op_array(c(1, 1), "float32"), op_array(c(2, 0), "float32")), c(1.0000001192092896, 0.9999999403953552))
  # np.nextafter(1., 2.) in float64
  r <- ops$nextafter(array(c(1, 2, 1)), array(c(2, 1, 1)))
  expect_equal(op_dtype(r), "float64")
  expect_identical(as.vector(as.array(r)), c(1 + 2^-52, 2 - 2^-52, 1))
  # np.nextafter(np.float32([0, -0., inf, nan]), np.float32([1, -1, 0, 1]))
  expect_equal(ops$nextafter(c(0, -0, Inf, NaN), c(1, -1, 0, 1)), c(2^-149, -2^-149, 3.4028234663852886e38, NaN))
  expect_equal(op_dtype(ops$nextafter(x, y)), "float32")
})

test_that("fabs gives floats for integers and refuses complex", {
  r <- ops$fabs(matrix(c(-1L, 3L, 2L, -2L), 2))
  expect_equal(op_dtype(r), "float32")
  expect_equal(r, matrix(c(1, 3, 2, 2), 2))
  expect_equal(op_dtype(ops$fabs(op_array(-1L, "int64"))), "float32")
  expect_equal(op_dtype(ops$fabs(array(-1))), "float64")
  expect_error(ops$fabs(op_array(1 + 2i)), "Received: dtype=complex128", class = "type_error")
})

test_that("i0 is the modified Bessel function of order 0", {
  # np.i0([0, 1, -2.5, 800]).astype("float32")
  expect_equal(ops$i0(c(0, 1, -2.5, 800)), c(1, 1.2660658359527588, 3.289839029312134, Inf), tolerance = 1e-7)
  expect_equal(op_dtype(ops$i0(op_array(1L, "int64"))), "float64")
  expect_equal(op_dtype(ops$i0(op_array(1, "float16"))), "float16")
  expect_equal(op_dtype(ops$i0(1L)), "float32")
})

test_that("sinc is sin(pi x) / (pi x), 1 at 0", {
  # np.sinc(np.float32([0, 0.5, 1, -1.5]))
  expect_equal(ops$sinc(c(0, 0.5, 1, -1.5)), c(1, 0.6366197466850281, -2.7827534054836178e-08, -0.21220658719539642), tolerance = 1e-6)
  expect_equal(op_dtype(ops$sinc(op_array(1L, "int64"))), "float32")
  expect_equal(op_dtype(ops$sinc(array(1))), "float64")
})

test_that("isneginf and isposinf test for one infinity; integers have none", {
  v <- c(-Inf, Inf, NaN, 1)
  expect_equal(ops$isneginf(v), c(TRUE, FALSE, FALSE, FALSE))
  expect_equal(ops$isposinf(v), c(FALSE, TRUE, FALSE, FALSE))
  r <- ops$isposinf(x)
  expect_equal(op_dtype(r), "bool")
  expect_equal(r, matrix(FALSE, 2, 3))
})

test_that("isreal is true for real dtypes and for complex numbers without an imaginary part", {
  expect_equal(ops$isreal(op_array(c(1 + 0i, 1 + 1i))), c(TRUE, FALSE))
  expect_equal(ops$isreal(x), matrix(TRUE, 2, 3))
})

test_that("logaddexp2 is log2(2^x1 + 2^x2) without overflow", {
  # np.logaddexp2([1, 2], [3, -1])
  expect_equal(ops$logaddexp2(c(1, 2), c(3, -1)), c(3.321928094887362, 2.169925001442312), tolerance = 1e-6)
  expect_equal(ops$logaddexp2(c(Inf, -Inf, 2000), c(Inf, -Inf, 2000)), c(Inf, -Inf, 2001))
  expect_equal(op_dtype(ops$logaddexp2(x, y)), "float32")
  expect_error(ops$logaddexp2(op_array(1i), 1), class = "type_error")
})

test_that("rad2deg converts radians to degrees, float64 for int64", {
  # np.rad2deg(np.float32([1, 2]))
  expect_equal(ops$rad2deg(c(1, 2)), c(57.2957763671875, 114.591552734375))
  expect_equal(op_dtype(ops$rad2deg(op_array(1L, "int64"))), "float64")
  expect_equal(op_dtype(ops$rad2deg(1L)), "float32")
})

test_that("erfc keeps its precision in the tail", {
  # [math.erfc(v) for v in (-3, -2, -1, 0, 1)]
  expect_equal(ops$erfc(c(-3, -2, -1, 0, 1)), c(1.9999779095030015, 1.9953222650189528, 1.842700792949715, 1, 0.15729920705028513), tolerance = 1e-7)
  # math.erfc(5)
  expect_equal(ops$erfc(array(5)), 1.5374597944280351e-12, tolerance = 1e-12)
  expect_equal(op_dtype(ops$erfc(op_array(1, "float16"))), "float16")
})

test_that("empty_like has the shape and dtype of x, or the dtype given", {
  r <- ops$empty_like(x)
  expect_equal(op_dtype(r), "int32")
  expect_equal(dim(r), c(2L, 3L))
  expect_equal(op_dtype(ops$empty_like(x, dtype = "float16")), "float16")
})

test_that("isin tests membership, with invert and assume_unique", {
  # np.isin(x, 2), np.isin(2, x, invert=True)
  expect_equal(ops$isin(x, 2L), matrix(c(FALSE, FALSE, TRUE, TRUE, FALSE, FALSE), 2))
  expect_equal(ops$isin(x, y, assume_unique = TRUE), matrix(TRUE, 2, 3))
  expect_equal(ops$isin(2L, x, invert = TRUE), FALSE)
  expect_equal(dim(ops$isin(2L, x)), NULL)
  # NaN is in nothing: np.isin([nan, 1.], [nan, 1.])
  expect_equal(ops$isin(c(NaN, 1), c(NaN, 1)), c(FALSE, TRUE))
  expect_equal(ops$isin(x, op_zeros(0L)), matrix(FALSE, 2, 3))
  expect_error(ops$isin(x, y, invert = NA), class = "type_error")
})

test_that("allclose compares floats within tolerances, integers exactly", {
  expect_equal(ops$allclose(op_array(1L), op_array(2L), rtol = 0.1, atol = 1e-8), FALSE)
  expect_equal(ops$allclose(op_array(1, "float32"), op_array(1.0000001, "float32"), rtol = 0.1), TRUE)
  expect_equal(ops$allclose(array(c(NaN, 1)), array(c(NaN, 1))), FALSE)
  expect_equal(ops$allclose(array(c(NaN, 1)), array(c(NaN, 1)), equal_nan = TRUE), TRUE)
  expect_equal(op_dtype(ops$allclose(x, y)), "bool")
})

test_that("kron is the Kronecker product", {
  # np.kron(x, y)
  expected <- rbind(c(4, 5, 6, 8, 10, 12, 12, 15, 18), c(3, 2, 1, 6, 4, 2, 9, 6, 3),
                    c(12, 15, 18, 8, 10, 12, 4, 5, 6), c(9, 6, 3, 6, 4, 2, 3, 2, 1))
  storage.mode(expected) <- "integer"
  expect_equal(ops$kron(x, y), expected)
  # np.kron([1., 2.], 3.)
  expect_equal(ops$kron(c(1, 2), 3), c(3, 6))
  r <- ops$kron(op_array(c(TRUE, FALSE)), op_array(c(TRUE, TRUE)))
  expect_equal(op_dtype(r), "bool")
  expect_equal(r, c(TRUE, TRUE, FALSE, FALSE))
})

test_that("vander gives decreasing powers by default, in x's dtype", {
  # np.vander([1, 2, 3, 5])
  expect_equal(ops$vander(array(c(1L, 2L, 3L, 5L))), rbind(c(1L, 1L, 1L, 1L), c(8L, 4L, 2L, 1L), c(27L, 9L, 3L, 1L), c(125L, 25L, 5L, 1L)))
  # np.vander([1, 2, 3, 5], N=3, increasing=True)
  expect_equal(ops$vander(array(c(1, 2, 3, 5)), N = 3L, increasing = TRUE), cbind(1, c(1, 2, 3, 5), c(1, 4, 9, 25)))
  expect_equal(dim(ops$vander(c(1, 2), N = 0L)), c(2L, 0L))
})

test_that("vander checks its arguments as Keras", {
  expect_error(ops$vander(x), "input.shape=(2, 3)", fixed = TRUE, class = "value_error")
  expect_error(ops$vander(c(1, 2), N = -1L), "nonnegative", class = "value_error")
  expect_error(ops$vander(c(1, 2), N = 1.5), "`N` must be of type `int`", class = "type_error")
  expect_error(ops$vander(c(1, 2), increasing = 1), "`increasing` must be of type `bool`", class = "type_error")
})

test_that("trapezoid integrates along an axis, with dx or sample points", {
  # np.trapezoid([[1., 2.], [3., 4.]])
  expect_equal(ops$trapezoid(rbind(c(1, 2), c(3, 4))), c(1.5, 3.5))
  # np.trapezoid([1., 2., 3.], dx=2), np.trapezoid([1., 2., 3.], x=[0, 1, 3])
  expect_equal(ops$trapezoid(c(1, 2, 3), dx = 2), 8)
  expect_equal(ops$trapezoid(c(1, 2, 3), x = c(0, 1, 3)), 6.5)
  yy <- array(1:27 / 7, c(3, 3, 3))
  xx <- array((1:27)^1.5 / 9, c(3, 3, 3))
  # np.trapezoid(yy, x=xx, axis=1), both built from the R arrays
  expect_equal(ops$trapezoid(yy, x = xx, axis = 1L),
               matrix(c(1.1962131027934402, 1.6450427918681492, 2.143277757582904, 6.725739195833979, 7.511949419553659,
                        8.326913838774248, 14.764149545120027, 15.780072926987417, 16.818371495334983), 3))
  expect_equal(ops$trapezoid(yy, axis = -3L), apply(yy, 2:3, function(v) sum((v[-1] + v[-3]) / 2)))
  expect_equal(op_dtype(ops$trapezoid(op_array(c(1L, 2L)))), "float32")
})

test_that("geomspace spaces values geometrically, floatx unless a dtype is given", {
  # np.geomspace(1, 1000, 4), np.geomspace(1, 1000, 4, endpoint=False)
  expect_equal(ops$geomspace(1, 1000, 4L), c(1, 10, 100, 1000))
  expect_equal(ops$geomspace(1, 1000, 4L, endpoint = FALSE), c(1, 5.6234130859375, 31.62277603149414, 177.82794189453125))
  expect_equal(op_dtype(ops$geomspace(1, 1000, 4L)), "float32")
  expect_equal(op_dtype(ops$geomspace(1, 1000, 4L, dtype = "float64")), "float64")
  # np.geomspace([1., 2., 3.], [1000., 2000., 3000.], 4)
  expect_equal(ops$geomspace(array(c(1, 2, 3)), array(c(1000, 2000, 3000)), 4L), outer(10^(0:3), c(1, 2, 3)), tolerance = 1e-6)
  expect_equal(ops$geomspace(array(c(1, -2)), array(c(100, -200)), 3L, axis = -1L), rbind(c(1, 10, 100), c(-2, -20, -200)), tolerance = 1e-6)
})

test_that("geomspace refuses zero and opposite signs", {
  expect_error(ops$geomspace(0, 1, 3L), "cannot include zero", class = "value_error")
  expect_error(ops$geomspace(-1, 1, 3L), "same sign", class = "value_error")
})

test_that("ptp is max minus min over axes, keeping the dtype", {
  m <- rbind(c(2, 1, 3), c(4, 0, 5))
  expect_equal(ops$ptp(m), 5)
  # np.ptp(m, axis=1), np.ptp(m, axis=-1, keepdims=True)
  expect_equal(ops$ptp(m, axis = 1L), c(2, 5))
  expect_equal(ops$ptp(m, axis = -1L, keepdims = TRUE), matrix(c(2, 5), 2))
  expect_equal(ops$ptp(m, axis = 0L), c(2, 1, 2))
  expect_equal(op_dtype(ops$ptp(op_array(c(1L, 200L), "uint8"))), "uint8")
  expect_error(ops$ptp(op_array(TRUE)), class = "type_error")
})

test_that("view reads a tensor's bytes as another dtype, the last axis scaled by the element sizes", {
  x <- op_array(array(1:3), "int32")
  # np.array([1, 2, 3], "int32").view("float32"): the denormals 1e-45, 3e-45, 4e-45.
  expect_equal(as.array(keras$ops$view(x, "float32")), array(c(1, 2, 3) * 2^-149))
  # np.array([[1, 258]], "int16").view("uint8") -> [[1, 0, 2, 1]] (little-endian bytes).
  bytes <- keras$ops$view(op_array(matrix(c(1L, 258L), 1), "int16"), "uint8")
  expect_identical(bytes$dtype, "uint8")
  expect_identical(as.array(bytes), matrix(c(1L, 0L, 2L, 1L), 1))
  expect_identical(as.array(keras$ops$view(bytes, "int16")), matrix(c(1L, 258L), 1))
  # np.float32(1).view("int32") = 1065353216; bfloat16 and float16 keep their bit patterns.
  expect_identical(as.vector(as.array(keras$ops$view(op_array(1, "float32"), "int32"))), 1065353216L)
  halves <- as.vector(as.array(keras$ops$view(op_array(array(c(1L, -1L)), "int16"), "float16")))
  expect_identical(halves[[1L]], 2^-24)
  expect_true(is.nan(halves[[2L]]))
  expect_identical(keras$ops$view(x)$dtype, "int32")
})

test_that("view refuses bytes that do not divide into the new dtype, and 0-d tensors changing size", {
  expect_bridge_error(keras$ops$view(op_array(array(1:3), "int8"), "int16"), "value_error",
                      "Cannot view array of shape (3,) and dtype int8 as dtype int16 because the total number of bytes is not divisible by the new itemsize.", fixed = TRUE)
  expect_bridge_error(keras$ops$view(op_array(1L, "int32"), "int16"), "value_error", "not divisible by the new itemsize")
  expect_bridge_error(keras$ops$view(op_array(array(2L), "uint8"), "bool"), "value_error")
})

test_that("rad2deg of uint64 is float64, as of int64", {
  result <- ops$rad2deg(op_array(array(c(1, 2)), "uint64"))
  expect_identical(result$dtype, "float64")
  expect_equal(as.vector(as.array(result)), c(1, 2) * 180 / pi)
})

test_that("geomspace broadcasts start and stop of different shapes", {
  # np.geomspace(1.0, [10.0, 100.0], num=3) = [[1, 1], [3.162278, 10], [10, 100]]
  result <- ops$geomspace(1, c(10, 100), num = 3L)
  expect_equal(as.array(result), rbind(c(1, 1), c(sqrt(10), 10), c(10, 100)), tolerance = 1e-6)
  expect_error(ops$geomspace(c(1, 0), 10, num = 3L), "cannot include zero", class = "value_error")
})

test_that("trapezoid over fewer than two samples is 0", {
  # np.trapezoid(np.zeros((2, 0))) = [0, 0]; np.trapezoid([5.0]) = 0
  expect_identical(as.vector(as.array(ops$trapezoid(op_zeros(c(2, 0))))), c(0, 0))
  expect_identical(as.vector(as.array(ops$trapezoid(op_array(array(5))))), 0)
})

test_that("fmod refuses complex numbers, as NumPy's fmod and TensorFlow's floormod", {
  expect_error(ops$fmod(op_array(3+1i, "complex64"), op_array(2+0i, "complex64")), "complex", class = "type_error")
})
