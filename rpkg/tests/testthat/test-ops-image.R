# keras3's colour conversions, resizing, cropping, padding and patches, checked against base R's
# colour conversions and against values of Keras's NumPy-backend algorithm computed with NumPy.

values <- function(x) as.array(x)
batch <- function() {
  set.seed(11)
  array(runif(2 * 4 * 5 * 3), c(2, 4, 5, 3))
}

test_that("op_image_rgb_to_grayscale weighs the channels as Keras and keeps the channel axis", {
  rgb <- batch()
  gray <- op_image_rgb_to_grayscale(rgb)
  expect_identical(as.integer(op_shape(gray)), c(2L, 4L, 5L, 1L))
  expect_equal(values(gray)[, , , 1], 0.2989 * rgb[, , , 1] + 0.5870 * rgb[, , , 2] + 0.1140 * rgb[, , , 3])
  first <- op_image_rgb_to_grayscale(aperm(rgb, c(1, 4, 2, 3)), data_format = "channels_first")
  expect_identical(as.integer(op_shape(first)), c(2L, 1L, 4L, 5L))
  expect_equal(values(first)[, 1, , ], values(gray)[, , , 1])
})

test_that("op_image_rgb_to_grayscale truncates integer images back and passes one channel through", {
  out <- op_image_rgb_to_grayscale(array(c(10L, 200L, 30L), c(1, 1, 3)))
  expect_identical(op_dtype(out), "int32")
  expect_identical(as.vector(values(out)), 123L)
  one <- array(c(0.5, 0.25), c(1, 2, 1))
  expect_equal(values(op_image_rgb_to_grayscale(one)), one)
  expect_error(op_image_rgb_to_grayscale(array(0, c(2, 2, 2))), "expected 3 \\(RGB\\) or 1", class = "value_error")
  expect_error(op_image_rgb_to_grayscale(matrix(0, 2, 3)), "Invalid images rank", class = "value_error")
  expect_error(op_image_rgb_to_grayscale(batch(), data_format = "first"), "data_format", class = "value_error")
})

test_that("op_image_rgb_to_hsv agrees with grDevices::rgb2hsv", {
  rgb <- batch()
  hsv <- values(op_image_rgb_to_hsv(rgb))
  for (b in 1:2) for (i in 1:4) {
    expected <- grDevices::rgb2hsv(rgb[b, i, , 1], rgb[b, i, , 2], rgb[b, i, , 3], maxColorValue = 1)
    expect_equal(hsv[b, i, , ], unname(t(expected)))
  }
  grey <- values(op_image_rgb_to_hsv(array(c(0.5, 0.5, 0.5), c(1, 1, 3))))
  expect_equal(as.vector(grey), c(0, 0, 0.5))
  expect_equal(as.vector(values(op_image_rgb_to_hsv(array(0, c(1, 1, 3))))), c(0, 0, 0))
})

test_that("op_image_hsv_to_rgb inverts op_image_rgb_to_hsv and agrees with grDevices::hsv", {
  rgb <- batch()
  expect_equal(values(op_image_hsv_to_rgb(op_image_rgb_to_hsv(rgb))), rgb)
  hsv <- array(c(0.1, 0.6, 0.9, 0.5, 1, 0.25, 0.8, 0.3, 1), c(1, 3, 3))
  out <- values(op_image_hsv_to_rgb(hsv))
  expected <- grDevices::col2rgb(grDevices::hsv(hsv[1, , 1], hsv[1, , 2], hsv[1, , 3])) / 255
  expect_equal(out[1, , ], unname(t(expected)), tolerance = 1 / 255)
})

test_that("the HSV conversions keep float32 and refuse integer images", {
  x <- op_array(batch(), "float32")
  expect_identical(op_dtype(op_image_rgb_to_hsv(x)), "float32")
  expect_identical(op_dtype(op_image_hsv_to_rgb(x)), "float32")
  expect_error(op_image_rgb_to_hsv(array(1L, c(1, 1, 3))), "expected float dtype. Received: images.dtype=int32", class = "value_error")
  expect_error(op_image_hsv_to_rgb(array(1L, c(1, 1, 3))), "expected float dtype", class = "value_error")
})

# An 8 x 6 image of (1:48)^1.5 in row-major order; the expected values are Keras's NumPy
# backend's weights (jax.image.scale_and_translate's) applied with NumPy in float32.
resize_input <- function() op_array(array(matrix((1:48)^1.5, 8, 6, byrow = TRUE), c(8, 6, 1)), "float32")
first_row <- function(x) values(x)[1, 1:4, 1]

