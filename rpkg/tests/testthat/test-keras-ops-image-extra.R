# keras$ops$image's ops that keras3 has no op_image_*() function for, called with Python's
# conventions (0-based spatial_dims). Expected values from NumPy: inputs are made by
# pattern(), the same numbers NumPy's `((np.arange(n) * a + b) % m / 10).reshape(dims)` gives,
# and each expected value names the NumPy computation (Keras's or TensorFlow's algorithm written
# in NumPy where Keras's NumPy backend differs or needs jax) or comes from base R.

image <- keras$ops$image

# An R array holding `values` in row-major (NumPy's) order.
row_major <- function(values, dims) aperm(array(values, rev(dims)), rev(seq_along(dims)))

pattern <- function(dims, a = 7, b = 3, m = 11) row_major(((seq_len(prod(dims)) - 1) * a + b) %% m / 10, dims)

# --- sobel_edges ------------------------------------------------------------------------------

test_that("sobel_edges gives dy and dx, the image reflected about its edge pixels as TensorFlow's", {
  x <- op_array(pattern(c(1, 3, 4, 1)), "float32")
  edges <- image$sobel_edges(x)
  expect_identical(op_shape(edges), shape(1, 3, 4, 1, 2))
  expect_identical(edges$dtype, "float32")
  # TensorFlow's sobel_edges in NumPy: p = np.pad(x, ((0,0),(1,1),(1,1),(0,0)), mode="reflect");
  # dy = sum(ky[a, b] * p[:, a:a+3, b:b+4] for a in range(3) for b in range(3)) with
  # ky = [[-1,-2,-1],[0,0,0],[1,2,1]], dx the same with ky.T
  expect_equal(as.array(edges)[1, , , 1, 1], rbind(c(0, 0, 0, 0), c(-1.8, -1.8, -0.7, 0.4), c(0, 0, 0, 0)), tolerance = 1e-6)
  expect_equal(as.array(edges)[1, , , 1, 2], rbind(c(0, -1, -1, 0), c(0, -1, 0.1, 0), c(0, -1, 1.2, 0)), tolerance = 1e-6)
})

test_that("sobel_edges finds a vertical edge in dx, none in dy, per channel", {
  x <- array(0, c(2, 6, 6, 3))
  x[, , 4:6, ] <- 1
  edges <- as.array(image$sobel_edges(op_array(x, "float32"), data_format = "channels_last"))
  expect_equal(edges[, , , , 1], array(0, c(2, 6, 6, 3)))
  # Columns 3 and 4 (1-based) straddle the edge: 1 + 2 + 1 = 4; the rest are flat.
  expect_equal(edges[2, 5, , 3, 2], c(0, 0, 4, 4, 0, 0))
})

test_that("sobel_edges with channels first gives (batch, channels, height, width, 2)", {
  x <- pattern(c(2, 5, 4, 3))
  last <- as.array(image$sobel_edges(x, data_format = "channels_last"))
  first <- image$sobel_edges(aperm(x, c(1, 4, 2, 3)), data_format = "channels_first")
  expect_identical(op_shape(first), shape(2, 3, 5, 4, 2))
  expect_equal(as.array(first), aperm(last, c(1, 4, 2, 3, 5)))
})

test_that("sobel_edges keeps float64 and float16", {
  expect_identical(image$sobel_edges(pattern(c(1, 3, 3, 1)))$dtype, "float64")
  expect_identical(image$sobel_edges(op_array(pattern(c(1, 3, 3, 1)), "float16"))$dtype, "float16")
})

test_that("sobel_edges spreads a NaN over its 3x3 neighbourhood, zero taps included, as a convolution does", {
  x <- array(1, c(1, 5, 5, 1))
  x[1, 3, 3, 1] <- NaN
  edges <- as.array(image$sobel_edges(op_array(x, "float32")))
  nan <- matrix(FALSE, 5, 5)
  nan[2:4, 2:4] <- TRUE
  expect_identical(is.nan(edges[1, , , 1, 1]), nan)
  expect_identical(is.nan(edges[1, , , 1, 2]), nan)
})

