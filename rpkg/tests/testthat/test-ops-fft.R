# Fourier transforms, checked against R's fft() and NumPy's values.

as_complex <- function(parts) complex(real = as.array(parts[[1L]]), imaginary = as.array(parts[[2L]]))

test_that("op_fft transforms along the last axis, as fft() does", {
  x <- c(1, 2, 3, 4)
  out <- op_fft(list(x, c(0, 0, 0, 0)))
  expect_equal(as_complex(out), fft(x))
  m <- matrix(runif(12), 3, 4)
  im <- matrix(runif(12), 3, 4)
  out <- op_fft(list(m, im))
  expect_equal(matrix(as_complex(out), 3, 4), t(mvfft(t(matrix(complex(real = m, imaginary = im), 3, 4)))))
})

test_that("op_fft keeps the parts' float dtype and refuses what Keras refuses", {
  out <- op_fft(list(op_array(c(1, 2), "float32"), op_array(c(0, 0), "float32")))
  expect_identical(op_dtype(out[[1L]]), "float32")
  expect_error(op_fft(c(1, 2)), "tuple of two tensors", class = "value_error")
  expect_error(op_fft(list(c(1, 2), c(0, 0, 0))), "same shape", class = "value_error")
  expect_error(op_fft(list(1:2, 1:2)), "not of type float", class = "value_error")
})

test_that("op_fft2 transforms the last two axes and op_ifft2 undoes it", {
  x <- array(as.double(1:24), c(2, 3, 4))
  out <- op_fft2(list(x, x * 0))
  expect_equal(as.array(out[[1L]])[1, , ], rbind(c(144, -36, -36, -36), c(-12, 0, 0, 0), c(-12, 0, 0, 0)))
  expect_equal(matrix(as_complex(out), 2)[2, ], as.vector(fft(x[2, , ])))
  back <- op_ifft2(out)
  expect_equal(as.array(back[[1L]]), x)
  expect_equal(as.array(back[[2L]]), x * 0)
})

test_that("op_rfft keeps the non-negative frequencies, padding or cutting to fft_length", {
  out <- op_rfft(c(1, 2, 3, 4))
  expect_equal(as_complex(out), fft(c(1, 2, 3, 4))[1:3])
  padded <- op_rfft(rbind(c(1, 2, 3), c(4, 5, 7)), fft_length = 4)
  expect_equal(as.array(padded[[1L]]), rbind(c(6, -2, 2), c(16, -3, 6)))
  expect_equal(as.array(padded[[2L]]), rbind(c(0, -2, 0), c(0, -5, 0)))
  expect_equal(as_complex(op_rfft(c(1, 2, 3, 4, 5), fft_length = 3)), fft(c(1, 2, 3))[1:2])
  expect_identical(op_dtype(op_rfft(op_array(c(1, 2, 3), "float32"))[[1L]]), "float32")
})

test_that("transforms of no samples are zeros, and batches of no signals keep their other axes", {
  expect_equal(lapply(op_rfft(op_zeros(0), fft_length = 4), values), list(c(0, 0, 0), c(0, 0, 0)))
  expect_identical(lapply(op_rfft(op_zeros(c(3, 0)), fft_length = 4), function(t) as.integer(op_shape(t))), list(c(3L, 3L), c(3L, 3L)))
  expect_equal(values(op_irfft(list(op_zeros(0), op_zeros(0)), fft_length = 4)), c(0, 0, 0, 0))
  expect_identical(lapply(op_stft(op_zeros(c(0, 8)), 4, 2, 4), function(t) as.integer(op_shape(t))), list(c(0L, 5L, 3L), c(0L, 5L, 3L)))
})

test_that("op_stft cannot reflect an empty signal, as NumPy's padding cannot", {
  expect_error(op_stft(op_zeros(c(3, 0)), 4, 2, 4), "empty axis", class = "value_error")
  expect_identical(as.integer(op_shape(op_stft(op_zeros(c(3, 0)), 4, 2, 4, center = FALSE)[[1L]])), c(3L, 0L, 3L))
})

test_that("op_irfft gives back the real signal, of even or odd length", {
  expect_equal(values(op_irfft(op_rfft(c(1, 2, 3, 4)))), c(1, 2, 3, 4))
  expect_equal(values(op_irfft(op_rfft(c(1, 2, 3, 4, 5)), fft_length = 5)), c(1, 2, 3, 4, 5))
  signals <- matrix(runif(12), 2, 6)
  expect_equal(as.array(op_irfft(op_rfft(signals))), signals)
  expect_error(op_irfft(list(c(1, 2), c(0, 0)), fft_length = 0), class = "value_error")
})

