#' @include ops-image.R
NULL

# Sampling images at coordinates is the engine's (SciPy's map_coordinates of order 0 or 1, as
# Keras's NumPy backend computes it); the transforms here compute, in R, the input coordinates
# of every output pixel and sample there.

fill_modes <- c("constant", "nearest", "wrap", "mirror", "reflect")

# `values` (an R array or tensor) at the points whose 0-based coordinates along its axes are
# the rows of `coords`, given `dtype` as SciPy writes its output (floats through float32,
# integers rounded half away from zero).
sample_at <- function(values, coords, order, fill_mode, fill_value, dtype)
  .Call(krb_call6, "image_sample", values, coords, as.integer(order), fill_mode, fill_value, dtype)

# keras3 hands `fill_value` to Keras through as.integer(), so fractions are cut off.
keras3_fill_value <- function(fill_value) {
  value <- fill_number(fill_value)
  if (is.nan(value) || abs(value) > .Machine$integer.max) value else as.integer(value)
}

choice <- function(value, choices, name, wording = "Expected of one") {
  if (!is.character(value) || length(value) != 1L || !value %in% choices)
    raise_bridge_error("value_error", sprintf("Invalid value for argument `%s`. %s {%s}. Received: %s=%s", name, wording,
                                              paste0("'", choices, "'", collapse = ", "), name, shown(value)))
  value
}

sampling_order <- function(interpolation) c(nearest = 0L, bilinear = 1L)[[choice(interpolation, c("nearest", "bilinear"), "interpolation")]]

#' Sample an array at coordinates
#'
#' keras3's `op_image_map_coordinates()`: the values of `inputs` at the points `coordinates`
#' gives, as SciPy's `map_coordinates()` computes them. `coordinates` has one row (its first
#' axis) per axis of `inputs`: `coordinates[k, ...]` are 0-based positions along axis `k`, as
#' keras3 passes them. Points between pixels take the nearest one (`order = 0`) or the linear
#' blend of the pixels around them (`order = 1`); points outside take their value from the input
#' extended by `fill_mode`.
#'
#' @param inputs A tensor, variable or R array.
#' @param coordinates A tensor or R array of shape `(rank of inputs, ...)`, or a list of one
#'   array of coordinates per axis.
#' @param order `0` or `1`.
#' @param fill_mode How the input extends beyond its edges: `"constant"` (`fill_value`),
#'   `"nearest"` (the edge pixel), `"wrap"` (periodically), `"mirror"` (reflected about the edge
#'   pixel: `c d c b | a b c d | c b a b`) or `"reflect"` (reflected including it:
#'   `d c b a | a b c d | d c b a`).
#' @param fill_value The value outside with `fill_mode = "constant"`. keras3 passes it through
#'   `as.integer()`, so fractions are dropped.
#' @return A tensor of the shape of `coordinates` without its first axis, of `inputs`' dtype.
#' @family image ops
#' @examples
#' x <- matrix(c(1, 2, 3, 4), 2, byrow = TRUE)
#' # The centre of the four pixels, and a point past the right edge:
#' op_image_map_coordinates(x, rbind(c(0.5, 0), c(0.5, 2)), order = 1)
#' op_image_map_coordinates(x, rbind(c(0.5, 0), c(0.5, 2)), order = 1, fill_mode = "nearest")
#' @export
op_image_map_coordinates <- function(inputs, coordinates, order, fill_mode = "constant", fill_value = 0L) {
  x <- tensor_of(inputs)
  coords <- if (is.list(coordinates) && !is_kerasbridge_object(coordinates)) op_stack(lapply(coordinates, tensor_of)) else tensor_of(coordinates)
  fill_mode <- choice(fill_mode, fill_modes, "fill_mode", "Expected one of")
  order <- scalar_value(order)
  if (!is.numeric(order) || length(order) != 1L || !order %in% 0:1)
    raise_bridge_error("value_error", sprintf("Invalid value for argument `order`. Expected one of [0, 1]. Received: order=%s", shown(order)))
  # Only the constant fill has a value to give where an axis has none to repeat (NumPy's pad,
  # which Keras's NumPy backend extends the input with, refuses the others).
  empty <- which(as.integer(op_shape(x)) == 0L)
  if (length(empty) && fill_mode != "constant" && op_size(coords) > 0)
    raise_bridge_error("value_error", sprintf("can't extend empty axis %d using modes other than 'constant' or 'empty'. Received: fill_mode=%s, inputs.shape=%s",
                                              empty[[1L]], fill_mode, shape_text(x)))
  sample_at(x, coords, order, fill_mode, keras3_fill_value(fill_value), op_dtype(x))
}