test_that("sobel_edges of an empty batch or no channels is empty", {
  expect_identical(op_shape(image$sobel_edges(op_zeros(c(0, 4, 4, 2)))), shape(0, 4, 4, 2, 2))
  expect_identical(op_shape(image$sobel_edges(op_zeros(c(1, 4, 4, 0)))), shape(1, 4, 4, 0, 2))
})

test_that("sobel_edges refuses other ranks, integer images and images too small to reflect", {
  expect_error(image$sobel_edges(op_zeros(c(4, 4, 1))), "expected rank 4", class = "value_error")
  expect_error(image$sobel_edges(op_zeros(c(1, 4, 4, 1), dtype = "int32")), "float dtype", class = "value_error")
  expect_error(image$sobel_edges(op_zeros(c(1, 1, 4, 1))), "at least 2", class = "value_error")
})

# --- ssim -------------------------------------------------------------------------------------

test_that("ssim of an image with itself is 1, one value per image of a batch", {
  x <- op_array(pattern(c(2, 16, 16, 3)), "float32")
  out <- image$ssim(x, x, max_val = 1.0)
  expect_identical(op_shape(out), shape(2))
  expect_equal(as.vector(out), c(1, 1), tolerance = 1e-4)
  single <- image$ssim(x[1, , , ], x[1, , , ])
  expect_identical(op_shape(single), shape())
  expect_equal(as.vector(single), 1, tolerance = 1e-4)
})

test_that("ssim matches Keras's Gaussian-window SSIM", {
  a <- op_array(pattern(c(2, 12, 12, 2)), "float32")
  b <- op_array(pattern(c(2, 12, 12, 2), 5, 1, 13), "float32")
  out <- image$ssim(a, b, filter_size = 5L)
  expect_identical(out$dtype, "float32")
  # Keras's _ssim in NumPy (float32): each channel's valid 2-D correlation with np.outer(g, g),
  # g the normalised Gaussian of filter_size taps; the SSIM map's mean per image
  expect_equal(as.vector(out), c(0.04720271, 0.060365144), tolerance = 1e-5)
  expect_equal(as.vector(image$ssim(a[1, , , ], b[1, , , ], filter_size = 5L)), 0.04720271, tolerance = 1e-5)
  a1 <- op_array(pattern(c(16, 16, 1)), "float32")
  b1 <- op_array(pattern(c(16, 16, 1), 5, 1, 13), "float32")
  # the same with the defaults, an 11-tap window of sigma 1.5
  expect_equal(as.vector(image$ssim(a1, b1)), -0.020262714, tolerance = 1e-4)
})

test_that("ssim takes max_val, filter_size, filter_sigma, k1 and k2 by keyword", {
  a1 <- op_array(pattern(c(16, 16, 1)) * 255, "float32")
  b1 <- op_array(pattern(c(16, 16, 1), 5, 1, 13) * 255, "float32")
  out <- image$ssim(a1, b1, max_val = 255.0, filter_size = 7L, filter_sigma = 1.0, k1 = 0.02, k2 = 0.06)
  # Keras's _ssim in NumPy, max_val=255.0, filter_size=7, filter_sigma=1.0, k1=0.02, k2=0.06
  expect_equal(as.vector(out), 0.00056408, tolerance = 1e-3)
  expect_equal(as.vector(image$ssim(a1, a1, max_val = 255.0)), 1, tolerance = 1e-4)
})

test_that("ssim with channels first equals ssim of the images channels last", {
  a <- pattern(c(2, 12, 12, 2))
  b <- pattern(c(2, 12, 12, 2), 5, 1, 13)
  last <- as.vector(image$ssim(a, b, filter_size = 5L, data_format = "channels_last"))
  first <- image$ssim(aperm(a, c(1, 4, 2, 3)), aperm(b, c(1, 4, 2, 3)), filter_size = 5L, data_format = "channels_first")
  expect_equal(as.vector(first), last)
})

