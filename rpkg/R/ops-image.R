#' @include ops-convolution.R
NULL

# keras3's image ops, computed as Keras's NumPy backend computes them: images of rank 3 (one
# image) or 4 (a batch), channels last unless `data_format` puts them first. Pixel positions
# and coordinates are 0-based, as keras3 hands them to Keras unconverted. Colour conversions,
# resizing, cropping and patches are engine ops on the whole tensor; sampling at coordinates
# (map_coordinates and the transforms built on it) reads the pixels in R.

# The images as a channels-last tensor, and whether they came channels first.
image_input <- function(images, data_format) {
  first <- channels_first(data_format)
  x <- tensor_of(images)
  if (!op_ndim(x) %in% 3:4)
    raise_bridge_error("value_error", sprintf("Invalid images rank: expected rank 3 (single image) or rank 4 (batch of images). Received input with shape: images.shape=%s", shape_text(x)))
  list(x = if (first) op_moveaxis(x, -3L, -1L) else x, first = first)
}

# Back to the caller's order.
image_output <- function(x, first) if (first) op_moveaxis(x, -1L, -3L) else x

# The image's channels: a list of one tensor per channel, the channel axis dropped.
channel_planes <- function(x) lapply(seq_len(axis_length(x, -1L)), function(j) op_take(x, j, axis = -1L))

float_images <- function(x) {
  if (!grepl("float", op_dtype(x)))
    raise_bridge_error("value_error", sprintf("Invalid images dtype: expected float dtype. Received: images.dtype=%s", op_dtype(x)))
  x
}

#' Colour conversions of images
#'
#' keras3's conversions between colour spaces, over the channel axis of an image (rank 3) or a
#' batch of images (rank 4), as Keras computes them:
#'
#' - `op_image_rgb_to_grayscale()`: the weighted sum `0.2989 R + 0.5870 G + 0.1140 B` (the
#'   channel axis kept, of length 1), in the images' dtype (integers computed in floats and
#'   truncated back); a one-channel image is returned as it is.
#' - `op_image_rgb_to_hsv()` and `op_image_hsv_to_rgb()`: hue, saturation and value, each in
#'   `[0, 1]`, for float images.
#'
#' @param images An image or a batch of images: a tensor, variable or R array.
#' @param data_format `"channels_last"` (`(batch, height, width, channels)`) or
#'   `"channels_first"` (`(batch, channels, height, width)`); `NULL` is
#'   [config_image_data_format()] (`"channels_last"` unless set).
#' @return A tensor of the images' shape (one channel for grayscale) and dtype.
#' @family image ops
#' @examples
#' rgb <- array(c(1, 0, 0, 0, 1, 0, 0, 0, 1), c(1, 3, 3))  # red, green and blue pixels
#' op_image_rgb_to_grayscale(rgb)
#' hsv <- op_image_rgb_to_hsv(rgb)
#' hsv
#' op_image_hsv_to_rgb(hsv)
#' @name op_image_rgb_to_grayscale
NULL

#' @rdname op_image_rgb_to_grayscale
#' @export
op_image_rgb_to_grayscale <- function(images, data_format = NULL) {
  input <- image_input(images, data_format)
  x <- input$x
  channels <- axis_length(x, -1L)
  if (!channels %in% c(1L, 3L))
    raise_bridge_error("value_error", sprintf("Invalid channel size: expected 3 (RGB) or 1 (Grayscale). Received input with shape: images.shape=%s", shape_text(tensor_of(images))))
  if (channels == 1L) return(image_output(x, input$first))
  compute <- float_dtype(op_dtype(x))
  weights <- op_array(matrix(c(0.2989, 0.5870, 0.1140), 3L), compute)
  image_output(op_cast(op_matmul(op_cast(x, compute), weights), op_dtype(x)), input$first)
}

