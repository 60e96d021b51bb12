# Sampling at coordinates (SciPy's map_coordinates as Keras's NumPy backend calls it) and the
# transforms built on it, checked by hand and against the fill modes' definitions.

values <- function(x) as.array(x)

test_that("op_image_map_coordinates takes the nearest pixel with order 0 and blends with order 1", {
  x <- matrix(c(1, 2, 3, 4), 2, byrow = TRUE)
  expect_equal(as.vector(values(op_image_map_coordinates(x, rbind(c(0, 1, 0.4), c(1, 0, 0.6)), order = 0))), c(2, 3, 2))
  expect_equal(as.vector(values(op_image_map_coordinates(x, rbind(c(0.5, 0.25), c(0.5, 1)), order = 1))), c(2.5, 2.5))
  # Order 0 rounds halves up, as SciPy does.
  expect_equal(as.vector(values(op_image_map_coordinates(c(10, 20, 30), rbind(c(0.5, 1.5)), order = 0))), c(20, 30))
})

test_that("op_image_map_coordinates extends the input by each fill mode", {
  v <- c(1, 2, 3, 4)
  at <- function(mode) as.vector(values(op_image_map_coordinates(v, rbind(-4:7), 0, fill_mode = mode, fill_value = 9)))
  expect_equal(at("constant"), c(9, 9, 9, 9, 1, 2, 3, 4, 9, 9, 9, 9))
  expect_equal(at("nearest"), c(1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 4, 4))
  expect_equal(at("wrap"), c(1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4))
  # mirror: (c d c b | a b c d | c b a b); reflect: (d c b a | a b c d | d c b a)
  expect_equal(at("mirror"), c(3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2))
  expect_equal(at("reflect"), c(4, 3, 2, 1, 1, 2, 3, 4, 4, 3, 2, 1))
})

test_that("op_image_map_coordinates blends with the fill value outside, which keras3 makes whole", {
  out <- op_image_map_coordinates(c(1, 2, 3, 4), rbind(c(-0.5, 3.5, 1.25)), 1, fill_value = 2.7)
  expect_equal(as.vector(values(out)), c(1.5, 3, 2.25))
})

test_that("op_image_map_coordinates gives the coordinates' shape and the input's dtype", {
  x <- op_array(array(runif(24), c(2, 3, 4)), "float32")
  coords <- array(0, c(3, 5, 2))
  out <- op_image_map_coordinates(x, coords, 1)
  expect_identical(as.integer(op_shape(out)), c(5L, 2L))
  expect_identical(op_dtype(out), "float32")
  listed <- op_image_map_coordinates(matrix(1:4, 2), list(c(0, 1), c(1, 1)), 0)
  expect_identical(op_dtype(listed), "int32")
  expect_identical(as.vector(values(listed)), c(3L, 4L))
  expect_identical(as.vector(values(op_image_map_coordinates(matrix(1:4, 2), rbind(0.5, 0), 1))), 2L)
})

test_that("op_image_map_coordinates refuses what Keras refuses", {
  x <- matrix(1, 2, 2)
  expect_error(op_image_map_coordinates(x, rbind(c(0, 1)), 1), "First dim of `coordinates` must be the same as the rank", class = "value_error")
  expect_error(op_image_map_coordinates(c(1, 2), array(0, 1), 1), "expected at least rank 2", class = "value_error")
  expect_error(op_image_map_coordinates(x, rbind(0, 0), 2), "Expected one of \\[0, 1\\]", class = "value_error")
  expect_error(op_image_map_coordinates(x, rbind(0, 0), 1, fill_mode = "edge"), "Received: fill_mode=\"edge\"", class = "value_error")
})