test_that("ssim keeps float64 and gives integer images' SSIM cast to their dtype", {
  a <- pattern(c(12, 12, 2))
  b <- pattern(c(12, 12, 2), 5, 1, 13)
  out <- image$ssim(a, b, filter_size = 5L)
  expect_identical(out$dtype, "float64")
  # Keras's _ssim in NumPy on the float64 images, filter_size=5
  expect_equal(as.vector(out), 0.047202495, tolerance = 1e-7)
  ints <- op_array(array(1:(16 * 16), c(16, 16, 1)), "int32")
  same <- image$ssim(ints, ints, max_val = 255)
  expect_identical(same$dtype, "int32")
  expect_identical(as.vector(same), 1L)
})

test_that("ssim propagates NaN", {
  a <- pattern(c(12, 12, 1))
  a[6, 6, 1] <- NaN
  expect_true(is.nan(as.array(image$ssim(a, pattern(c(12, 12, 1)), filter_size = 5L))))
})

test_that("ssim refuses images of other ranks or shapes and windows larger than the images", {
  expect_error(image$ssim(op_zeros(c(8, 8)), op_zeros(c(8, 8))), "Invalid image1 rank", class = "value_error")
  expect_error(image$ssim(op_zeros(c(8, 8, 1)), op_zeros(c(1, 1, 8, 8, 1))), "Invalid image2 rank", class = "value_error")
  expect_error(image$ssim(op_zeros(c(12, 12, 1)), op_zeros(c(12, 12, 3))), "same shape", class = "value_error")
  expect_error(image$ssim(op_zeros(c(8, 8, 1)), op_zeros(c(8, 8, 1))), "filter_size", class = "value_error")
  expect_error(image$ssim(op_zeros(c(8, 8, 1)), op_zeros(c(8, 8, 1)), filter_size = 0L), "positive", class = "value_error")
  expect_error(image$ssim(op_zeros(c(8, 8, 1)), op_zeros(c(8, 8, 1)), filter_size = 2.5), class = "type_error")
})

# --- extract_patches_3d -----------------------------------------------------------------------

test_that("extract_patches_3d flattens each patch in depth, row, column, channel order", {
  v <- op_array(row_major(0:63, c(1, 4, 4, 4, 1)), "float32")
  patches <- image$extract_patches_3d(v, 2L)
  expect_identical(op_shape(patches), shape(1, 2, 2, 2, 8))
  expect_identical(patches$dtype, "float32")
  # v[0, 0:2, 0:2, 0:2, 0].flatten() and v[0, 2:4, 0:2, 2:4, 0].flatten()
  expect_equal(as.array(patches)[1, 1, 1, 1, ], c(0, 1, 4, 5, 16, 17, 20, 21))
  expect_equal(as.array(patches)[1, 2, 1, 2, ], c(34, 35, 38, 39, 50, 51, 54, 55))
})

test_that("extract_patches_3d pads with zeros for 'same' and takes strides", {
  v <- row_major(as.numeric(0:249), c(1, 5, 5, 5, 2))
  same <- image$extract_patches_3d(v, c(2, 2, 2), padding = "same")
  expect_identical(op_shape(same), shape(1, 3, 3, 3, 16))
  expect_identical(same$dtype, "float64")
  # np.pad(v, [(0,0), (0,1), (0,1), (0,1), (0,0)])[0, 4:6, 4:6, 4:6].ravel(): the corner, zeros
  # beyond the volume
  expect_equal(as.array(same)[1, 3, 3, 3, ], c(248, 249, rep(0, 14)))
  strided <- image$extract_patches_3d(v[1, , , , ], list(3, 2, 2), strides = list(1, 2, 3))
  expect_identical(op_shape(strided), shape(3, 2, 2, 24))
  # v[0, 1:4, 2:4, 3:5].ravel()
  expect_equal(as.array(strided)[2, 2, 2, ], c(76:79, 86:89, 126:129, 136:139, 176:179, 186:189))
})

test_that("extract_patches_3d with channels first puts the flattened patch second", {
  v <- row_major(as.numeric(0:249), c(1, 5, 5, 5, 2))
  last <- as.array(image$extract_patches_3d(v, 2L, strides = 1L))
  first <- image$extract_patches_3d(aperm(v, c(1, 5, 2, 3, 4)), 2L, strides = 1L, data_format = "channels_first")
  expect_identical(op_shape(first), shape(1, 16, 4, 4, 4))
  expect_equal(as.array(first), aperm(last, c(1, 5, 2, 3, 4)))
})