#' @rdname op_image_rgb_to_grayscale
#' @export
op_image_rgb_to_hsv <- function(images, data_format = NULL) {
  input <- image_input(images, data_format)
  x <- float_images(input$x)
  dtype <- op_dtype(x)
  # Values within the dtype's machine epsilon of zero count as zero, as Keras's (dm_pix's).
  x <- op_where(op_abs(x) < float_epsilon(dtype), 0, x)
  planes <- channel_planes(x)
  if (length(planes) != 3L)
    raise_bridge_error("value_error", sprintf("Input images must have 3 channels, but received images with %d channels.", length(planes)))
  r <- planes[[1L]]
  g <- planes[[2L]]
  b <- planes[[3L]]
  value <- op_maximum(op_maximum(r, g), b)
  range <- value - op_minimum(op_minimum(r, g), b)
  saturation <- op_where(value > 0, range / op_where(value > 0, value, 1), 0)
  norm <- 1 / (6 * op_where(range > 0, range, 1))
  hue <- op_where(value == g, norm * (b - r) + 2 / 6, norm * (r - g) + 4 / 6)
  hue <- op_where(value == r, norm * (g - b), hue)
  hue <- op_where(range > 0, hue, 0) + op_cast(hue < 0, dtype)
  image_output(op_cast(op_stack(list(hue, saturation, value), axis = -1L), dtype), input$first)
}

#' @rdname op_image_rgb_to_grayscale
#' @export
op_image_hsv_to_rgb <- function(images, data_format = NULL) {
  input <- image_input(images, data_format)
  x <- float_images(input$x)
  planes <- channel_planes(x)
  if (length(planes) != 3L)
    raise_bridge_error("value_error", sprintf("Input images must have 3 channels, but received images with %d channels.", length(planes)))
  saturation <- planes[[2L]]
  value <- planes[[3L]]
  sector <- op_mod(planes[[1L]], 1) * 6
  ramps <- list(op_abs(sector - 3) - 1, 2 - op_abs(sector - 2), 2 - op_abs(sector - 4))
  rgb <- lapply(ramps, function(ramp) value * (1 - saturation + saturation * op_clip(ramp, 0, 1)))
  image_output(op_cast(op_stack(rgb, axis = -1L), op_dtype(x)), input$first)
}

# The machine epsilon of a float dtype (NumPy's finfo(dtype).eps).
float_epsilon <- function(dtype) switch(dtype, float16 = 2^-10, bfloat16 = 2^-7, float32 = 2^-23, 2^-52)

# keras3's integer arguments as R integers. keras3 hands them to Keras through as.integer(),
# which cuts fractions off; they are refused instead, as Keras refuses a float.
keras3_integers <- function(x, name) r_integers(whole_values(x, name), x, name)

# A fill value: one number, NaN included (TRUE and FALSE count as 1 and 0, as in Python).
fill_number <- function(fill_value) {
  value <- scalar_value(fill_value)
  if (!is.numeric(value) && !is.logical(value) || length(value) != 1L || is.na(value) && !is.nan(value))
    raise_bridge_error("type_error", sprintf("`fill_value` must be a number. Received: fill_value=%s", shown(value)))
  as.double(value)
}

# ---- resizing

# Keras's resampling kernels, of the distance in input pixels.
resize_kernel <- function(interpolation) switch(interpolation,
  bilinear = function(x) pmax(0, 1 - abs(x)),
  bicubic = function(x) ifelse(x >= 2, 0, ifelse(x >= 1, ((-0.5 * x + 2.5) * x - 4) * x + 2, ((1.5 * x - 2.5) * x) * x + 1)),
  lanczos3 = function(x) lanczos(3, x),
  lanczos5 = function(x) lanczos(5, x))

lanczos <- function(radius, x) {
  y <- radius * sin(pi * x) * sin(pi * x / radius)
  ifelse(x > radius, 0, ifelse(x > 1e-3, y / ifelse(x != 0, pi^2 * x^2, 1), 1))
}