test_that("op_image_affine_transform maps each output pixel to the input point the transform gives", {
  x <- op_reshape(op_arange(12, dtype = "float32"), c(3, 4, 1))
  right <- values(op_image_affine_transform(x, c(1, 0, -1, 0, 1, 0, 0, 0)))[, , 1]
  expect_equal(right, cbind(0, matrix(1:12, 3, byrow = TRUE)[, 1:3]))
  down_wrapped <- values(op_image_affine_transform(x, c(1, 0, 0, 0, 1, 1, 0, 0), interpolation = "nearest", fill_mode = "wrap"))[, , 1]
  expect_equal(down_wrapped, matrix(1:12, 3, byrow = TRUE)[c(2, 3, 1), ])
  zoom <- values(op_image_affine_transform(x, c(0.5, 0, 0, 0, 0.5, 0, 0, 0)))[, , 1]
  expect_equal(zoom[1, ], c(1, 1.5, 2, 2.5))
  expect_identical(op_dtype(op_image_affine_transform(x, c(1, 0, 0, 0, 1, 0, 0, 0))), "float32")
})

test_that("op_image_affine_transform divides by k = c0 x + c1 y + 1, as TensorFlow's projective transform", {
  image <- matrix(1:16, 4, byrow = TRUE)
  out <- as.array(op_image_affine_transform(array(image, c(4, 4, 1)), c(1, 0, 0, 0, 1, 0, 0.15, 0), interpolation = "nearest"))[, , 1]
  expected <- outer(0:3, 0:3, function(y, x) {
    k <- 0.15 * x + 1
    image[cbind(round(y / k) + 1, round(x / k) + 1)]
  })
  expect_identical(out, expected)
})

test_that("op_image_affine_transform gives fill_value where k = 0, in every fill mode, as TensorFlow's kernel", {
  image <- array(as.numeric(1:12), c(3, 4, 1))
  for (mode in c("constant", "nearest", "reflect", "wrap")) {
    out <- as.array(op_image_affine_transform(image, c(1, 0, 0, 0, 1, 0, -1, 0), fill_mode = mode, fill_value = 7))[, , 1]
    # k = 1 - x is 0 in the second column (x = 1).
    expect_identical(out[, 2], c(7, 7, 7))
  }
  expect_identical(as.array(op_image_affine_transform(op_array(image, "uint8"), c(1, 0, 0, 0, 1, 0, -1, 0), fill_value = 7))[, 2, 1], rep(7L, 3))
})

test_that("op_image_affine_transform takes one transform per image, channels first too", {
  x <- op_ones(c(2, 3, 4, 2))
  t <- rbind(c(1, 0, 0, 0, 1, 0, 0, 0), c(1, 0, -2, 0, 1, 0, 0, 0))
  out <- values(op_image_affine_transform(x, t))
  expect_equal(out[1, , , ], array(1, c(3, 4, 2)))
  expect_equal(out[2, , 1:2, ], array(0, c(3, 2, 2)))
  first <- op_image_affine_transform(op_ones(c(2, 2, 3, 4)), t, data_format = "channels_first")
  expect_identical(as.integer(op_shape(first)), c(2L, 2L, 3L, 4L))
  expect_equal(values(first)[2, , , 1:2], array(0, c(2, 3, 2)))
  expect_error(op_image_affine_transform(x, rbind(t, t, t)), "one per image", class = "value_error")
  expect_error(op_image_affine_transform(x, c(1, 0, 0)), "8 columns", class = "value_error")
  expect_error(op_image_affine_transform(x, array(0, c(1, 1, 8))), "Invalid transform rank", class = "value_error")
  expect_error(op_image_affine_transform(x, t, interpolation = "bicubic"), "Received: interpolation=\"bicubic\"", class = "value_error")
})