test_that("op_extract_sequences cuts frames along the last axis", {
  expect_equal(as.array(op_extract_sequences(1:6, 3, 2)), rbind(1:3, 3:5))
  x <- rbind(1:8, 11:18)
  out <- op_extract_sequences(x, 4, 2)
  expect_equal(as.integer(op_shape(out)), c(2L, 3L, 4L))
  expect_equal(as.array(out)[2, 3, ], 15:18)
  expect_equal(as.integer(op_shape(op_extract_sequences(1:3, 5, 1))), c(0L, 5L))
  expect_error(op_extract_sequences(1:6, 0, 1), class = "value_error")
})

test_that("op_stft transforms windowed frames of the reflected, padded signal", {
  x <- sin(seq(0, 20, length.out = 64))
  out <- op_stft(array(x), sequence_length = 16, sequence_stride = 8, fft_length = 16)
  expect_equal(as.integer(op_shape(out[[1L]])), c(9L, 9L))
  padded <- c(x[9:2], x, x[63:56])
  hann <- 0.5 - 0.5 * cos(2 * pi * (0:15) / 16)
  spectrum <- as_complex(out)
  dim(spectrum) <- c(9L, 9L)
  expect_equal(spectrum[3, ], fft(padded[17:32] * hann)[1:9])
})

test_that("op_stft centres a shorter window in the frame and takes weights or no window", {
  x <- cos(seq(0, 10, length.out = 40))
  out <- op_stft(array(x), sequence_length = 6, sequence_stride = 5, fft_length = 10, window = NULL, center = FALSE)
  expect_equal(as.integer(op_shape(out[[1L]])), c(7L, 6L))
  spectrum <- matrix(as_complex(out), 7L)
  expect_equal(spectrum[2, ], fft(x[6:15])[1:6])
  weights <- runif(6)
  weighted <- matrix(as_complex(op_stft(array(x), 6, 5, 10, window = weights, center = FALSE)), 7L)
  expect_equal(weighted[1, ], fft(x[1:10] * c(0, 0, weights, 0, 0))[1:6])
})

test_that("op_istft inverts op_stft, over a batch, trimmed to `length`", {
  x <- rbind(sin(seq(0, 20, length.out = 64)), cos(seq(0, 9, length.out = 64)))
  for (window in list("hann", "hamming", runif(16))) {
    spectrum <- op_stft(x, 16, 4, 32, window = window)
    expect_equal(as.array(op_istft(spectrum, 16, 4, 32, length = 64, window = window)), x)
  }
  out <- op_istft(op_stft(array(x[1, ]), 16, 8, 16), 16, 8, 16)
  expect_equal(as.vector(as.array(out)), x[1, ])
})

test_that("a named window of one point is 1, as SciPy's get_window, so op_istft inverts frames of one sample", {
  x <- c(0, 1, 2, 3, 4)
  expect_equal(as.vector(as.array(op_istft(op_stft(x, 1, 1, 1), 1, 1, 1))), x)
  expect_equal(as.vector(as.array(op_stft(x, 1, 1, 1, window = "hamming")[[1L]])), x)
})

test_that("op_istft without a window adds the overlapping frames up, as Keras does", {
  x <- rbind(sin(seq(0, 20, length.out = 64)))
  out <- as.array(op_istft(op_stft(x, 16, 4, 32, window = NULL), 16, 4, 32, length = 64, window = NULL))
  # Where eight frames of 32 samples overlap, one every 4 samples.
  expect_equal(out[, 20:45], 8 * x[, 20:45])
})

test_that("op_stft refuses what Keras refuses", {
  expect_error(op_stft(runif(64), 16, 1.5, 16), "`sequence_stride` must be a positive integer", class = "value_error")
  expect_error(op_istft(list(rbind(c(1, 2)), rbind(c(3, 4))), 2, 0, 4), "`sequence_stride` must be a positive integer", class = "value_error")
  expect_error(op_stft(1:64, 16, 8, 16), "Invalid input type", class = "type_error")
  expect_error(op_stft(runif(64), 16, 8, 8), "must equal or larger", class = "value_error")
  expect_error(op_stft(runif(64), 16, 8, 16, window = "boxcar"), "must be one of", class = "value_error")
  expect_error(op_stft(runif(64), 16, 8, 16, window = runif(4)), "shape of `window`", class = "value_error")
})

test_that("review: op_stft reflects a short signal again and again, as NumPy's reflect padding", {
  out <- op_stft(c(1, 2, 3), 4, 1, 8, window = NULL)
  padded <- c(1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3)
  expect_equal(matrix(as_complex(out), 4L)[1, ], fft(padded[1:8])[1:5])
  expect_error(op_rfft(op_zeros(c(2, 0))), "FFT data points", class = "value_error")
})