# How far, in input pixels, each kernel reaches at scale 1 (its weights are 0 beyond).
resize_reach <- c(bilinear = 1, bicubic = 2, lanczos3 = 3, lanczos5 = 5)

# The weights taking input pixels `inputs` (0-based) of an axis of m to the output pixels
# whose centres map back to `sample`: the kernel's weights there, normalised (as
# jax.image.scale_and_translate), one column per output pixel. With antialias a shrinking
# kernel is widened by the scale (`kernel_scale`), so that it averages every pixel it covers.
resize_weights <- function(inputs, sample, m, kernel, kernel_scale) {
  weights <- kernel(abs(outer(inputs, sample, function(i, s) s - i)) / kernel_scale)
  dim(weights) <- c(length(inputs), length(sample))
  totals <- colSums(weights)
  weights <- sweep(weights, 2L, ifelse(totals != 0, totals, 1), "/")
  weights[, abs(totals) <= 1000 * 2^-23 | sample < -0.5 | sample > m - 0.5] <- 0
  weights
}

# Output pixels per block of resize_axis(): as many as keep a block's weights (its outputs by
# the input pixels they reach) near a million.
resize_block <- function(n, inv_scale, reach) {
  block <- n
  while (block > 1 && block * ((block - 1) * inv_scale + 2 * reach + 2) > 1e6) block <- ceiling(block / 2)
  block
}

# The image's spatial axis `axis` (1-based in the channels-last tensor) resized to n pixels.
# Each output pixel reads only the input pixels its kernel reaches: blocks of outputs are
# products of the input's span they reach with that span's weights, never one dense matrix of
# every input pixel by every output pixel (8 GB to resize 1000 pixels to 1e6).
resize_axis <- function(x, axis, n, interpolation, antialias) {
  m <- axis_length(x, axis)
  if (m == n) return(x)
  if (interpolation == "nearest")
    return(op_take(x, as.array(floor((seq_len(n) - 0.5) * m / n) + 1), axis = axis))
  if (m == 0L) {
    # No pixel to read: the resized axis holds zeros, as a product with no terms.
    dims <- as.integer(op_shape(x))
    dims[[axis]] <- n
    return(op_zeros(dims, dtype = op_dtype(x)))
  }
  inv_scale <- m / n
  kernel_scale <- if (antialias) max(inv_scale, 1) else 1
  reach <- resize_reach[[interpolation]] * kernel_scale
  kernel <- resize_kernel(interpolation)
  block <- resize_block(n, inv_scale, reach)
  parts <- lapply(seq(1, n, by = block), function(first) {
    sample <- (seq.int(first, min(n, first + block - 1)) - 0.5) * inv_scale - 0.5
    lo <- min(m - 1, max(0, floor(min(sample) - reach)))
    hi <- max(lo, min(m - 1, ceiling(max(sample) + reach)))
    # A block is one output pixel at least, whose span (shrinking with antialias) can be long;
    # R computes its weights through some eight temporary arrays of their size.
    allocation_check(c(hi - lo + 1, length(sample)), "float64", copies = 8L)
    weights <- op_array(resize_weights(lo:hi, sample, m, kernel, kernel_scale), op_dtype(x))
    span <- op_take(x, as.array(seq.int(lo, hi) + 1), axis = axis)
    op_moveaxis(op_matmul(op_moveaxis(span, axis, -1L), weights), -1L, axis)
  })
  if (length(parts) == 1L) parts[[1L]] else op_concatenate(parts, axis = axis)
}