# Each image of the channels-last batch `x` (rank 4) sampled at the input coordinates
# `source(i, y, x)` gives for output pixel rows `y` and columns `x` of image `i` (0-based): a
# list of the input rows and columns. The channel is kept. A tensor of `dtype`, sampled as
# sample_at() samples.
transform_images <- function(x, source, order, fill_mode, fill_value, dtype) {
  if (!grepl("float|int|bool", op_dtype(x)))
    raise_bridge_error("type_error", sprintf("Images must be real numbers. Received: images.dtype=%s", op_dtype(x)))
  dims <- as.integer(op_shape(x))
  values <- as.array(x)
  grid <- expand.grid(y = seq_len(dims[[2L]]) - 1, x = seq_len(dims[[3L]]) - 1, channel = seq_len(dims[[4L]]) - 1)
  out <- array(0, dims)
  for (i in seq_len(dims[[1L]])) {
    at <- source(i, grid$y, grid$x)
    # A point a projection sends nowhere (k = 0) reads fill_value in every fill mode, as
    # TensorFlow's kernel gives it.
    nowhere <- !is.finite(at[[1L]]) | !is.finite(at[[2L]])
    image <- array(values[i, , , ], dims[-1L])
    sampled <- as.array(sample_at(image, rbind(ifelse(nowhere, 0, at[[1L]]), ifelse(nowhere, 0, at[[2L]]), grid$channel),
                                  order, fill_mode, fill_value, dtype))
    sampled[nowhere] <- fill_value
    out[i, , , ] <- sampled
  }
  op_array(out, dtype)
}

# Images as a channels-last batch, and how to give the result back in the caller's form.
image_batch <- function(images, data_format) {
  input <- image_input(images, data_format)
  single <- op_ndim(input$x) == 3L
  list(x = if (single) op_expand_dims(input$x, 1L) else input$x,
       back = function(out) image_output(if (single) op_squeeze(out, 1L) else out, input$first))
}

