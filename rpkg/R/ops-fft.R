#' @include ops-counting.R
NULL

# Keras's check of the rank the FFT and signal ops' inputs need.
require_input_rank <- function(x, rank) {
  if (op_ndim(x) < rank)
    raise_bridge_error("value_error", sprintf("Input should have rank >= %d. Received: input.shape = %s", rank, shape_text(x)))
}

# Fourier transforms computed by the engine along the last axis (or the last two), in float64
# (complex128); each result then takes the dtype Keras gives it.

# The engine's transform of the complex tensor `z` along `axis`, NumPy's fft or ifft (scaled by
# 1 / n); complex128 from complex128, complex64 otherwise.
fft_along <- function(z, axis, inverse) .Call(krb_call3, "fft_along_axis", z, axis, inverse)

# keras3's complex input for the FFT ops: a list of the real and the imaginary part, floats of
# one shape. Returns the complex tensor (complex64, complex128 from a float64 part), its dims and
# the parts' dtype.
complex_pair <- function(x) {
  received <- function() shown(x, nlines = 1L, width.cutoff = 60L)
  if (!is.list(x) || length(x) != 2L)
    raise_bridge_error("value_error", sprintf("Input `x` should be a tuple of two tensors - real and imaginary. Received: x=%s", received()))
  real <- tensor_of(x[[1L]])
  imag <- tensor_of(x[[2L]])
  if (!identical(as.integer(op_shape(real)), as.integer(op_shape(imag))))
    raise_bridge_error("value_error", sprintf("Input `x` should be a tuple of two tensors - real and imaginary. Both the real and imaginary parts should have the same shape. Received: x[0].shape = %s, x[1].shape = %s",
                                              shape_text(real), shape_text(imag)))
  if (!grepl("float", op_dtype(real)) || !grepl("float", op_dtype(imag)))
    raise_bridge_error("value_error", sprintf("At least one tensor in input `x` is not of type float. Received: dtypes %s and %s", op_dtype(real), op_dtype(imag)))
  require_input_rank(real, 1L)
  list(z = .Call(krb_call2, "complex_from_parts", real, imag), dim = as.integer(op_shape(real)), dtype = op_dtype(real))
}

# The parts of the complex tensor `z`, in `dtype`.
complex_result <- function(z, dtype) list(op_cast(op_real(z), dtype), op_cast(op_imag(z), dtype))

#' Fourier transforms
#'
#' keras3's FFT ops. Complex values go in and out as keras3 passes them: a list of two float
#' tensors, the real and the imaginary part.
#'
#' - `op_fft()` is the discrete Fourier transform along the last axis; `op_fft2()` along the last
#'   two, and `op_ifft2()` its inverse (scaled by `1 / n`).
#' - `op_rfft()` transforms real `x` along its last axis (cut or padded with zeros to
#'   `fft_length`), keeping the `fft_length %/% 2 + 1` non-negative frequencies;
#'   `op_irfft()` inverts it, giving `fft_length` real values (default `2 * (m - 1)`).
#' - `op_extract_sequences()` cuts the last axis of `x` into frames of `sequence_length`
#'   elements, one every `sequence_stride`: shape `(..., frames, sequence_length)`.
#'
#' @param x For `op_fft()`, `op_fft2()`, `op_ifft2()` and `op_irfft()`, `list(real, imag)`; for
#'   `op_rfft()` and `op_extract_sequences()`, a real tensor, variable or R array.
#' @param fft_length `NULL`, or the length of the transform.
#' @param sequence_length,sequence_stride The frame length and the step between frames.
#' @return `list(real, imag)` of tensors of the parts' dtype; `op_irfft()` and
#'   `op_extract_sequences()` a tensor.
#' @family math ops
#' @examples
#' op_fft(list(c(1, 2, 3, 4), c(0, 0, 0, 0)))
#' op_rfft(c(1, 2, 3, 4))
#' op_irfft(op_rfft(c(1, 2, 3, 4)))
#' op_extract_sequences(1:6, 3, 2)
#' @name op_fft
NULL

#' @rdname op_fft
#' @export
op_fft <- function(x) {
  input <- complex_pair(x)
  complex_result(fft_along(input$z, -1L, inverse = FALSE), input$dtype)
}