# The part of the image with the target's aspect ratio, centred (Keras's crop_to_aspect_ratio),
# or the image centred between equal bands of `fill_value` that give it that ratio.
to_aspect_ratio <- function(x, size, crop, fill_value) {
  h_axis <- op_ndim(x) - 2L
  height <- axis_length(x, h_axis)
  width <- axis_length(x, h_axis + 1L)
  if (crop) {
    crop_height <- max(min(height, trunc(width * size[[1L]] / size[[2L]])), 1)
    crop_width <- max(min(width, trunc(height * size[[2L]] / size[[1L]])), 1)
    start <- c(trunc((height - crop_height) / 2), trunc((width - crop_width) / 2))
    # Python's slice stops at the axis's end: an empty image stays empty.
    within <- function(positions, length) as.array(positions[positions <= length])
    x <- op_take(x, within(start[[1L]] + seq_len(crop_height), height), axis = h_axis)
    return(op_take(x, within(start[[2L]] + seq_len(crop_width), width), axis = h_axis + 1L))
  }
  band <- c(trunc((max(height, trunc(width * size[[1L]] / size[[2L]])) - height) / 2),
            trunc((max(width, trunc(height * size[[2L]] / size[[1L]])) - width) / 2))
  widths <- matrix(0L, op_ndim(x), 2L)
  if (band[[1L]] > 0) widths[h_axis, ] <- band[[1L]] else if (band[[2L]] > 0) widths[h_axis + 1L, ] <- band[[2L]]
  if (all(widths == 0L)) x else op_pad(x, widths, constant_values = fill_value)
}

#' Resize images
#'
#' keras3's `op_image_resize()`: resizes an image or a batch of images to `size`
#' (height, width), as Keras does: each output pixel's centre is mapped back into the input
#' (half-pixel centres) and the input pixels around it are weighted by the interpolation's
#' kernel (`"nearest"` takes the pixel whose area holds the centre). With `antialias = TRUE`,
#' shrinking averages every input pixel an output pixel covers. Integer images are resized in
#' `float32`, rounded and cast with saturation to their dtype (bicubic and Lanczos kernels can
#' overshoot the input's values, as in Keras).
#'
#' `crop_to_aspect_ratio = TRUE` first takes the largest centred part of each image with the
#' target's aspect ratio; `pad_to_aspect_ratio = TRUE` instead centres it between equal bands of
#' `fill_value` that give it that ratio.
#'
#' @inheritParams op_image_rgb_to_grayscale
#' @param size The output's height and width.
#' @param interpolation `"bilinear"`, `"nearest"`, `"bicubic"`, `"lanczos3"` or `"lanczos5"`.
#' @param antialias Whether to filter when shrinking.
#' @param crop_to_aspect_ratio,pad_to_aspect_ratio Whether to crop, or pad, to the target's
#'   aspect ratio first (at most one of them).
#' @param fill_mode `"constant"`, the only one Keras offers.
#' @param fill_value The value of the bands `pad_to_aspect_ratio` adds.
#' @return A tensor of the images' dtype.
#' @family image ops
#' @examples
#' x <- op_reshape(op_arange(16, dtype = "float32"), c(4, 4, 1))
#' op_image_resize(x, c(2, 2))@r[, , 1]
#' op_image_resize(x, c(8, 8), interpolation = "nearest")@r[1:3, 1:3, 1]
#' op_shape(op_image_resize(op_ones(c(2, 3, 5, 7)), c(4, 4), data_format = "channels_first"))
#' @export
op_image_resize <- function(images, size, interpolation = "bilinear", antialias = FALSE,
                            crop_to_aspect_ratio = FALSE, pad_to_aspect_ratio = FALSE,
                            fill_mode = "constant", fill_value = 0, data_format = NULL) {
  size <- keras3_integers(size, "size")
  if (length(size) != 2L)
    raise_bridge_error("value_error", sprintf("Expected `size` to be a tuple of 2 integers. Received: size=%s", shown(c(size))))
  if (any(size <= 0))
    raise_bridge_error("value_error", sprintf("`size` must have positive height and width. Received: size=%s", shown(c(size))))
  input <- image_input(images, data_format)
  interpolations <- c("bilinear", "nearest", "lanczos3", "lanczos5", "bicubic")
  if (!is.character(interpolation) || length(interpolation) != 1L || !interpolation %in% interpolations)
    raise_bridge_error("value_error", sprintf("Invalid value for argument `interpolation`. Expected of one ('bilinear', 'nearest', 'lanczos3', 'lanczos5', 'bicubic'). Received: interpolation=%s", shown(interpolation)))
  if (!identical(fill_mode, "constant"))
    raise_bridge_error("value_error", sprintf("Invalid value for argument `fill_mode`. Only `'constant'` is supported. Received: fill_mode=%s", shown(fill_mode)))
  crop <- flag(crop_to_aspect_ratio, "crop_to_aspect_ratio")
  pad <- flag(pad_to_aspect_ratio, "pad_to_aspect_ratio")
  antialias <- flag(antialias, "antialias")
  if (crop && pad)
    raise_bridge_error("value_error", "Only one of `pad_to_aspect_ratio` & `crop_to_aspect_ratio` can be `True`.")
  x <- input$x
  dtype <- op_dtype(x)
  # Integer images are resized as floats, the bands of fill_value beside them too (Keras pads with
  # ones * fill_value, which is a float), then rounded and cast with saturation.
  integer <- !grepl("float", dtype) && (interpolation != "nearest" || pad)
  out <- if (integer) op_cast(x, "float32") else x
  if (crop || pad) out <- to_aspect_ratio(out, size, crop, fill_number(fill_value))
  h_axis <- op_ndim(x) - 2L
  # The image resized along its height, then the output, are made in turn: each is refused
  # before it is built if it could not be held (the weights come in blocks of a million).
  dims <- as.integer(op_shape(out))
  for (j in 1:2) {
    dims[[h_axis + j - 1L]] <- size[[j]]
    allocation_check(dims, op_dtype(out), copies = 2L)
  }
  for (j in 1:2) out <- resize_axis(out, h_axis + j - 1L, size[[j]], interpolation, antialias)
  if (integer) out <- op_saturate_cast(op_round(out), dtype)
  image_output(out, input$first)
}