#' Transform images
#'
#' keras3's geometric transforms of an image (rank 3) or a batch of images (rank 4). Each output
#' pixel `(x, y)` (column and row, 0-based) takes the input's value at a point the transform
#' gives, sampled as [op_image_map_coordinates()] samples:
#'
#' - `op_image_affine_transform()`: `transform` is a vector of 8 numbers
#'   `c(a0, a1, a2, b0, b1, b2, c0, c1)` (or a matrix of one row per image) mapping the output
#'   point to the input point `((a0 x + a1 y + a2) / k, (b0 x + b1 y + b2) / k)` with
#'   `k = c0 x + c1 y + 1`, as keras3's TensorFlow backend projects it (Keras's other backends
#'   take `c0` and `c1` as 0).
#' - `op_image_perspective_transform()`: the projective transform taking the four `end_points`
#'   of the output to the four `start_points` of the input (each `(x, y)`, as rows of a 4 x 2
#'   matrix, or an array `(N, 4, 2)` for a batch); points outside read `fill_value`.
#' - `op_image_elastic_transform()`: every pixel displaced by random noise smoothed with a
#'   Gaussian of `sigma` and scaled by `alpha`. The noise comes from this package's random
#'   generator (seeded by `seed`, as [random_normal()]), so it is not NumPy's.
#' - `op_image_gaussian_blur()`: the convolution with a Gaussian kernel, zeros around the image.
#'   As Keras's NumPy backend builds it, the kernel's rows come from the second entries of
#'   `kernel_size` and `sigma` and its columns from the first (the same for equal entries).
#'
#' Integer images are transformed in floats and truncated back. (Keras's NumPy backend blurs
#' them with a kernel cast to the integer dtype, all zeros; here they are blurred.)
#'
#' @inheritParams op_image_rgb_to_grayscale
#' @inheritParams op_image_map_coordinates
#' @param transform The affine transform: 8 numbers, or a matrix of 8 columns, one row per image.
#' @param interpolation `"bilinear"` or `"nearest"`.
#' @param start_points,end_points Four `(x, y)` points each: a 4 x 2 matrix, or `(N, 4, 2)`.
#' @param alpha The scale of the displacements.
#' @param sigma For the elastic transform, the standard deviation of the smoothing Gaussian; for
#'   the blur, one or two standard deviations.
#' @param seed `NULL`, a number or a seed generator, as for [random_normal()].
#' @param kernel_size One or two kernel lengths.
#' @return A tensor of the images' shape and dtype.
#' @family image ops
#' @examples
#' x <- op_reshape(op_arange(12, dtype = "float32"), c(3, 4, 1))
#' # Shift right by one column:
#' op_image_affine_transform(x, c(1, 0, -1, 0, 1, 0, 0, 0))@r[, , 1]
#' op_image_gaussian_blur(op_ones(c(4, 4, 1)))@r[, , 1]
#' square <- rbind(c(0, 0), c(0, 3), c(4, 0), c(4, 3))
#' op_image_perspective_transform(x, square, square)@r[, , 1]
#' op_shape(op_image_elastic_transform(op_ones(c(2, 16, 16, 3)), seed = 1))
#' @name op_image_affine_transform
NULL

#' @rdname op_image_affine_transform
#' @export
op_image_affine_transform <- function(images, transform, interpolation = "bilinear", fill_mode = "constant",
                                      fill_value = 0L, data_format = NULL) {
  order <- sampling_order(interpolation)
  fill_mode <- choice(fill_mode, fill_modes, "fill_mode")
  batch <- image_batch(images, data_format)
  t <- tensor_of(transform)
  if (!op_ndim(t) %in% 1:2)
    raise_bridge_error("value_error", sprintf("Invalid transform rank: expected rank 1 (single transform) or rank 2 (batch of transforms). Received input with shape: transform.shape=%s", shape_text(t)))
  rows <- matrix(as.array(op_cast(t, "float64")), ncol = axis_length(t, -1L))
  n <- axis_length(batch$x, 1L)
  if (ncol(rows) != 8L || !nrow(rows) %in% c(1L, n))
    raise_bridge_error("value_error", sprintf("`transform` must have 8 columns and one row, or one per image (%d). Received: transform.shape=%s", n, shape_text(t)))
  dtype <- op_dtype(batch$x)
  compute <- promoted_dtype(dtype, "float32")
  source <- projective_source(lapply(seq_len(nrow(rows)), function(i) rows[i, ]))
  batch$back(op_cast(transform_images(batch$x, source, order, fill_mode, keras3_fill_value(fill_value), compute), dtype))
}

# The input point (row, column) of output pixel (y, x) of image i, from the 8 coefficients
# a0, a1, a2, b0, b1, b2, c0, c1 of that image (or the one set for all): TensorFlow's projective
# transform, ((a0 x + a1 y + a2) / k, (b0 x + b1 y + b2) / k) with k = c0 x + c1 y + 1.
projective_source <- function(coefficients) function(i, y, x) {
  a <- coefficients[[min(i, length(coefficients))]]
  k <- a[[7L]] * x + a[[8L]] * y + 1
  list((a[[4L]] * x + a[[5L]] * y + a[[6L]]) / k, (a[[1L]] * x + a[[2L]] * y + a[[3L]]) / k)
}