test_that("extract_patches_3d refuses a size or strides of other than three", {
  v <- op_zeros(c(1, 8, 8, 8, 1))
  expect_error(image$extract_patches_3d(v, c(4, 4)), "int or a tuple of length 3", class = "type_error")
  expect_error(image$extract_patches_3d(v, list(4)), "int or a tuple of length 3", class = "type_error")
  expect_error(image$extract_patches_3d(v, c(4, 4, 4), strides = c(2, 2)), "Invalid `strides` argument. Got: \\(2, 2\\)", class = "value_error")
  expect_error(image$extract_patches_3d(op_zeros(c(8, 8, 1)), 2L), "rank", class = "value_error")
})

# --- reconstruct_patches ----------------------------------------------------------------------

test_that("reconstruct_patches puts extract_patches's patches back together", {
  x <- op_array(pattern(c(2, 8, 12, 3)), "float32")
  patches <- image$extract_patches(x, c(4, 4))
  out <- image$reconstruct_patches(patches, size = c(4, 4), output_size = c(8, 12))
  expect_identical(out$dtype, "float32")
  expect_equal(as.array(out), as.array(x))
  single <- image$reconstruct_patches(image$extract_patches(x[1, , , ], 4L), 4L, c(8, 12))
  expect_equal(as.array(single), as.array(x[1, , , ]))
})

test_that("reconstruct_patches with 'valid' gives the part of the image the patches cover", {
  x <- pattern(c(1, 10, 11, 2))
  patches <- image$extract_patches(x, c(4, 4))
  out <- image$reconstruct_patches(patches, c(4, 4), c(8, 8), padding = "valid")
  expect_equal(as.array(out), x[, 1:8, 1:8, , drop = FALSE])
})

test_that("reconstruct_patches with 'same' removes the padding extraction added", {
  x <- pattern(c(2, 7, 9, 2))
  patches <- image$extract_patches(x, c(3, 4), padding = "same")
  out <- image$reconstruct_patches(patches, c(3, 4), c(7, 9), padding = "same")
  expect_equal(as.array(out), x)
})

test_that("reconstruct_patches of 3-D patches gives the volume back, 'same' too", {
  v <- pattern(c(2, 5, 6, 7, 2))
  valid <- image$extract_patches_3d(v, c(5, 3, 7))
  expect_equal(as.array(image$reconstruct_patches(valid, c(5, 3, 7), c(5, 6, 7))), v)
  same <- image$extract_patches_3d(v, c(2, 4, 3), padding = "same")
  expect_equal(as.array(image$reconstruct_patches(same, size = c(2, 4, 3), output_size = c(5, 6, 7), padding = "same")), v)
})

test_that("reconstruct_patches with channels first reads and gives channels second", {
  x <- pattern(c(2, 8, 8, 3))
  patches <- as.array(image$extract_patches(x, 4L))
  out <- image$reconstruct_patches(aperm(patches, c(1, 4, 2, 3)), c(4, 4), c(8, 8), data_format = "channels_first")
  expect_identical(op_shape(out), shape(2, 3, 8, 8))
  expect_equal(as.array(out), aperm(x, c(1, 4, 2, 3)))
  single <- image$reconstruct_patches(aperm(patches[1, , , ], c(3, 1, 2)), c(4, 4), c(8, 8), data_format = "channels_first")
  expect_equal(as.array(single), aperm(x[1, , , ], c(3, 1, 2)))
  v <- pattern(c(6, 6, 6, 2))
  patches3 <- as.array(image$extract_patches_3d(v, 3L))
  volume <- image$reconstruct_patches(aperm(patches3, c(4, 1, 2, 3)), c(3, 3, 3), c(6, 6, 6), data_format = "channels_first")
  expect_equal(as.array(volume), aperm(v, c(4, 1, 2, 3)))
})