test_that("op_image_resize interpolates with Keras's half-pixel centres and kernels", {
  x <- resize_input()
  expect_equal(first_row(op_image_resize(x, c(3, 4))), c(16.53206, 22.35641, 28.83068, 35.88433), tolerance = 1e-6)
  expect_equal(first_row(op_image_resize(x, c(3, 4), interpolation = "bicubic")), c(15.23251, 21.34186, 27.80806, 35.25994), tolerance = 1e-6)
  expect_equal(first_row(op_image_resize(x, c(3, 4), interpolation = "lanczos3")), c(14.86699, 21.12068, 27.16179, 34.83621), tolerance = 1e-6)
  expect_equal(first_row(op_image_resize(x, c(3, 4), interpolation = "lanczos5")), c(14.58093, 20.76529, 26.70479, 34.39914), tolerance = 1e-6)
  expect_equal(sum(values(op_image_resize(x, c(11, 13), interpolation = "bicubic"))), 19530.77, tolerance = 1e-6)
})

test_that("op_image_resize with antialias averages what a shrinking pixel covers", {
  x <- resize_input()
  expect_equal(first_row(op_image_resize(x, c(3, 4), antialias = TRUE)), c(26.73176, 32.59467, 39.20813, 46.12539), tolerance = 1e-6)
  expect_equal(first_row(op_image_resize(x, c(3, 4), interpolation = "bicubic", antialias = TRUE)), c(19.14373, 24.65173, 31.51400, 38.24843), tolerance = 1e-6)
  # Growing, antialias changes nothing.
  expect_equal(values(op_image_resize(x, c(11, 13), antialias = TRUE)), values(op_image_resize(x, c(11, 13))))
})

test_that("op_image_resize nearest takes the pixel holding each output centre", {
  x <- array(1:16, c(4, 4, 1))
  out <- values(op_image_resize(x, c(8, 2), interpolation = "nearest"))[, , 1]
  expect_identical(out, x[c(1, 1, 2, 2, 3, 3, 4, 4), c(2, 4), 1])
})

test_that("op_image_resize keeps the layout: batches, single images and channels first", {
  expect_identical(as.integer(op_shape(op_image_resize(op_ones(c(2, 4, 4, 3)), c(2, 2)))), c(2L, 2L, 2L, 3L))
  expect_identical(as.integer(op_shape(op_image_resize(op_ones(c(4, 4, 3)), c(2, 2)))), c(2L, 2L, 3L))
  first <- op_image_resize(op_ones(c(2, 3, 5, 7)), c(4, 4), data_format = "channels_first")
  expect_identical(as.integer(op_shape(first)), c(2L, 3L, 4L, 4L))
  expect_equal(values(first), array(1, c(2, 3, 4, 4)))
})

test_that("op_image_resize rounds integer images and clips them to the input's range", {
  out <- op_image_resize(array(c(0L, 100L, 200L, 255L), c(2, 2, 1)), c(3, 3))
  expect_identical(op_dtype(out), "int32")
  expect_identical(values(out)[, , 1], matrix(c(0L, 50L, 100L, 100L, 139L, 178L, 200L, 228L, 255L), 3))
})

test_that("op_image_resize crops or pads to the target's aspect ratio first", {
  x <- op_reshape(op_arange(16, dtype = "float32"), c(4, 4, 1))
  expect_equal(values(op_image_resize(x, c(2, 4), crop_to_aspect_ratio = TRUE))[, , 1], rbind(5:8, 9:12))
  padded <- values(op_image_resize(x, c(2, 4), pad_to_aspect_ratio = TRUE, fill_value = -1))[, , 1]
  expect_equal(padded, rbind(c(-1, 3.5, 5.5, -1), c(-1, 11.5, 13.5, -1)))
})

test_that("op_image_resize refuses what Keras refuses", {
  x <- op_ones(c(4, 4, 1))
  expect_error(op_image_resize(x, 2), "tuple of 2 integers", class = "value_error")
  expect_error(op_image_resize(x, c(0, 2)), "positive height and width", class = "value_error")
  expect_error(op_image_resize(x, c(2, 2), interpolation = "area"), "Received: interpolation=\"area\"", class = "value_error")
  expect_error(op_image_resize(x, c(2, 2), fill_mode = "reflect"), "Only `'constant'`", class = "value_error")
  expect_error(op_image_resize(x, c(2, 2), crop_to_aspect_ratio = TRUE, pad_to_aspect_ratio = TRUE), "Only one of", class = "value_error")
  expect_error(op_image_resize(x, c("2", "2")), "must hold whole numbers", class = "type_error")
})