# The 4 x 2 points of each image: an array (N, 4, 2).
corner_points <- function(points, name) {
  p <- tensor_of(points)
  dims <- as.integer(op_shape(p))
  if (!length(dims) %in% 2:3 || !identical(tail(dims, 2L), c(4L, 2L)))
    raise_bridge_error("value_error", sprintf("Invalid %s shape: expected (4,2) for a single image or (N,4,2) for a batch. Received shape: %s", name, shape_text(p)))
  values <- as.array(op_cast(p, "float64"))
  array(values, c(if (length(dims) == 2L) 1L else dims[[1L]], 4L, 2L))
}

# The 8 coefficients of the homography taking each end point to its start point.
homography <- function(start, end) {
  a <- matrix(0, 8L, 8L)
  target <- numeric(8L)
  for (k in 1:4) {
    xe <- end[k, 1L]
    ye <- end[k, 2L]
    a[2L * k - 1L, ] <- c(xe, ye, 1, 0, 0, 0, -start[k, 1L] * xe, -start[k, 1L] * ye)
    a[2L * k, ] <- c(0, 0, 0, xe, ye, 1, -start[k, 2L] * xe, -start[k, 2L] * ye)
    target[2L * k - c(1L, 0L)] <- start[k, ]
  }
  # The engine's solve: a singular system is Keras's (NumPy's) "Singular matrix".
  as.vector(as.array(op_solve(a, as.array(target))))
}

#' @rdname op_image_affine_transform
#' @export
op_image_perspective_transform <- function(images, start_points, end_points, interpolation = "bilinear",
                                           fill_value = 0L, data_format = NULL) {
  order <- sampling_order(interpolation)
  batch <- image_batch(images, data_format)
  start <- corner_points(start_points, "start_points")
  end <- corner_points(end_points, "end_points")
  if (!identical(dim(start), dim(end)) || op_ndim(tensor_of(start_points)) != op_ndim(tensor_of(end_points)))
    raise_bridge_error("value_error", sprintf("start_points and end_points must have the same shape. Received start_points.shape=%s, end_points.shape=%s",
                                              shape_text(tensor_of(start_points)), shape_text(tensor_of(end_points))))
  n <- axis_length(batch$x, 1L)
  if (!dim(start)[[1L]] %in% c(1L, n))
    raise_bridge_error("value_error", sprintf("Expected one set of points, or one per image (%d). Received: start_points.shape=%s", n, shape_text(tensor_of(start_points))))
  source <- projective_source(lapply(seq_len(dim(start)[[1L]]), function(i) homography(start[i, , ], end[i, , ])))
  dtype <- op_dtype(batch$x)
  batch$back(transform_images(batch$x, source, order, "constant", keras3_fill_value(fill_value), dtype))
}

# The normalised Gaussian of n taps, centred.
gaussian_taps <- function(n, sigma) {
  allocation_check(n, "float64", copies = 4L)
  taps <- exp(-0.5 * ((seq_len(n) - (n + 1) / 2) / sigma)^2)
  taps / sum(taps)
}

# `x` convolved along `axis` with `taps`, zeros beyond the edges (the first (length - 1) %/% 2
# taps fall before the pixel): a weighted sum of shifted copies, so that a NaN or Inf reaches
# only the pixels whose window holds it, as in SciPy's convolve2d.
convolve_axis <- function(x, axis, taps) {
  k <- length(taps)
  before <- (k - 1L) %/% 2L
  n <- axis_length(x, axis)
  if (n == 0L) return(x)
  # Only the taps whose window meets the image add anything (the rest see zeros): at most
  # 2n - 1 of them, and so at most n - 1 zeros beyond each edge, however wide the kernel.
  first <- max(0L, before - n + 1L)
  last <- min(k - 1L, before + n - 1L)
  widths <- matrix(0L, op_ndim(x), 2L)
  widths[axis, ] <- c(before - first, last - before)
  padded <- op_pad(x, widths)
  out <- NULL
  for (u in first:last) {
    term <- op_take(padded, as.array(u - first + seq_len(n)), axis = axis) * taps[[k - u]]
    out <- if (is.null(out)) term else out + term
  }
  out
}