# ---- cropping, padding, patches

# Two of the three of (before, after, target) along an axis; the third is worked out.
image_margins <- function(before, after, target, names) {
  given <- list(before, after, target)
  if (sum(vapply(given, is.null, TRUE)) != 1L)
    raise_bridge_error("value_error", sprintf("Must specify exactly two of %s. Received: %s", paste(names, collapse = ", "),
                                              paste(sprintf("%s=%s", names, vapply(given, python_text, "")), collapse = ", ")))
  for (i in 1:3) if (!is.null(given[[i]])) {
    value <- keras3_integers(scalar_value(given[[i]]), names[[i]])
    if (length(value) != 1L)
      raise_bridge_error("type_error", sprintf("`%s` must be one number. Received: %s=%s", names[[i]], names[[i]], python_text(given[[i]])))
    if (value < 0) raise_bridge_error("value_error", sprintf("%s must be >= 0. Received: %s=%d", names[[i]], names[[i]], value))
    # In doubles: the sums and differences of the margins can pass R's integers (to NA).
    given[[i]] <- as.numeric(value)
  }
  given
}

python_text <- function(value) if (is.null(value)) "None" else paste(format(scalar_value(value)), collapse = ", ")

#' Crop or pad images
#'
#' keras3's `op_image_crop()` removes rows and columns from the edges of an image or a batch of
#' images; `op_image_pad()` adds rows and columns of zeros. Along each of height and width give
#' exactly two of the amount at the start (top, left), at the end (bottom, right) and the
#' target length; the third follows.
#'
#' @inheritParams op_image_rgb_to_grayscale
#' @param top_cropping,left_cropping,bottom_cropping,right_cropping Rows or columns to remove.
#' @param top_padding,left_padding,bottom_padding,right_padding Rows or columns of zeros to add.
#' @param target_height,target_width The output's height and width.
#' @return A tensor of the images' dtype.
#' @family image ops
#' @examples
#' images <- op_reshape(op_arange(27, dtype = "float32"), c(3, 3, 3))
#' op_image_crop(images, 0, 0, 2, 2)@r[, , 1]
#' op_shape(op_image_pad(op_ones(c(15, 25, 3)), 2, 3, target_height = 20, target_width = 30))
#' @name op_image_crop
NULL