test_that("op_image_crop removes the margins given, working out the third from two", {
  images <- op_reshape(op_arange(27, dtype = "float32"), c(3, 3, 3))
  expect_equal(values(op_image_crop(images, 0, 0, 2, 2)), array(1:3, c(1, 1, 3)))
  x <- array(1:(2 * 5 * 6 * 1), c(2, 5, 6, 1))
  out <- op_image_crop(x, top_cropping = 1, left_cropping = 2, target_height = 3, target_width = 2)
  expect_identical(values(out), x[, 2:4, 3:4, , drop = FALSE])
  out <- op_image_crop(x, bottom_cropping = 1, right_cropping = 3, target_height = 2, target_width = 2)
  expect_identical(values(out), x[, 3:4, 2:3, , drop = FALSE])
  first <- op_image_crop(aperm(x, c(1, 4, 2, 3)), 1, 2, 1, 2, data_format = "channels_first")
  expect_identical(values(first), aperm(x[, 2:4, 3:4, , drop = FALSE], c(1, 4, 2, 3)))
})

test_that("op_image_crop refuses margins that do not fit", {
  x <- op_ones(c(5, 6, 1))
  expect_error(op_image_crop(x, 1, 1), "exactly two of top_cropping, bottom_cropping, target_height. Received: top_cropping=1, bottom_cropping=None, target_height=None", class = "value_error")
  expect_error(op_image_crop(x, -1, 0, 1, 1), "top_cropping must be >= 0", class = "value_error")
  expect_error(op_image_crop(x, bottom_cropping = 1, right_cropping = 1, target_height = 5, target_width = 1), "top_cropping must be >= 0", class = "value_error")
  expect_error(op_image_crop(x, top_cropping = 4, left_cropping = 0, target_height = 3, target_width = 1), "Cannot crop", class = "value_error")
})

test_that("op_image_pad adds zeros, working out the third margin from two", {
  out <- op_image_pad(op_ones(c(2, 2, 1)), 1, 0, 1, 2)
  expect_equal(values(out)[, , 1], rbind(0, cbind(1, 1, 0, 0), cbind(1, 1, 0, 0), 0))
  expect_identical(as.integer(op_shape(op_image_pad(op_ones(c(15, 25, 3)), 2, 3, target_height = 20, target_width = 30))), c(20L, 30L, 3L))
  out <- op_image_pad(op_ones(c(2, 15, 25, 3)), bottom_padding = 2, right_padding = 3, target_height = 20, target_width = 30)
  expect_identical(as.integer(op_shape(out)), c(2L, 20L, 30L, 3L))
  expect_equal(values(out)[1, 1:3, 1, 1], c(0, 0, 0))
  expect_equal(values(out)[1, 4, 3, 1], 1)
  expect_error(op_image_pad(op_ones(c(4, 4, 1)), 1, 1, target_height = 3, target_width = 5), "bottom_padding must be >= 0", class = "value_error")
  expect_error(op_image_pad(op_ones(c(4, 4, 1)), 1, 1, 1, 1, 1, 1), "exactly two", class = "value_error")
})

test_that("op_image_extract_patches flattens each patch row by row, then channel", {
  image <- array(1:16, c(4, 4, 1))
  patches <- op_image_extract_patches(image, 2)
  expect_identical(as.integer(op_shape(patches)), c(2L, 2L, 4L))
  expect_identical(values(patches)[1, 2, ], c(image[1, 3:4, 1], image[2, 3:4, 1]))
  rgb <- array(1:(3 * 3 * 2), c(3, 3, 2))
  one <- values(op_image_extract_patches(rgb, c(2, 2), strides = 1))
  expect_identical(one[2, 1, ], as.vector(aperm(rgb[2:3, 1:2, ], c(3, 2, 1))))
})