test_that("reconstruct_patches keeps integers, as it only moves values", {
  # x.reshape(2, 2, 4, 2, 4, 3).transpose(0, 1, 3, 2, 4, 5).reshape(2, 2, 2, 48) for
  # x = np.arange(384).reshape(2, 8, 8, 3): the patches Keras's test builds by hand
  x <- row_major(0:383, c(2, 8, 8, 3))
  patches <- op_reshape(op_transpose(op_reshape(op_array(x, "int32"), c(2, 2, 4, 2, 4, 3)), c(1, 2, 4, 3, 5, 6)), c(2, 2, 2, 48))
  out <- image$reconstruct_patches(patches, size = c(4, 4), output_size = c(8, 8))
  expect_identical(out$dtype, "int32")
  expect_identical(as.array(out), array(as.integer(x), dim(x)))
})

test_that("reconstruct_patches takes strides equal to size, as an int too", {
  patches <- op_zeros(c(1, 4, 4, 75))
  expect_identical(op_shape(image$reconstruct_patches(patches, c(5, 5), c(20, 20), strides = 5L)), shape(1, 20, 20, 3))
  expect_identical(op_shape(image$reconstruct_patches(patches, c(5, 5), c(20, 20), strides = c(5, 5))), shape(1, 20, 20, 3))
})

test_that("reconstruct_patches refuses sizes and output sizes as Keras does", {
  patches <- op_zeros(c(1, 4, 4, 75))
  expect_error(image$reconstruct_patches(patches, "not_a_size", c(20, 20)), "Expected an int or a tuple", class = "type_error")
  expect_error(image$reconstruct_patches(patches, list(5), c(20, 20)), "length 2 or 3", class = "value_error")
  expect_error(image$reconstruct_patches(patches, c(5, 5, 5, 5), c(20, 20)), "length 2 or 3", class = "value_error")
  expect_error(image$reconstruct_patches(patches, c(5, 5), 20), "tuple or list", class = "type_error")
  expect_error(image$reconstruct_patches(patches, c(5, 5), c(20, 20, 20)), "Expected length 2 \\(H, W\\)", class = "value_error")
  expect_error(image$reconstruct_patches(op_zeros(c(1, 4, 4, 4, 375)), c(5, 5, 5), c(20, 20)), "Expected length 3 \\(D, H, W\\)", class = "value_error")
  expect_error(image$reconstruct_patches(patches, c(5, 5), c(20, 20), padding = "reflect"), "'same' or 'valid'", class = "value_error")
})

test_that("reconstruct_patches refuses overlapping strides as not implemented", {
  expect_error(image$reconstruct_patches(op_zeros(c(1, 4, 4, 75)), c(5, 5), c(20, 20), strides = c(2, 2)),
               "non-overlapping", class = "not_implemented_error")
  expect_error(image$reconstruct_patches(op_zeros(c(1, 4, 4, 4, 375)), c(5, 5, 5), c(20, 20, 20), strides = 2L),
               "strides=\\(2, 2, 2\\)", class = "not_implemented_error")
})

test_that("reconstruct_patches refuses patches of the wrong rank or width", {
  expect_error(image$reconstruct_patches(op_zeros(c(1, 2, 4, 4, 75)), c(5, 5), c(20, 20)), "unexpected rank for 2D reconstruction", class = "value_error")
  expect_error(image$reconstruct_patches(op_zeros(c(4, 4, 375)), c(5, 5, 5), c(20, 20, 20)), "unexpected rank for 3D reconstruction", class = "value_error")
  expect_error(image$reconstruct_patches(op_zeros(c(75, 4)), c(5, 5), c(20, 20), data_format = "channels_first"),
               "2D channels_first", class = "value_error")
  expect_error(image$reconstruct_patches(op_zeros(c(1, 4, 4, 80)), c(5, 5), c(20, 20)), "last dim \\(80\\) is not divisible by prod\\(size\\) \\(25\\)", class = "value_error")
  expect_error(image$reconstruct_patches(op_zeros(c(1, 4, 4, 4, 400)), c(5, 5, 5), c(20, 20, 20)), "consistent", class = "value_error")
})