# A transform over the last two axes of `x` (list(real, imag)).
fft_last_two <- function(x, inverse) {
  input <- complex_pair(x)
  rank <- length(input$dim)
  if (rank < 2L)
    raise_bridge_error("value_error", sprintf("Input should have rank >= 2. Received: input.shape = %s", tuple_text(input$dim)))
  complex_result(fft_along(fft_along(input$z, -1L, inverse), -2L, inverse), input$dtype)
}

#' @rdname op_fft
#' @export
op_fft2 <- function(x) fft_last_two(x, inverse = FALSE)

#' @rdname op_fft
#' @export
op_ifft2 <- function(x) fft_last_two(x, inverse = TRUE)

# Refuses signals of `n` samples along the last of `dims` whose transforms (the engine's complex
# float64 lines and results, and the parts R takes from them) memory could not hold.
signals_of_length <- function(dims, n) allocation_check(c(prod(as.numeric(dims[-length(dims)])), n), "complex128", copies = 4L)

# `fft_length` as keras3 takes it, or the default.
transform_length <- function(fft_length, default) {
  if (is.null(fft_length)) return(default)
  n <- whole_number(fft_length, "fft_length")
  if (n < 1L) raise_bridge_error("value_error", sprintf("Invalid number of FFT data points (%d) specified.", n))
  n
}

#' @rdname op_fft
#' @export
op_rfft <- function(x, fft_length = NULL) {
  # A transform of real signals: TensorFlow and JAX refuse complex ones.
  x <- floating(real_tensor(x, "rfft"))
  dims <- as.integer(op_shape(x))
  require_input_rank(x, 1L)
  n <- transform_length(fft_length, dims[[length(dims)]])
  if (n < 1L) raise_bridge_error("value_error", sprintf("Invalid number of FFT data points (%d) specified.", n))
  signals_of_length(dims, n)
  complex_result(.Call(krb_call3, "rfft_along_axis", x, -1L, n), op_dtype(x))
}

#' @rdname op_fft
#' @export
op_irfft <- function(x, fft_length = NULL) {
  input <- complex_pair(x)
  m <- input$dim[[length(input$dim)]]
  n <- transform_length(fft_length, 2L * (m - 1L))
  if (n < 1L) raise_bridge_error("value_error", sprintf("Invalid number of FFT data points (%d) specified.", n))
  signals_of_length(input$dim, n)
  # NumPy's irfft: the negative frequencies mirror the kept ones, as a real signal's spectrum
  # is Hermitian; the imaginary parts of the zero and Nyquist terms are dropped.
  op_cast(.Call(krb_call3, "irfft_along_axis", input$z, -1L, n), input$dtype)
}

#' @rdname op_fft
#' @export
op_extract_sequences <- function(x, sequence_length, sequence_stride) {
  x <- tensor_of(x)
  require_input_rank(x, 1L)
  length <- whole_number(sequence_length, "sequence_length")
  stride <- whole_number(sequence_stride, "sequence_stride")
  if (length < 1L || stride < 1L)
    raise_bridge_error("value_error", sprintf("`sequence_length` and `sequence_stride` must be positive. Received: sequence_length=%d, sequence_stride=%d", length, stride))
  n <- axis_length(x, -1L)
  # In doubles: with a stride near .Machine$integer.max, n + stride passes R's integers.
  frames <- max(0, (n - (length - as.numeric(stride))) %/% stride)
  starts <- (seq_len(frames) - 1L) * stride
  allocation_check(c(frames, length), "float64", copies = 2L)
  positions <- as.vector(outer(seq_len(length), starts, `+`))
  framed <- op_take(x, as.array(as.integer(positions)), axis = -1L)
  dims <- as.integer(op_shape(x))
  op_reshape(framed, c(dims[-length(dims)], frames, length))
}