#' @rdname op_image_crop
#' @export
op_image_crop <- function(images, top_cropping = NULL, left_cropping = NULL, bottom_cropping = NULL,
                          right_cropping = NULL, target_height = NULL, target_width = NULL, data_format = NULL) {
  input <- image_input(images, data_format)
  rows <- image_margins(top_cropping, bottom_cropping, target_height, c("top_cropping", "bottom_cropping", "target_height"))
  columns <- image_margins(left_cropping, right_cropping, target_width, c("left_cropping", "right_cropping", "target_width"))
  x <- input$x
  h_axis <- op_ndim(x) - 2L
  spans <- Map(function(margins, length, names) {
    start <- if (is.null(margins[[1L]])) length - margins[[3L]] - margins[[2L]] else margins[[1L]]
    count <- if (is.null(margins[[3L]])) length - margins[[2L]] - start else margins[[3L]]
    if (start < 0) raise_bridge_error("value_error", sprintf("%s must be >= 0. Received: %s=%s", names[[1L]], names[[1L]], start))
    if (count < 0) raise_bridge_error("value_error", sprintf("%s must be >= 0. Received: %s=%s", names[[3L]], names[[3L]], count))
    if (start + count > length)
      raise_bridge_error("value_error", sprintf("Cannot crop %s pixels from %d starting at %s.", count, length, start))
    c(start, count)
  }, list(rows, columns), c(axis_length(x, h_axis), axis_length(x, h_axis + 1L)),
  list(c("top_cropping", "bottom_cropping", "target_height"), c("left_cropping", "right_cropping", "target_width")))
  dims <- as.integer(op_shape(x))
  starts <- rep(1L, length(dims))
  starts[h_axis + 0:1] <- c(spans[[1L]][[1L]], spans[[2L]][[1L]]) + 1L
  dims[h_axis + 0:1] <- c(spans[[1L]][[2L]], spans[[2L]][[2L]])
  image_output(op_slice(x, starts, dims), input$first)
}

#' @rdname op_image_crop
#' @export
op_image_pad <- function(images, top_padding = NULL, left_padding = NULL, bottom_padding = NULL,
                         right_padding = NULL, target_height = NULL, target_width = NULL, data_format = NULL) {
  input <- image_input(images, data_format)
  names <- list(c("top_padding", "bottom_padding", "target_height"), c("left_padding", "right_padding", "target_width"))
  rows <- image_margins(top_padding, bottom_padding, target_height, names[[1L]])
  columns <- image_margins(left_padding, right_padding, target_width, names[[2L]])
  x <- input$x
  h_axis <- op_ndim(x) - 2L
  widths <- matrix(0L, op_ndim(x), 2L)
  lengths <- c(axis_length(x, h_axis), axis_length(x, h_axis + 1L))
  for (j in 1:2) {
    margins <- list(rows, columns)[[j]]
    before <- if (is.null(margins[[1L]])) margins[[3L]] - margins[[2L]] - lengths[[j]] else margins[[1L]]
    after <- if (is.null(margins[[2L]])) margins[[3L]] - before - lengths[[j]] else margins[[2L]]
    for (k in 1:2) {
      value <- c(before, after)[[k]]
      if (value < 0) raise_bridge_error("value_error", sprintf("%s must be >= 0. Received: %s=%s", names[[j]][[k]], names[[j]][[k]], value))
    }
    widths[h_axis + j - 1L, ] <- c(before, after)
  }
  image_output(op_pad(x, widths), input$first)
}

