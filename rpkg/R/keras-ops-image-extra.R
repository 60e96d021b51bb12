#' @include ops-image-sampling.R
NULL

# Keras image ops that keras3 has no op_image_*() function for, reached as
# keras$ops$image$<name>(): Sobel edges, SSIM, 3-D patches, patches put back together, and
# scaling with translation, as Keras computes them on its TensorFlow backend. Positions these
# ops take (spatial_dims) are Python's, 0-based.

# Whether a size-like argument reaches Keras as a Python int: reticulate hands one R number
# over as a scalar, a list (even of one) or a vector of several as a sequence.
is_python_int <- function(x) !is.list(x) && length(listed_values(x)) == 1L

# Images (rank 4) in channels-last order, refused as Keras's SobelEdges refuses another rank.
sobel_input <- function(images, data_format) {
  x <- tensor_of(images)
  if (op_ndim(x) != 4L)
    raise_bridge_error("value_error", sprintf("Invalid images rank: expected rank 4 (batch of images). Received: images.shape=[%s]",
                                              paste(as.integer(op_shape(x)), collapse = ", ")))
  first <- channels_first(data_format)
  list(x = if (first) op_moveaxis(float_images(x), 2L, -1L) else float_images(x), first = first)
}

# SSIM's images, one or a batch (rank 3 or 4), refused in Keras's words.
ssim_input <- function(image, name) {
  x <- tensor_of(image)
  if (!op_ndim(x) %in% 3:4)
    raise_bridge_error("value_error", sprintf("Invalid %s rank: expected rank 3 (single image) or rank 4 (batch of images). Received input with shape: %s.shape=%s",
                                              name, name, shape_text(x)))
  x
}

# The patch size of reconstruct_patches(): an int is a 2-D patch, a sequence of 2 or 3 sizes a
# 2-D or 3-D one.
patch_size <- function(size) {
  if (!is.numeric(listed_values(size)))
    raise_bridge_error("type_error", sprintf("Invalid `size` argument. Expected an int or a tuple. Received: size=%s of type %s",
                                             shown(size, nlines = 1L), class(size)[[1L]]))
  values <- keras3_integers(size, "size")
  if (is_python_int(size)) values <- rep(values, 2L)
  if (!length(values) %in% 2:3)
    raise_bridge_error("value_error", sprintf("Invalid `size` argument. Expected a tuple of length 2 or 3. Received: size=%s with length %d",
                                              tuple_text(values), length(values)))
  # Keras divides by the patch's volume: a size of 0 would divide by zero.
  if (any(values < 1L))
    raise_bridge_error("value_error", sprintf("Invalid `size` argument. Expected positive sizes. Received: size=%s", tuple_text(values)))
  values
}

# Channels-last patches `(batch, grid..., prod(size) * channels)` laid back out as the image
# they were cut from: each grid axis followed by the patch's axis along it, the pairs merged.
patches_to_image <- function(x, size) {
  dims <- as.integer(op_shape(x))
  k <- length(size)
  grid <- dims[1L + seq_len(k)]
  channels <- dims[[k + 2L]] %/% prod(size)
  x <- op_reshape(x, c(dims[[1L]], grid, size, channels))
  x <- op_transpose(x, c(1L, rbind(1L + seq_len(k), 1L + k + seq_len(k)), 2L * k + 2L))
  op_reshape(x, c(dims[[1L]], grid * size, channels))
}

# The resampling kernels by the names scale_and_translate takes.
scale_methods <- c(linear = "bilinear", bilinear = "bilinear", trilinear = "bilinear", cubic = "bicubic",
                   bicubic = "bicubic", tricubic = "bicubic", lanczos3 = "lanczos3", lanczos5 = "lanczos5")

# `x`'s axis `axis` resampled to n pixels: output pixel j samples the input at
# (j + 0.5 - translation) / scale - 0.5, as Keras's weight matrix maps it (zero outside).
scaled_axis <- function(x, axis, n, scale, translation, kernel, antialias) {
  m <- axis_length(x, axis)
  allocation_check(c(m, n), "float64", copies = 8L)
  sample <- (seq_len(n) - 0.5 - translation) / scale - 0.5
  weights <- resize_weights(seq_len(m) - 1, sample, m, kernel, if (antialias) max(1 / scale, 1) else 1)
  op_moveaxis(op_matmul(op_moveaxis(x, axis, -1L), op_array(weights, op_dtype(x))), -1L, axis)
}