#' Short-time Fourier transforms
#'
#' keras3's `op_stft()`: the Fourier transform of overlapping frames of the last axis of `x`
#' (float32 or float64), as Keras computes it with SciPy: frames of `fft_length` samples, one
#' every `sequence_stride`, each multiplied by `window` (`sequence_length` points, centred in the
#' frame) and transformed with [op_rfft()]. With `center = TRUE`, `x` is first padded by
#' `fft_length %/% 2` samples at each end, reflected. The result is `list(real, imag)` of shape
#' `(..., frames, fft_length %/% 2 + 1)`. `op_istft()` inverts it by overlapping and adding the
#' frames, divided by the window's overlapping squares, and keeps `length` samples (by default
#' as many as `op_stft()` was given).
#'
#' @param x For `op_stft()`, a float tensor, variable or R array; for `op_istft()`,
#'   `list(real, imag)` as `op_stft()` returns it.
#' @param sequence_length The window's length.
#' @param sequence_stride The step between frames.
#' @param fft_length The frame length and the length of each transform (at least
#'   `sequence_length`).
#' @param length `NULL`, or the number of samples `op_istft()` returns.
#' @param window `"hann"` or `"hamming"` (periodic, as SciPy's `get_window()`), a vector of
#'   `sequence_length` weights, or `NULL` for none.
#' @param center Whether the signal was padded so that frames are centred on their times.
#' @return `op_stft()`: `list(real, imag)`; `op_istft()`: a tensor.
#' @family math ops
#' @examples
#' x <- sin(seq(0, 20, length.out = 64))
#' spectrum <- op_stft(x, sequence_length = 16, sequence_stride = 8, fft_length = 16)
#' op_shape(spectrum[[1]])
#' op_istft(spectrum, sequence_length = 16, sequence_stride = 8, fft_length = 16)
#' @name op_stft
NULL

# The window of `fft_length` points Keras frames with: `window` (a name or weights) of
# `sequence_length` points, padded with zeros to centre it; all ones without one.
stft_window <- function(window, sequence_length, fft_length) {
  if (is.null(window)) return(rep(1, fft_length))
  if (is.character(window)) {
    if (length(window) != 1L || !window %in% c("hann", "hamming"))
      raise_bridge_error("value_error", sprintf("If a string is passed to `window`, it must be one of `\"hann\"`, `\"hamming\"`. Received: window=%s", shown(window)))
    k <- seq_len(sequence_length) - 1
    weights <- if (window == "hann") 0.5 - 0.5 * cos(2 * pi * k / sequence_length) else 0.54 - 0.46 * cos(2 * pi * k / sequence_length)
    # SciPy's get_window(), which Keras calls, gives a window of one point as 1 (so does TensorFlow).
    if (sequence_length == 1L) weights <- 1
  } else {
    weights <- numbers_of(window, "window")
    if (length(dim(weights)) > 1L || length(weights) != sequence_length)
      raise_bridge_error("value_error", sprintf("The shape of `window` must be equal to [sequence_length]. Received: window shape=%s", shape_text(keras_tensor(as_array(window)))))
  }
  left <- (fft_length - sequence_length) %/% 2L
  c(rep(0, left), c(weights), rep(0, fft_length - sequence_length - left))
}

# The frame lengths keras3 takes, checked.
stft_lengths <- function(sequence_length, sequence_stride, fft_length) {
  if (!is.numeric(sequence_stride) || length(sequence_stride) != 1L || is.na(sequence_stride) ||
      sequence_stride != trunc(sequence_stride) || sequence_stride <= 0)
    raise_bridge_error("value_error", sprintf("`sequence_stride` must be a positive integer. Received: sequence_stride=%s", shown(sequence_stride)))
  lengths <- list(sequence_length = whole_number(sequence_length, "sequence_length"),
                  sequence_stride = whole_number(sequence_stride, "sequence_stride"),
                  fft_length = whole_number(fft_length, "fft_length"))
  if (any(unlist(lengths) < 1L))
    raise_bridge_error("value_error", sprintf("Frame lengths and strides must be positive. Received: %s", paste(names(lengths), unlist(lengths), sep = "=", collapse = ", ")))
  if (lengths$fft_length < lengths$sequence_length)
    raise_bridge_error("value_error", sprintf("`fft_length` must equal or larger than `sequence_length`. Received: sequence_length=%d, fft_length=%d",
                                              lengths$sequence_length, lengths$fft_length))
  lengths
}