#' Extract patches from images
#'
#' keras3's `op_image_extract_patches()`: the `size` patches of an image or a batch of images,
#' one every `strides` pixels, each flattened into the channel axis in row-major order (row,
#' column, channel), as Keras gives them. With three sizes, the patches of a volume (rank 4) or a
#' batch of volumes (rank 5), as Keras's `extract_patches_3d()`.
#'
#' @inheritParams op_image_rgb_to_grayscale
#' @param size The patch's height and width (one number for both), or depth, height and width.
#' @param strides The step between patches (default: `size`).
#' @param dilation_rate The step between a patch's pixels.
#' @param padding `"valid"` (only whole patches) or `"same"` (zeros around the image, so that
#'   there is a patch every `strides` pixels).
#' @return A tensor `(batch, rows, columns, size[1] * size[2] * channels)`, or without the batch
#'   axis for one image (for volumes, with a depth axis first).
#' @family image ops
#' @examples
#' image <- op_reshape(op_arange(16), c(4, 4, 1))
#' op_image_extract_patches(image, 2)@r[, , 1]
#' op_shape(op_image_extract_patches(op_ones(c(2, 20, 20, 3)), c(5, 5)))
#' op_shape(op_image_extract_patches(op_ones(c(8, 8, 8, 1)), c(2, 4, 4)))
#' @export
op_image_extract_patches <- function(images, size, strides = NULL, dilation_rate = 1L, padding = "valid",
                                     data_format = "channels_last") {
  if (!is.numeric(listed_values(size)))
    raise_bridge_error("type_error", sprintf("Invalid `size` argument. Expected an int or a tuple. Received: size=%s of type %s",
                                             shown(size, nlines = 1L), class(size)[[1L]]))
  sizes <- keras3_integers(size, "size")
  if (!length(sizes) %in% 1:3)
    raise_bridge_error("value_error", sprintf("Invalid `size` argument. Expected a tuple of length 2 or 3. Received: size=%s with length %d", shown(c(sizes)), length(sizes)))
  count <- if (length(sizes) == 3L) 3L else 2L
  sizes <- spatial_values(sizes, count, "size")
  strides <- spatial_values(if (is.null(strides)) sizes else strides, count, "strides")
  first <- channels_first(data_format)
  x <- tensor_of(images)
  if (!op_ndim(x) %in% (count + 1:2))
    raise_bridge_error("value_error", sprintf("Invalid %s rank: expected rank %d (single) or rank %d (batch). Received input with shape: %s", if (count == 3L) "volumes" else "images",
                                              count + 1L, count + 2L, shape_text(x)))
  single <- op_ndim(x) == count + 1L
  if (single) x <- op_expand_dims(x, 1L)
  if (first) x <- op_moveaxis(x, 2L, -1L)
  plan <- window_plan(x, sizes, strides, spatial_values(keras3_integers(dilation_rate, "dilation_rate"), count, "dilation_rate"), padding)
  dims <- as.integer(op_shape(x))
  allocation_check(c(dims[[1L]], plan$out, prod(as.numeric(sizes)) * dims[[length(dims)]]), op_dtype(x))
  padded <- padded_input(x, plan, 0)
  # Row-major over the patch: the first offset slowest, then the next, then the channel. An
  # offset that meets only padding contributes its zeros.
  offsets <- window_offsets(plan, all = TRUE)
  offsets <- offsets[do.call(order, unname(as.list(as.data.frame(offsets)))), , drop = FALSE]
  padding_only <- op_zeros(c(dims[[1L]], plan$out, dims[[length(dims)]]), dtype = op_dtype(x))
  patches <- op_concatenate(lapply(seq_len(nrow(offsets)), function(i) {
    patch <- window_patch(padded, plan, offsets[i, ])
    if (is.null(patch)) padding_only else patch
  }), axis = -1L)
  if (first) patches <- op_moveaxis(patches, -1L, 2L)
  if (single) op_squeeze(patches, 1L) else patches
}