test_that("the FFT ops take a plain R vector as keras3 hands it to Keras, a list of numbers in config_floatx()", {
  expect_identical(op_dtype(op_rfft(c(1, 2, 3, 4))[[1L]]), "float32")
  expect_identical(op_dtype(op_fft(list(c(1, 2, 3, 4), c(0, 0, 0, 0)))[[1L]]), "float32")
  expect_identical(op_dtype(op_extract_sequences(c(1, 2, 3, 4, 5, 6), 3, 2)), "float32")
  expect_identical(op_dtype(op_rfft(array(c(1, 2, 3, 4)))[[1L]]), "float64")
})

test_that("op_rfft refuses complex signals and a scalar, op_extract_sequences a scalar, in Keras's words", {
  expect_bridge_error(op_rfft(c(1 + 1i, 2 - 1i)), "type_error", "`rfft` does not support dtype complex128.", fixed = TRUE)
  expect_bridge_error(op_rfft(op_array(5, "float32")), "value_error", "Input should have rank >= 1. Received: input.shape = ()", fixed = TRUE)
  expect_bridge_error(op_extract_sequences(op_array(5, "float32"), 1, 1), "value_error",
                      "Input should have rank >= 1. Received: input.shape = ()", fixed = TRUE)
})

test_that("op_fft2, op_ifft2 and op_istft refuse a vector in Keras's words, with its shape as Python prints it", {
  pair <- list(array(1, 3), array(0, 3))
  expected <- "Input should have rank >= 2. Received: input.shape = (3,)"
  expect_bridge_error(op_fft2(pair), "value_error", expected, fixed = TRUE)
  expect_bridge_error(op_ifft2(pair), "value_error", expected, fixed = TRUE)
  expect_bridge_error(op_istft(pair, 2, 1, 2), "value_error", expected, fixed = TRUE)
})

test_that("frames or transforms too large to hold are a memory_error before anything is allocated", {
  expect_bridge_error(op_extract_sequences(array(0, 1e5), 5e4, 1), "memory_error", "Unable to allocate")
  expect_bridge_error(op_istft(list(array(1, c(3, 3)), array(1, c(3, 3))), 4, 1, 2e9), "memory_error", "Unable to allocate")
})

test_that("lengths with a large prime factor transform as R's fft() does, without its quadratic time", {
  set.seed(3)
  # 2018 = 2 * 1009: the engine goes through Bluestein's algorithm.
  z <- matrix(complex(real = rnorm(2 * 2018), imaginary = rnorm(2 * 2018)), 2)
  expect_equal(matrix(as_complex(op_fft(list(Re(z), Im(z)))), 2), t(stats::mvfft(t(z))), tolerance = 1e-10)
  back <- op_ifft2(list(array(Re(z), c(2, 1, 2018)), array(Im(z), c(2, 1, 2018))))
  expect_equal(matrix(as_complex(back), 2), t(stats::mvfft(t(z), inverse = TRUE)) / 2018, tolerance = 1e-10)
  # 1e6 + 3 is prime: R's fft() would take hours.
  spectrum <- op_rfft(c(1, 2, 3), fft_length = 1e6 + 3)
  expect_equal(as.vector(as.array(spectrum[[1L]]))[1:2], c(6, 6), tolerance = 1e-6)
})

test_that("transforms whose arrays memory could not hold are a memory_error before they are built", {
  expect_bridge_error(op_rfft(op_ones(10), fft_length = 2^31 - 1), "memory_error", "Unable to allocate")
  expect_bridge_error(op_irfft(list(matrix(0, 1e4, 2), matrix(0, 1e4, 2)), fft_length = 1e9), "memory_error", "Unable to allocate")
  expect_bridge_error(op_stft(op_ones(1e6), sequence_length = 1e5, sequence_stride = 1, fft_length = 1e5), "memory_error", "Unable to allocate")
})

test_that("op_istft with a stride beyond R's integers is a memory_error, not R's integer overflow", {
  frames <- list(op_ones(c(3, 5)), op_zeros(c(3, 5)))
  expect_error(op_istft(frames, 8, .Machine$integer.max, 8), class = "memory_error")
})


test_that("op_extract_sequences takes a stride near .Machine$integer.max as one frame, without an integer overflow", {
  expect_equal(as.array(op_extract_sequences(c(1, 2, 3, 4, 5, 6, 7, 8), 2L, .Machine$integer.max)), rbind(c(1, 2)))
})

test_that("op_istft with a length past the signal keeps what there is, as Keras slices, without an integer overflow", {
  frames <- list(op_ones(c(5, 3)), op_zeros(c(5, 3)))
  expect_identical(op_shape(op_istft(frames, 8L, 2L, 8L, length = .Machine$integer.max)), shape(12))
})

test_that("op_irfft of an empty batch has fft_length points per signal, of one or two too", {
  z <- op_zeros(c(0, 3))
  expect_identical(as.integer(op_shape(op_irfft(list(z, z), 2L))), c(0L, 2L))
  expect_identical(as.integer(op_shape(op_irfft(list(z, z), 1L))), c(0L, 1L))
})