test_that("op_image_perspective_transform maps the end points to the start points", {
  x <- op_reshape(op_arange(12, dtype = "float32"), c(3, 4, 1))
  square <- rbind(c(0, 0), c(0, 3), c(4, 0), c(4, 3))
  expect_equal(values(op_image_perspective_transform(x, square, square)), values(x))
  shifted <- sweep(square, 2L, c(1, 0), "+")
  expect_equal(values(op_image_perspective_transform(x, square, shifted))[, , 1], cbind(0, matrix(1:12, 3, byrow = TRUE)[, 1:3]))
  # The points transform exactly: the output corner (x, y) = (2, 1) reads the input at the homography's image of it.
  skew <- rbind(c(0, 0), c(0, 3), c(4, 0), c(4, 3.5))
  out <- values(op_image_perspective_transform(op_ones(c(3, 4, 1)), skew, square, fill_value = 0))
  expect_true(all(out %in% c(0, 1) | (out > 0 & out < 1)))
})

test_that("op_image_perspective_transform checks the points' shapes as Keras", {
  x <- op_ones(c(2, 8, 8, 1))
  square <- rbind(c(0, 0), c(0, 8), c(8, 0), c(8, 8))
  expect_identical(as.integer(op_shape(op_image_perspective_transform(x, square, square))), c(2L, 8L, 8L, 1L))
  batch <- op_stack(list(square, square))
  expect_identical(as.integer(op_shape(op_image_perspective_transform(x, batch, batch))), c(2L, 8L, 8L, 1L))
  expect_error(op_image_perspective_transform(x, square[1:3, ], square[1:3, ]), "expected \\(4,2\\)", class = "value_error")
  expect_error(op_image_perspective_transform(x, square, batch), "same shape", class = "value_error")
  collapsed <- matrix(0, 4, 2)
  expect_error(op_image_perspective_transform(x, square, collapsed), class = "value_error")
})

test_that("op_image_gaussian_blur convolves with a normalised Gaussian, zeros around", {
  out <- values(op_image_gaussian_blur(op_ones(c(4, 4, 1))))[, , 1]
  taps <- exp(-0.5 * c(1, 0, 1)^2)
  taps <- taps / sum(taps)
  edge <- taps[2] + taps[3]
  expect_equal(out[1, 1], edge^2, tolerance = 1e-6)
  expect_equal(out[2, 2], 1)
  expect_equal(out[1, 2], edge, tolerance = 1e-6)
  impulse <- array(0, c(5, 5, 1))
  impulse[3, 3, 1] <- 1
  kernel <- values(op_image_gaussian_blur(impulse, kernel_size = c(3, 5), sigma = c(1, 2)))[, , 1]
  rows <- exp(-0.5 * ((-2:2) / 2)^2)
  columns <- exp(-0.5 * (-1:1)^2)
  # As Keras's NumPy backend: rows from the second entries, columns from the first.
  expect_equal(kernel[, 2:4], outer(rows / sum(rows), columns / sum(columns)))
})

test_that("op_image_gaussian_blur keeps shapes and dtype", {
  expect_identical(as.integer(op_shape(op_image_gaussian_blur(op_ones(c(2, 3, 16, 20)), data_format = "channels_first"))), c(2L, 3L, 16L, 20L))
  expect_identical(op_dtype(op_image_gaussian_blur(op_ones(c(4, 4, 1), dtype = "float32"))), "float32")
  expect_error(op_image_gaussian_blur(op_ones(c(4, 4, 1)), sigma = 0), "positive", class = "value_error")
  expect_error(op_image_gaussian_blur(op_ones(c(4, 4, 1)), kernel_size = 0), "kernel_size", class = "value_error")
})