#' @rdname op_stft
#' @export
op_stft <- function(x, sequence_length, sequence_stride, fft_length, window = "hann", center = TRUE) {
  x <- tensor_of(x)
  if (!op_dtype(x) %in% c("float32", "float64"))
    raise_bridge_error("type_error", sprintf("Invalid input type. Expected `float32` or `float64`. Received: input type=%s", op_dtype(x)))
  require_input_rank(x, 1L)
  lengths <- stft_lengths(sequence_length, sequence_stride, fft_length)
  n_fft <- lengths$fft_length
  dims <- as.integer(op_shape(x))
  signals_of_length(dims, n_fft)
  window <- stft_window(window, lengths$sequence_length, n_fft)
  center <- flag(center, "center")
  if (center && dims[[length(dims)]] == 0L)
    raise_bridge_error("value_error", sprintf("can't extend empty axis %d using modes other than 'constant' or 'empty'", length(dims) - 1L))
  # Counted from the lengths, not from the result: a batch of no signals has frames too.
  padded_length <- dims[[length(dims)]] + if (center) 2 * (n_fft %/% 2L) else 0
  frames <- max(0, (padded_length - n_fft) %/% lengths$sequence_stride + 1)
  allocation_check(c(prod(as.numeric(dims[-length(dims)])), frames, n_fft %/% 2L + 1L), "complex128", copies = 2L)
  # The engine pads with NumPy's reflect padding (mirrored about the end samples, again and again
  # for a short signal), windows each frame in float64 and transforms it: (..., frames, bins).
  padding <- if (center) n_fft %/% 2L else 0L
  complex_result(.Call(krb_call5, "stft_frames", x, n_fft, lengths$sequence_stride, window, padding), op_dtype(x))
}

#' @rdname op_stft
#' @export
op_istft <- function(x, sequence_length, sequence_stride, fft_length, length = NULL, window = "hann", center = TRUE) {
  input <- complex_pair(x)
  if (base::length(input$dim) < 2L)
    raise_bridge_error("value_error", sprintf("Input should have rank >= 2. Received: input.shape = %s", tuple_text(input$dim)))
  lengths <- stft_lengths(sequence_length, sequence_stride, fft_length)
  n_fft <- lengths$fft_length
  stride <- lengths$sequence_stride
  center <- flag(center, "center")
  rank <- base::length(input$dim)
  frames <- input$dim[[rank - 1L]]
  batch <- input$dim[seq_len(rank - 2L)]
  count <- prod(batch)
  allocation_check(c(count, frames, n_fft), "complex128", copies = 2L)
  weights <- stft_window(window, lengths$sequence_length, n_fft)
  # In doubles: a stride near .Machine$integer.max times the frames passes R's integers.
  total <- n_fft + as.numeric(stride) * (frames - 1L)
  # Each frame back to samples (SciPy's inverse scaled by the window's sum), windowed, added
  # where frames overlap, and divided by the overlapping squares of the window.
  signal <- .Call(krb_call3, "irfft_along_axis", op_cast(input$z, "complex128"), -1L, n_fft)
  frames_of <- array(as.array(signal) * sum(weights), c(count, frames, n_fft))
  # The overlap-added signal and its normalisation, as R arrays, and their quotient.
  allocation_check(c(count + 1, total), "float64", copies = 3L)
  out <- matrix(0, count, total)
  norm <- numeric(total)
  for (t in seq_len(frames)) {
    at <- (t - 1) * as.numeric(stride) + seq_len(n_fft)
    out[, at] <- out[, at] + frames_of[, t, ] * rep(weights, each = count)
    norm[at] <- norm[at] + weights^2
  }
  out <- out / rep(ifelse(norm > 1e-10, norm, 1), each = count) / if (is.null(window)) stride else sum(weights)
  # In doubles: a `length` near .Machine$integer.max past the start passes R's integers.
  start <- if (center) n_fft %/% 2 else 0
  end <- if (!is.null(length)) start + whole_number(length, "length") else if (center) total - n_fft %/% 2L else total
  keep <- seq.int(start + 1L, length.out = max(0L, min(end, total) - start))
  op_array(array(out[, keep], c(batch, base::length(keep))), input$dtype)
}