test_that("op_image_extract_patches follows keras3's shapes for strides, padding and batches", {
  expect_identical(as.integer(op_shape(op_image_extract_patches(op_ones(c(2, 20, 20, 3)), c(5, 5)))), c(2L, 4L, 4L, 75L))
  expect_identical(as.integer(op_shape(op_image_extract_patches(op_ones(c(20, 20, 3)), c(3, 3), c(1, 1)))), c(18L, 18L, 27L))
  same <- op_image_extract_patches(op_ones(c(5, 5, 1)), 2, padding = "same")
  expect_identical(as.integer(op_shape(same)), c(3L, 3L, 4L))
  expect_equal(values(same)[3, 3, ], c(1, 0, 0, 0))
  dilated <- op_image_extract_patches(array(1:25, c(5, 5, 1)), 2, strides = 1, dilation_rate = 2)
  expect_identical(values(dilated)[1, 1, ], c(1L, 11L, 3L, 13L))
  first <- op_image_extract_patches(op_ones(c(2, 3, 8, 8)), 4, data_format = "channels_first")
  expect_identical(as.integer(op_shape(first)), c(2L, 48L, 2L, 2L))
  expect_error(op_image_extract_patches(op_ones(c(4, 4, 1)), c(2, 2, 2, 2)), "tuple of length 2 or 3. Received: size=c\\(2L, 2L, 2L, 2L\\) with length 4", class = "value_error")
  expect_error(op_image_extract_patches(op_ones(c(4, 4, 1)), c(2, 2, 2)), "Invalid volumes rank", class = "value_error")
})

test_that("op_image_extract_patches takes the patches of volumes with three sizes", {
  volume <- array(seq_len(4 * 4 * 4), c(4, 4, 4, 1))
  patches <- op_image_extract_patches(volume, c(2, 2, 2))
  expect_identical(as.integer(op_shape(patches)), c(2L, 2L, 2L, 8L))
  expect_identical(as.array(patches)[1, 1, 2, ], as.vector(aperm(volume[1:2, 1:2, 3:4, 1], 3:1)))
  expect_identical(as.integer(op_shape(op_image_extract_patches(op_ones(c(2, 8, 8, 8, 3)), c(4, 4, 4)))), c(2L, 2L, 2L, 2L, 192L))
})

test_that("the image ops take keras3's integer arguments as lists", {
  x <- op_ones(c(6, 6, 1))
  expect_identical(as.integer(op_shape(op_image_extract_patches(x, list(2L, 3L), strides = list(1L, 3L)))), c(5L, 2L, 6L))
  expect_identical(as.integer(op_shape(op_image_resize(x, list(2L, 3L)))), c(2L, 3L, 1L))
})

test_that("op_image_resize refuses a fractional size, where keras3 would cut it off", {
  expect_bridge_error(op_image_resize(op_ones(c(6, 6, 1)), c(2.5, 3.9)), "type_error", "`size` must hold whole numbers. Received: 2.5, 3.9", fixed = TRUE)
})

test_that("op_image_resize refuses a size whose arrays could not be held with a memory_error, before building them", {
  expect_bridge_error(op_image_resize(op_zeros(c(5, 5, 1)), c(1e9, 1)), "memory_error", "for an array with shape (1000000000, 5, 1) and data type float32", fixed = TRUE)
  expect_bridge_error(op_image_resize(op_zeros(c(5, 5, 3)), c(1e9, 1e9)), "memory_error", "Unable to allocate")
  expect_identical(as.integer(op_shape(op_image_resize(op_zeros(c(5, 5, 3)), c(3, 7)))), c(3L, 7L, 3L))
})

test_that("op_image_resize reads, for each output pixel, only the input pixels its kernel reaches", {
  # 1000 pixels to 1e6 (a 40 MB result): the dense weights of every input by every output pixel were 8 GB.
  up <- op_image_resize(op_reshape(op_arange(1, 1000), c(1000, 1, 1)), c(1e6, 1))
  expect_identical(as.integer(op_shape(up)), c(1000000L, 1L, 1L))
  values <- as.vector(as.array(up))
  expect_equal(values[c(1, 500000, 1e6)], c(1, 500.4995, 1000), tolerance = 1e-6)
  expect_true(all(diff(values) >= -1e-4))
  # Shrinking with antialias averages a wide span in blocks; a constant stays constant.
  down <- op_image_resize(op_ones(c(1e6, 2, 1)), c(10, 2), antialias = TRUE)
  expect_equal(as.array(down), array(1, c(10, 2, 1)), tolerance = 1e-6)
  # No pixel to read: zeros, as the product of no terms.
  expect_identical(as.array(op_image_resize(array(1, c(0, 3, 1)), c(2, 3))), array(0, c(2, 3, 1)))
})