test_that("reconstruct_patches refuses output sizes the patches do not cover", {
  patches <- op_zeros(c(1, 4, 4, 75))
  expect_error(image$reconstruct_patches(patches, c(5, 5), c(19, 20)), "size \\* grid", class = "value_error")
  expect_error(image$reconstruct_patches(patches, c(5, 5), c(30, 20), padding = "same"), "height \\(30\\).*\\(15, 20\\]", class = "value_error")
  expect_error(image$reconstruct_patches(patches, c(5, 5), c(20, 15), padding = "same"), "width \\(15\\)", class = "value_error")
  expect_error(image$reconstruct_patches(op_zeros(c(1, 4, 4, 4, 375)), c(5, 5, 5), c(10, 20, 20), padding = "same"), "depth \\(10\\)", class = "value_error")
})

# --- scale_and_translate ----------------------------------------------------------------------

test_that("scale_and_translate gives Keras's docstring example", {
  images <- op_reshape(op_arange(0, 8, dtype = "float32"), c(3, 3))
  scale <- c(2, 2)
  out <- image$scale_and_translate(images, c(5, 5), scale, -(scale / 2 - 0.5), c(0, 1), "linear")
  expect_identical(out$dtype, "float32")
  expect_equal(as.array(out), rbind(c(0, 0.5, 1, 1.5, 2), c(1.5, 2, 2.5, 3, 3.5), c(3, 3.5, 4, 4.5, 5),
                                    c(4.5, 5, 5.5, 6, 6.5), c(6, 6.5, 7, 7.5, 8)))
})

test_that("scale_and_translate shrinks with each method, with and without antialias", {
  img <- op_array(pattern(c(6, 6, 1)) * 255, "float32")
  shrink <- function(method, antialias)
    as.array(image$scale_and_translate(img, c(3, 3, 1), c(0.5, 0.5), c(0, 0), c(0, 1), method, antialias = antialias))[, , 1]
  # keras.ops.image.scale_and_translate(img, (3, 3, 1), [0.5, 0.5], [0., 0.], (0, 1), method, antialias)
  # on Keras's NumPy backend (TensorFlow's algorithm), img = pattern((6, 6, 1)) * 255
  expect_equal(shrink("linear", TRUE), rbind(c(144.67346, 115.66071, 129.58163), c(146.625, 114.75, 127.95536), c(99.918365, 128.86607, 153.5204)), tolerance = 1e-6)
  expect_equal(shrink("bilinear", FALSE), rbind(c(140.25, 76.5, 153), c(178.5, 114.75, 121.125), c(76.5, 153, 159.375)), tolerance = 1e-6)
  expect_equal(shrink("cubic", TRUE), rbind(c(148.07109, 112.06676, 131.30128), c(153.51596, 109.60126, 126.82236), c(91.657776, 131.04657, 157.7401)), tolerance = 1e-6)
  expect_equal(shrink("tricubic", FALSE), rbind(c(136.76471, 54.187508, 165.97061), c(197.8125, 114.75, 115.21876), c(63.529415, 166.03127, 162.61766)), tolerance = 1e-6)
  expect_equal(shrink("lanczos3", TRUE), rbind(c(149.01311, 119.44121, 125.71050), c(152.65036, 104.50786, 128.39023), c(92.37558, 126.78809, 161.99483)), tolerance = 1e-6)
  expect_equal(shrink("lanczos3", FALSE), rbind(c(129.74266, 27.206244, 181.40518), c(219.46545, 118.01223, 108.15508), c(51.490395, 180.64014, 165.78209)), tolerance = 1e-6)
  expect_equal(shrink("lanczos5", TRUE), rbind(c(146.73878, 123.19559, 122.34322), c(152.7803, 101.88529, 130.34551), c(94.859085, 125.10997, 165.14023)), tolerance = 1e-6)
  expect_equal(shrink("lanczos5", FALSE), rbind(c(120.03558, 10.39776, 188.93039), c(227.80223, 123.90388, 107.29686), c(47.928986, 189.75613, 171.10933)), tolerance = 1e-5)
})