# The channels-last batch `x` convolved along its rows and columns with these taps.
blur_batch <- function(x, row_taps, column_taps) convolve_axis(convolve_axis(x, 2L, row_taps), 3L, column_taps)

#' @rdname op_image_affine_transform
#' @export
op_image_gaussian_blur <- function(images, kernel_size = list(3L, 3L), sigma = list(1, 1), data_format = NULL) {
  size <- spatial_values(keras3_integers(kernel_size, "kernel_size"), 2L, "kernel_size")
  sigmas <- unlist(r_values(sigma))
  if (!is.numeric(sigmas) || !length(sigmas) %in% 1:2 || anyNA(sigmas) || any(sigmas <= 0))
    raise_bridge_error("value_error", sprintf("`sigma` must be one or two positive numbers. Received: sigma=%s", shown(sigma)))
  sigmas <- rep_len(sigmas, 2L)
  batch <- image_batch(images, data_format)
  dtype <- op_dtype(batch$x)
  x <- op_cast(batch$x, promoted_dtype(dtype, "float32"))
  batch$back(op_cast(blur_batch(x, gaussian_taps(size[[2L]], sigmas[[2L]]), gaussian_taps(size[[1L]], sigmas[[1L]])), dtype))
}

#' @rdname op_image_affine_transform
#' @export
op_image_elastic_transform <- function(images, alpha = 20, sigma = 5, interpolation = "bilinear", fill_mode = "reflect",
                                       fill_value = 0, seed = NULL, data_format = NULL) {
  order <- sampling_order(interpolation)
  fill_mode <- choice(fill_mode, fill_modes, "fill_mode")
  alpha <- scalar_value(alpha)
  sigma <- scalar_value(sigma)
  for (value in list(list(alpha, "alpha"), list(sigma, "sigma")))
    if (!is.numeric(value[[1L]]) || length(value[[1L]]) != 1L || !is.finite(value[[1L]]))
      raise_bridge_error("value_error", sprintf("`%s` must be a finite number. Received: %s=%s", value[[2L]], value[[2L]], shown(value[[1L]])))
  if (sigma <= 0)
    raise_bridge_error("value_error", sprintf("`sigma` must be positive. Received: sigma=%s", shown(sigma)))
  # The blur's kernel has int(6 * sigma) | 1 taps (Keras's size), built as R vectors.
  if (6 * sigma > .Machine$integer.max)
    raise_bridge_error("value_error", sprintf("`sigma` gives a blur of more taps than an R vector holds (6 * sigma). Received: sigma=%s", shown(sigma)))
  tap_count <- bitwOr(as.integer(6 * sigma), 1L)
  allocation_check(tap_count, "float64", copies = 3L)
  batch <- image_batch(images, data_format)
  dims <- as.integer(op_shape(batch$x))
  compute <- promoted_dtype(op_dtype(batch$x), "float32")
  taps <- gaussian_taps(tap_count, sigma)
  noise <- random_normal(c(2L, dims[1:3], 1L), dtype = compute, seed = seed) * sigma
  shifts <- lapply(1:2, function(j) as.array(blur_batch(op_take(noise, j, axis = 1L), taps, taps) * alpha))
  source <- function(i, y, x) {
    at <- y + 1 + dims[[2L]] * x
    list(y + shifts[[2L]][i, , , 1L][at], x + shifts[[1L]][i, , , 1L][at])
  }
  batch$back(op_cast(transform_images(batch$x, source, order, fill_mode, fill_number(fill_value), compute), op_dtype(batch$x)))
}