test_that("op_image_elastic_transform displaces pixels reproducibly with a seed", {
  x <- random_uniform(c(2, 12, 12, 3), seed = 4)
  a <- op_image_elastic_transform(x, seed = 7)
  expect_identical(as.integer(op_shape(a)), c(2L, 12L, 12L, 3L))
  expect_equal(values(a), values(op_image_elastic_transform(x, seed = 7)))
  expect_false(isTRUE(all.equal(values(a), values(x))))
  expect_equal(values(op_image_elastic_transform(x, alpha = 0, seed = 7)), values(x))
  # Reflected at the edges, a constant image stays constant.
  expect_equal(values(op_image_elastic_transform(op_ones(c(8, 8, 1)), seed = 1)), array(1, c(8, 8, 1)))
  first <- op_image_elastic_transform(op_ones(c(1, 3, 8, 8)), data_format = "channels_first", seed = 1)
  expect_identical(as.integer(op_shape(first)), c(1L, 3L, 8L, 8L))
  expect_error(op_image_elastic_transform(x, sigma = -1), "positive", class = "value_error")
  expect_error(op_image_elastic_transform(x, sigma = 1e9), "more taps than an R vector holds", class = "value_error")
  expect_identical(as.integer(op_shape(op_image_elastic_transform(x, sigma = 0.7, seed = 1))), c(2L, 12L, 12L, 3L))
  expect_error(op_image_elastic_transform(x, fill_mode = "edge"), "fill_mode", class = "value_error")
})

test_that("a NaN reaches only the pixels that read it", {
  x <- array(1, c(5, 5, 1))
  x[1, 1, 1] <- NaN
  blurred <- as.array(op_image_gaussian_blur(x))[, , 1]
  expect_identical(which(is.nan(blurred)), c(1L, 2L, 6L, 7L))
  # As in SciPy, a corner of weight 0 still counts: the NaN beside the point spreads.
  sampled <- op_image_map_coordinates(c(1, NaN, 3), array(c(0, 2, 0.5), c(1, 3)), order = 1)
  expect_identical(is.nan(as.vector(as.array(sampled))), c(TRUE, FALSE, TRUE))
})

test_that("op_image_perspective_transform with points that fix no transform is NumPy's 'Singular matrix'", {
  corners <- rbind(c(0, 0), c(0, 4), c(4, 0), c(4, 4))
  expect_bridge_error(op_image_perspective_transform(op_zeros(c(5, 5, 3)), corners, matrix(0, 4, 2)),
                      "value_error", "Singular matrix", fixed = TRUE)
})

test_that("a Gaussian kernel far wider than the image costs only the taps that meet it", {
  image <- array(seq_len(25), c(5, 5, 1))
  wide <- as.array(op_image_gaussian_blur(image, c(1001, 1001), c(100, 100)))
  # Every tap that meets a 5-pixel axis is within 0.03 % of the centre tap: nearly a box filter.
  box <- as.array(op_image_gaussian_blur(image, c(1001, 1001), c(1e9, 1e9)))
  expect_equal(wide, box, tolerance = 1e-3)
  expect_identical(dim(as.array(op_image_elastic_transform(op_zeros(c(5, 5, 3)), sigma = 1e6, seed = 1L))), c(5L, 5L, 3L))
})

test_that("op_image_elastic_transform refuses a kernel that memory could not hold with a memory_error", {
  expect_bridge_error(op_image_elastic_transform(op_zeros(c(5, 5, 3)), sigma = 3e8, seed = 1L), "memory_error", "Unable to allocate")
})

test_that("op_image_map_coordinates refuses to extend an empty axis except with the constant fill, as Keras's NumPy backend", {
  expect_bridge_error(op_image_map_coordinates(op_zeros(c(0, 5)), array(0, c(2, 3)), order = 1, fill_mode = "wrap"),
                      "value_error", "can't extend empty axis 1")
  expect_identical(as.vector(as.array(op_image_map_coordinates(op_zeros(c(0, 5)), array(0, c(2, 3)), order = 1))), c(0, 0, 0))
})

test_that("op_image_gaussian_blur refuses a fractional kernel size", {
  expect_bridge_error(op_image_gaussian_blur(op_ones(c(4, 4, 1)), kernel_size = c(2.5, 3)),
                      "type_error", "`kernel_size` must hold whole numbers. Received: 2.5, 3.0", fixed = TRUE)
})