test_that("scale_and_translate scales and translates each dim by its own amounts", {
  img <- op_array(pattern(c(6, 6, 1)) * 255, "float32")
  out <- image$scale_and_translate(img, c(4, 5, 1), c(0.7, 0.9), c(0.3, -0.2), c(0, 1), "cubic")
  # the same, shape (4, 5, 1), scale [0.7, 0.9], translation [0.3, -0.2], "cubic"
  expect_equal(as.array(out)[, , 1], rbind(c(115.5531, 235.2886, 74.408784, 154.4575, 162.79234), c(127.39135, 164.50119, 69.313065, 138.63362, 89.36309),
                                          c(211.5301, 62.690174, 115.224525, 141.96399, 137.77802), c(110.70335, 96.958107, 167.07089, 84.048973, 173.84952)), tolerance = 1e-5)
})

test_that("scale_and_translate reads negative spatial dims from the end and keeps the others", {
  img <- pattern(c(6, 6)) * 255
  out <- image$scale_and_translate(op_array(img, "float32"), c(6, 3), 0.5, 0, -1L, "linear")
  expect_identical(op_shape(out), shape(6, 3))
  # spatial_dims=(-1,), scale [0.5]: each row shrunk to 3
  expect_equal(as.array(out)[, 2], c(137.0625, 86.0625, 140.25, 89.25, 143.4375, 127.5), tolerance = 1e-6)
})

test_that("scale_and_translate rounds integer images half to even and clips them to their range", {
  img <- op_array(trunc(pattern(c(6, 6, 1)) * 255), "int32")
  out <- image$scale_and_translate(img, c(4, 4, 1), c(1.5, 1.5), c(-0.5, -0.5), c(0, 1), "lanczos3", antialias = FALSE)
  expect_identical(out$dtype, "int32")
  # the same on int32 images: 259.9 is clipped to the input's maximum, 255
  expect_identical(as.array(out)[, , 1], rbind(c(87L, 225L, 242L, 114L), c(41L, 187L, 210L, 76L), c(148L, 178L, 128L, 74L), c(255L, 179L, 43L, 58L)))
})

test_that("scale_and_translate keeps float64 and float16 and gives the images back for no spatial dims", {
  img <- pattern(c(4, 4, 1))
  expect_identical(image$scale_and_translate(img, c(2, 2, 1), c(0.5, 0.5), c(0, 0), c(0, 1), "linear")$dtype, "float64")
  half <- image$scale_and_translate(op_array(img, "float16"), c(2, 2, 1), c(0.5, 0.5), c(0, 0), c(0, 1), "linear")
  expect_identical(half$dtype, "float16")
  expect_equal(as.array(image$scale_and_translate(img, c(4, 4, 1), list(), list(), list(), "linear")), img)
})

test_that("scale_and_translate gives zeros where the output maps outside the input", {
  out <- image$scale_and_translate(op_ones(c(4, 1)), c(4, 1), 1, 2, 0L, "linear")
  expect_equal(as.array(out)[, 1], c(0, 0, 1, 1))
})

test_that("scale_and_translate refuses unknown methods, dims and mismatched scales", {
  img <- op_zeros(c(4, 4, 1))
  expect_error(image$scale_and_translate(img, c(2, 2, 1), c(0.5, 0.5), c(0, 0), c(0, 1), "nearest"), "argument `method`", class = "value_error")
  expect_error(image$scale_and_translate(img, c(2, 2, 1), c(0.5, 0.5), c(0, 0), c(0, 3), "linear"), "spatial_dims", class = "value_error")
  expect_error(image$scale_and_translate(img, c(2, 2, 1), 0.5, c(0, 0), c(0, 1), "linear"), "`scale`", class = "value_error")
  expect_error(image$scale_and_translate(img, c(2, 2, 1), c(0, 0.5), c(0, 0), c(0, 1), "linear"), "non-zero", class = "value_error")
  expect_error(image$scale_and_translate(img, c(2, 2), c(0.5, 0.5), c(0, 0), c(0, 1), "linear"), "output_shape", class = "value_error")
  expect_error(image$scale_and_translate(op_zeros(c(4, 4), dtype = "bool"), c(2, 2), c(0.5, 0.5), c(0, 0), c(0, 1), "linear"), class = "type_error")
})