test_that("op_image_resize of integers rounds and saturates to the dtype, overshoot kept, as Keras's _resize", {
  image <- array(c(0L, 100L, 0L, 100L, 0L, 100L), c(3, 2, 1))
  out <- op_image_resize(image, c(6, 8), interpolation = "bicubic", pad_to_aspect_ratio = TRUE)
  expect_identical(as.vector(as.array(out)[1, , 1]), c(1L, -4L, -15L, 17L, 92L, 93L, 23L, -10L))
})

test_that("op_image_resize pads integer images with fill_value as a float, saturated at the end", {
  image <- op_array(array(c(0L, 100L, 0L, 100L, 0L, 100L), c(3, 2, 1)), "uint8")
  out <- op_image_resize(image, c(6, 8), pad_to_aspect_ratio = TRUE, fill_value = 300)
  expect_identical(op_dtype(out), "uint8")
  expect_identical(as.vector(as.array(out)[, 1, 1]), rep(255L, 6))
})

test_that("the image ops refuse bad channels and sizes in Keras's words", {
  expect_bridge_error(op_image_rgb_to_hsv(op_ones(c(2, 2, 4))), "value_error",
                      "Input images must have 3 channels, but received images with 4 channels.", fixed = TRUE)
  expect_bridge_error(op_image_hsv_to_rgb(op_ones(c(4, 2, 2)), data_format = "channels_first"), "value_error",
                      "but received images with 4 channels.", fixed = TRUE)
  expect_bridge_error(op_image_extract_patches(op_ones(c(5, 5, 1)), "5"), "type_error",
                      "Invalid `size` argument. Expected an int or a tuple.", fixed = TRUE)
})

test_that("cropping an empty image to the aspect ratio leaves it empty, and the resize gives zeros, as Keras's NumPy backend", {
  out <- op_image_resize(op_zeros(c(0, 5, 3)), c(4, 4), crop_to_aspect_ratio = TRUE)
  expect_identical(op_shape(out), shape(4, 4, 3))
  expect_true(all(as.array(out) == 0))
})

test_that("op_image_crop refuses a fractional margin", {
  expect_bridge_error(op_image_crop(op_ones(c(4, 4, 3)), 1.5, 1, target_height = 2, target_width = 2),
                      "type_error", "`top_cropping` must hold whole numbers. Received: 1.5", fixed = TRUE)
})

test_that("op_image_pad refuses a fractional margin", {
  expect_bridge_error(op_image_pad(op_ones(c(4, 4, 3)), 1.5, 1, target_height = 6, target_width = 6),
                      "type_error", "`top_padding` must hold whole numbers. Received: 1.5", fixed = TRUE)
})

test_that("op_image_extract_patches refuses a fractional size", {
  expect_bridge_error(op_image_extract_patches(op_ones(c(4, 4, 3)), size = 1.5), "type_error", "`size` must hold whole numbers. Received: 1.5", fixed = TRUE)
})

test_that("op_image_crop refuses a margin that runs past the image near R's largest integer", {
  expect_bridge_error(op_image_crop(op_ones(c(4, 4, 3)), .Machine$integer.max, 1L, target_height = 2L, target_width = 2L),
                      "value_error", "Cannot crop 2 pixels from 4 starting at 2147483647.", fixed = TRUE)
})

test_that("op_image_crop refuses a target height near R's largest integer", {
  expect_bridge_error(op_image_crop(op_ones(c(4, 4, 3)), 1L, 1L, target_height = .Machine$integer.max, target_width = 2L),
                      "value_error", "Cannot crop 2147483647 pixels from 4 starting at 1.", fixed = TRUE)
})

test_that("op_image_crop refuses margins whose difference passes R's integers", {
  expect_bridge_error(op_image_crop(op_ones(c(4, 4, 3)), bottom_cropping = .Machine$integer.max, left_cropping = 1L,
                                    target_height = .Machine$integer.max, target_width = 2L),
                      "value_error", "top_cropping must be >= 0. Received: top_cropping=-4294967290", fixed = TRUE)
})

test_that("op_image_pad refuses margins whose difference passes R's integers", {
  expect_bridge_error(op_image_pad(op_ones(c(4, 4, 3)), bottom_padding = .Machine$integer.max, left_padding = 1L,
                                   target_height = 1L, target_width = 6L),
                      "value_error", "top_padding must be >= 0. Received: top_padding=-2147483650", fixed = TRUE)
})