# Numbers of scale_and_translate, one per spatial dim, finite (and `scale` not zero: Keras
# divides by it).
per_dim_numbers <- function(value, name, count) {
  values <- listed_values(value)
  if (!is.numeric(values) || length(values) != count || any(!is.finite(values)) || name == "scale" && any(values == 0))
    raise_bridge_error("value_error", sprintf("`%s` must hold one finite%s number per spatial dim (%d). Received: %s=%s",
                                              name, if (name == "scale") ", non-zero" else "", count, name, shown(value, nlines = 1L)))
  as.double(values)
}

keras_image_ops_extra <- list(
  sobel_edges = function(images, data_format = NULL) {
    input <- sobel_input(images, data_format)
    x <- input$x
    dims <- as.integer(op_shape(x))
    # TensorFlow reflects each image about its edge pixels, which needs two rows and columns.
    if (any(dims[2:3] < 2L))
      raise_bridge_error("value_error", sprintf("Sobel edges reflect each image by one pixel: height and width must be at least 2. Received: images.shape=%s",
                                                shape_text(tensor_of(images))))
    # tf.image.sobel_edges: a depthwise convolution by [dy, dx] for each channel; its outputs
    # alternate dy, dx within each channel.
    dy <- rbind(c(-1, -2, -1), c(0, 0, 0), c(1, 2, 1))
    # Without channels there is no group to convolve: the (empty) result is all there is.
    edges <- if (dims[[4L]] == 0L) op_zeros(c(dims, 2L), dtype = op_dtype(x)) else {
      kernel <- op_array(array(c(rep(c(dy), dims[[4L]]), rep(c(t(dy)), dims[[4L]])), c(3L, 3L, dims[[4L]], 2L)), op_dtype(x))
      padded <- op_pad(x, rbind(c(0L, 0L), c(1L, 1L), c(1L, 1L), c(0L, 0L)), mode = "reflect")
      op_reshape(op_depthwise_conv(padded, kernel, data_format = "channels_last"), c(dims, 2L))
    }
    if (input$first) op_moveaxis(edges, 4L, 2L) else edges
  },

  ssim = function(image1, image2, max_val = 1.0, filter_size = 11L, filter_sigma = 1.5, k1 = 0.01, k2 = 0.03,
                  data_format = NULL) {
    first <- channels_first(data_format)
    x1 <- ssim_input(image1, "image1")
    x2 <- ssim_input(image2, "image2")
    if (!identical(op_shape(x1), op_shape(x2)))
      raise_bridge_error("value_error", sprintf("`image1` and `image2` must have the same shape. Received: image1.shape=%s, image2.shape=%s",
                                                shape_text(x1), shape_text(x2)))
    size <- whole_number(filter_size, "filter_size")
    if (size < 1L)
      raise_bridge_error("value_error", sprintf("`filter_size` must be a positive integer. Received: filter_size=%d", size))
    sigma <- one_number(scalar_value(filter_sigma), "filter_sigma")
    max_val <- one_number(scalar_value(max_val), "max_val")
    c1 <- (one_number(scalar_value(k1), "k1") * max_val)^2
    c2 <- (one_number(scalar_value(k2), "k2") * max_val)^2
    dtype <- op_dtype(x1)
    # Keras computes in result_type(dtype, float) and gives the result in image1's dtype.
    compute <- promoted_dtype(dtype, 0.5)
    single <- op_ndim(x1) == 3L
    # (batch, channels, height, width), each channel of each image then an image of one
    # channel, as Keras convolves them.
    to_planes <- function(x) {
      x <- op_cast(x, compute)
      if (single) x <- op_expand_dims(x, 1L)
      if (first) x else op_moveaxis(x, -1L, 2L)
    }
    p1 <- to_planes(x1)
    p2 <- to_planes(x2)
    dims <- as.integer(op_shape(p1))
    if (size > min(dims[3:4]))
      raise_bridge_error("value_error", sprintf("Computed output size would be negative: `filter_size` (%d) exceeds the images' height or width. Received: image1.shape=%s",
                                                size, shape_text(x1)))
    p1 <- op_reshape(p1, c(prod(dims[1:2]), dims[3:4], 1L))
    p2 <- op_reshape(p2, c(prod(dims[1:2]), dims[3:4], 1L))
    taps <- gaussian_taps(size, sigma)
    kernel <- op_array(array(outer(taps, taps), c(size, size, 1L, 1L)), compute)
    blur <- function(x) op_conv(x, kernel, data_format = "channels_last")
    mu1 <- blur(p1)
    mu2 <- blur(p2)
    sigma1_sq <- blur(p1 * p1) - mu1 * mu1
    sigma2_sq <- blur(p2 * p2) - mu2 * mu2
    mu1_mu2 <- mu1 * mu2
    sigma12 <- blur(p1 * p2) - mu1_mu2
    ssim_map <- ((2 * mu1_mu2 + c1) * (2 * sigma12 + c2)) / ((mu1 * mu1 + mu2 * mu2 + c1) * (sigma1_sq + sigma2_sq + c2))
    per_image <- op_reshape(op_mean(ssim_map, axis = 2:4), dims[1:2])
    result <- op_mean(per_image, axis = -1L)
    op_cast(if (single) op_squeeze(result, 1L) else result, dtype)
  },

  extract_patches_3d = function(volumes, size, strides = NULL, dilation_rate = 1L, padding = "valid", data_format = NULL) {
    for (sizes in list(size, strides))
      if (!is.null(sizes) && !is.numeric(listed_values(sizes)))
        raise_bridge_error("type_error", sprintf("Sizes and strides must be ints or tuples of ints. Received: %s", shown(sizes, nlines = 1L)))
    if (is_python_int(size)) size <- rep(listed_values(size), 3L)
    else if (length(listed_values(size)) != 3L)
      raise_bridge_error("type_error", sprintf("Invalid `size` argument. Expected an int or a tuple of length 3. Received: size=%s",
                                               tuple_text(listed_values(size))))
    if (!is.null(strides)) {
      if (is_python_int(strides)) strides <- rep(listed_values(strides), 3L)
      else if (length(listed_values(strides)) != 3L)
        raise_bridge_error("value_error", sprintf("Invalid `strides` argument. Got: %s", tuple_text(listed_values(strides))))
    }
    op_image_extract_patches(volumes, size, strides, dilation_rate, padding, data_format)
  },

  reconstruct_patches = function(patches, size, output_size, strides = NULL, padding = "valid", data_format = NULL) {
    size <- patch_size(size)
    k <- length(size)
    if (is_python_int(output_size) || !is.numeric(listed_values(output_size)))
      raise_bridge_error("type_error", sprintf("Invalid `output_size` argument. Expected a tuple or list. Received: output_size=%s of type %s",
                                               shown(output_size, nlines = 1L), class(output_size)[[1L]]))
    output <- keras3_integers(output_size, "output_size")
    if (length(output) != k)
      raise_bridge_error("value_error", sprintf("Invalid `output_size`. Expected length %d (%s). Got: output_size=%s",
                                                k, c("H, W", "D, H, W")[[k - 1L]], tuple_text(output)))
    if (!identical(padding, "same") && !identical(padding, "valid"))
      raise_bridge_error("value_error", sprintf("Invalid `padding`. Expected 'same' or 'valid'. Got: %s", shown(padding, nlines = 1L)))
    if (!is.null(strides)) {
      steps <- keras3_integers(strides, "strides")
      if (is_python_int(strides)) steps <- rep(steps, k)
      if (!identical(steps, size))
        raise_bridge_error("not_implemented_error", sprintf("`reconstruct_patches` currently supports only non-overlapping reconstruction (strides == size). Got strides=%s and size=%s. Overlap-add reconstruction is planned for a follow-up.",
                                                            tuple_text(steps), tuple_text(size)))
    }
    first <- channels_first(data_format)
    x <- tensor_of(patches)
    if (!op_ndim(x) %in% (k + 1:2))
      raise_bridge_error("value_error", sprintf("`patches` has unexpected rank for %dD%s reconstruction. Expected %d (unbatched) or %d (batched). Received shape: %s",
                                                k, if (first) " channels_first" else "", k + 1L, k + 2L, shape_text(x)))
    single <- op_ndim(x) == k + 1L
    if (single) x <- op_expand_dims(x, 1L)
    if (first) x <- op_moveaxis(x, 2L, -1L)
    dims <- as.integer(op_shape(x))
    if (dims[[k + 2L]] %% prod(size) != 0L)
      raise_bridge_error("value_error", sprintf("`patches` last dim (%d) is not divisible by prod(size) (%d).%s", dims[[k + 2L]], prod(size),
                                                if (k == 3L) " Are `size` and the patches tensor consistent?" else ""))
    grid <- dims[1L + seq_len(k)]
    covered <- grid * size
    if (padding == "valid" && any(covered != output))
      raise_bridge_error("value_error", sprintf("`padding='valid'` requires output_size to equal size * grid. Got output_size=(%s), grid=(%s), size=(%s).",
                                                paste(output, collapse = ","), paste(grid, collapse = ","), paste(size, collapse = ",")))
    if (padding == "same") {
      names <- c("depth", "height", "width")[4L - rev(seq_len(k))]
      letters <- c("D", "H", "W")[4L - rev(seq_len(k))]
      for (j in seq_len(k)) if (!(covered[[j]] - size[[j]] < output[[j]] && output[[j]] <= covered[[j]]))
        raise_bridge_error("value_error", sprintf("For `padding='same'`, `output_size` %s (%d) must be in the range ((g%s-1)*p%s, g%s*p%s], i.e. (%d, %d]. Got: g%s=%d, p%s=%d.",
                                                  names[[j]], output[[j]], letters[[j]], letters[[j]], letters[[j]], letters[[j]],
                                                  covered[[j]] - size[[j]], covered[[j]], letters[[j]], grid[[j]], letters[[j]], size[[j]]))
    }
    image <- patches_to_image(x, size)
    # "same" padding was split evenly, the odd pixel after: the image starts half the padding in.
    if (padding == "same")
      image <- op_slice(image, c(1L, (covered - output) %/% 2L + 1L, 1L), c(dims[[1L]], output, dims[[k + 2L]] %/% prod(size)))
    if (first) image <- op_moveaxis(image, -1L, 2L)
    if (single) op_squeeze(image, 1L) else image
  },

  scale_and_translate = function(images, output_shape, scale, translation, spatial_dims, method, antialias = TRUE) {
    kernel <- resize_kernel(scale_methods[[choice(method, names(scale_methods), "method")]])
    antialias <- flag(antialias, "antialias")
    x <- tensor_of(images)
    dtype <- op_dtype(x)
    if (!is_real_dtype(dtype))
      raise_bridge_error("type_error", sprintf("`images` must be real numbers. Received: images.dtype=%s", dtype))
    dims_given <- listed_values(spatial_dims)
    if (is.null(spatial_dims) || is.environment(spatial_dims) || length(dims_given) && !is.numeric(dims_given))
      raise_bridge_error("type_error", sprintf("`spatial_dims` must be a sequence of ints. Received: spatial_dims=%s", shown(spatial_dims, nlines = 1L)))
    if (!length(dims_given)) return(x)
    rank <- op_ndim(x)
    dims <- keras3_integers(spatial_dims, "spatial_dims")
    if (any(dims < -rank | dims >= rank))
      raise_bridge_error("value_error", sprintf("`spatial_dims` must be dims of the images (rank %d). Received: spatial_dims=%s", rank, tuple_text(dims)))
    shape <- keras3_integers(output_shape, "output_shape")
    if (length(shape) != rank || any(shape < 0L))
      raise_bridge_error("value_error", sprintf("`output_shape` must hold one non-negative size per dim of the images (rank %d). Received: output_shape=%s",
                                                rank, tuple_text(shape)))
    scale <- per_dim_numbers(scale, "scale", length(dims))
    translation <- per_dim_numbers(translation, "translation", length(dims))
    # Integers are resampled in float32, then rounded (half to even) and kept within the
    # input's range, as Keras does.
    integer <- grepl("int", dtype)
    out <- if (integer) op_cast(x, "float32") else x
    # Only the spatial dims change; the others keep the images' sizes, whatever output_shape says
    # of them (TensorFlow's backend reads output_shape only at the spatial dims).
    for (i in seq_along(dims)) {
      axis <- dims[[i]] %% rank + 1L
      out <- scaled_axis(out, axis, shape[[axis]], scale[[i]], translation[[i]], kernel, antialias)
    }
    if (!integer) return(out)
    if (op_size(x) > 0L) out <- op_clip(op_round(out), op_cast(op_min(x), "float32"), op_cast(op_max(x), "float32"))
    op_cast(out, dtype)
  }
)
