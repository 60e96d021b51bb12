# The keras object: Keras's Python module's names, with Python's meaning of the arguments.
m <- matrix(c(3, 1, 2, 9, 5, 4), 2)
x <- op_array(m, "float32")

test_that("keras$ops takes 0-based axes, as Python's keras.ops", {
  expect_equal(as.array(keras$ops$sum(x, axis = 0L)), array(colSums(m)))
  expect_equal(as.array(keras$ops$mean(x, axis = -1L)), array(rowMeans(m)), tolerance = 1e-6)
  expect_equal(as.array(keras$ops$transpose(x, c(1L, 0L))), t(m))
  expect_identical(as.integer(keras$ops$expand_dims(x, 0L)$shape), c(1L, 2L, 3L))
  expect_identical(as.integer(keras$ops$swapaxes(x, 0L, 1L)$shape), c(3L, 2L))
  expect_equal(as.vector(as.array(keras$ops$tensordot(x, x, axes = 2L))), sum(m * m))
})

test_that("keras$ops takes and returns 0-based indices", {
  expect_identical(as.array(keras$ops$argmax(x, axis = 1L)), array(c(2L, 1L)))
  expect_identical(as.array(keras$ops$argsort(x, axis = 1L))[1, ], c(1L, 0L, 2L))
  expect_equal(as.array(keras$ops$take(x, 0L, axis = 1L)), array(m[, 1]))
  expect_equal(as.array(keras$ops$slice(x, c(0L, 1L), c(2L, 2L))), m[, 2:3])
  expect_equal(as.array(keras$ops$one_hot(c(0L, 2L), 3L)), rbind(c(1, 0, 0), c(0, 0, 1)))
  expect_identical(lengths(lapply(keras$ops$split(op_arange(6), c(2L, 3L)), as.array)), c(2L, 1L, 3L))
})

test_that("keras$ops$top_k takes Keras's is_stable, ties by position either way", {
  x <- c(1, 3, 2, 3)
  for (stable in c(TRUE, FALSE)) {
    found <- keras$ops$top_k(x, 2L, sorted = FALSE, is_stable = stable)
    expect_identical(as.vector(found[[2]]), c(1L, 3L))
    expect_equal(as.vector(found[[1]]), c(3, 3))
  }
  expect_identical(as.vector(keras$ops$top_k(x, 3L, is_stable = TRUE)$indices), c(1L, 3L, 2L))
  expect_error(keras$ops$top_k(x, 2L, is_stable = "yes"), class = "type_error")
})

test_that("keras$ops$arange excludes its end and starts at 0", {
  expect_equal(as.array(keras$ops$arange(4L)), array(0:3))
  expect_equal(as.array(keras$ops$arange(1, 7, 2)), array(c(1, 3, 5)))
})

test_that("keras$Variable, keras$initializers and keras$random reach the same functions", {
  v <- keras$Variable(keras$initializers$Ones(), shape = c(2, 2), dtype = "float32")
  expect_identical(as.array(v), array(1, c(2, 2)))
  expect_identical(format(keras$initializers$GlorotUniform(seed = 1L)), format(initializer_glorot_uniform(seed = 1L)))
  expect_identical(as.array(keras$random$normal(3, seed = 1L)), as.array(random_normal(3, seed = 1L)))
  expect_identical(as.array(keras$random$randint(3, 0L, 5L, seed = 2L)), as.array(random_integer(3, 0, 5, seed = 2)))
  expect_identical(as.array(keras$random$shuffle(x, axis = 1L, seed = 3L)), as.array(random_shuffle(x, axis = 2L, seed = 3L)))
  g <- keras$random$SeedGenerator(4L)
  expect_s3_class(g, "kerasbridge_seed_generator")
})

test_that("keras$name_scope and keras$StatelessScope enter with with()", {
  expect_identical(with(keras$name_scope("block"), keras$Variable(0, name = "bias"))$path, "block/bias")
  v <- keras$Variable(1)
  scope <- keras$StatelessScope(list(list(v, 10)))
  expect_identical(with(scope, as.vector(as.array(v + 1))), 11)
  expect_identical(as.array(v), array(1))
})

path_here <- function() keras_variable(0, name = "w")$path

test_that("keras$name_scope with the same caller and name as the innermost scope does not open another", {
  inner <- with(keras$name_scope("name", caller = 1), with(keras$name_scope("name", caller = 1), path_here()))
  expect_identical(inner, "name/w")
  expect_identical(path_here(), "w")
})

test_that("keras$name_scope without a caller, or with deduplicate = FALSE, always opens", {
  expect_identical(with(keras$name_scope("name"), with(keras$name_scope("name"), path_here())), "name/name/w")
  twice <- with(keras$name_scope("name", caller = 1),
                with(keras$name_scope("name", caller = 1, deduplicate = FALSE), path_here()))
  expect_identical(twice, "name/name/w")
})

test_that("keras$name_scope deduplicates only against the innermost scope", {
  caller <- new.env()
  path <- with(keras$name_scope("name", caller = caller),
               with_name_scope("name", with(keras$name_scope("name", caller = caller), path_here())))
  expect_identical(path, "name/name/name/w")
})

test_that("keras$name_scope's override_parent replaces the enclosing scopes' path", {
  with(keras$name_scope("outer"), {
    expect_identical(path_here(), "outer/w")
    with(keras$name_scope("middle", override_parent = "/absolute/path"), {
      expect_identical(path_here(), "absolute/path/middle/w")
      expect_identical(with(keras$name_scope("inner"), path_here()), "absolute/path/middle/inner/w")
    })
    expect_identical(path_here(), "outer/w")
  })
})

test_that("keras$name_scope refuses a bad name when it is made, as Keras's constructor", {
  expect_bridge_error(keras$name_scope("foo/bar"), "value_error", "must be a string and cannot contain character `/`")
  expect_bridge_error(keras$name_scope(4), "value_error", "must be a string and cannot contain character")
  expect_identical(path_here(), "w")
})

test_that("keras$config, keras$utils and keras$backend reach the session's settings", {
  expect_identical(keras$config$floatx(), "float32")
  expect_identical(keras$config$epsilon(), 1e-7)
  expect_identical(keras$config$image_data_format(), "channels_last")
  keras$utils$set_random_seed(3L)
  a <- as.array(random_normal(2))
  keras$utils$set_random_seed(3L)
  expect_identical(as.array(random_normal(2)), a)
  keras$backend$clear_session()
  expect_identical(keras_variable(1)$name, "variable")
})

test_that("keras$backend's dtype helpers and keras$config$backend() answer as Keras's, as keras3's test helpers call them", {
  expect_identical(keras$backend$standardize_dtype("float64"), "float64")
  expect_identical(keras$backend$standardize_dtype(NULL), "float32")
  expect_error(keras$backend$standardize_dtype("nonsense"), "Invalid dtype", class = "value_error")
  expect_true(keras$backend$is_int_dtype("uint8"))
  expect_false(keras$backend$is_int_dtype("bool"))
  expect_true(keras$backend$is_float_dtype("bfloat16"))
  expect_false(keras$backend$is_float_dtype("int32"))
  expect_false(keras$backend$is_keras_tensor(op_ones(2)))
  expect_identical(keras$config$backend(), config_backend())
  expect_identical(keras$backend$backend(), config_backend())
})

test_that("the keras object cannot be changed", {
  expect_error(keras$ops <- NULL)
})

test_that("keras$ops keeps an explicit axis = NULL (Python's None: all axes)", {
  expect_equal(as.array(keras$ops$sort(x, axis = NULL)), array(sort(as.vector(t(m)))))
})

test_that("keras$ops shifts tensor indices, single split points and tensordot axis pairs", {
  start <- op_array(c(0L, 1L))
  expect_equal(as.array(keras$ops$slice(x, start, c(2L, 2L))), m[, 2:3])
  expect_identical(lengths(lapply(keras$ops$split(op_arange(6), list(2L)), as.array)), c(2L, 4L))
  expect_equal(as.array(keras$ops$tensordot(x, op_array(t(m), "float32"), axes = c(1L, 0L))), m %*% t(m))
})

test_that("keras$random$categorical draws 0-based classes, as Python's keras.random.categorical", {
  logits <- matrix(c(0, -Inf, -Inf, 0), 2)
  expect_identical(as.array(keras$random$categorical(logits, 3L, seed = 1L)), matrix(c(0L, 1L), 2, 3))
})

test_that("keras$ops$image holds the image ops under Keras's names", {
  expect_setequal(ls(keras$ops$image), c("affine_transform", "crop_images", "elastic_transform", "extract_patches",
                                         "gaussian_blur", "hsv_to_rgb", "map_coordinates", "pad_images",
                                         "perspective_transform", "resize", "rgb_to_grayscale", "rgb_to_hsv",
                                         "extract_patches_3d", "reconstruct_patches", "scale_and_translate", "sobel_edges", "ssim"))
  x <- op_ones(c(4, 4, 1))
  expect_identical(as.integer(op_shape(keras$ops$image$crop_images(x, 1, 1, 1, 1))), c(2L, 2L, 1L))
  expect_identical(as.integer(op_shape(keras$ops$image$resize(x, c(2L, 3L)))), c(2L, 3L, 1L))
})

test_that("keras$ops's CTC ops take Python's 0-based mask_index", {
  logits <- array(rnorm(24), c(2, 4, 3))
  expect_equal(as.array(keras$ops$ctc_loss(matrix(1L, 2, 2), logits, c(2, 2), c(4, 4), mask_index = 2L)),
               as.array(op_ctc_loss(matrix(1L, 2, 2), logits, c(2, 2), c(4, 4), mask_index = 3L)))
  expect_equal(as.array(keras$ops$ctc_decode(logits, c(4, 4))[[1L]]), as.array(op_ctc_decode(logits, c(4, 4))[[1L]]))
})

test_that("keras$ops's segment ops take Python's 0-based segment ids", {
  data <- c(1, 2, 10, 20, 100, 200)
  expect_equal(as.array(keras$ops$segment_sum(data, c(0L, 0L, 1L, 1L, 2L, 2L), 3L)), array(c(3, 30, 300)))
  expect_equal(as.array(keras$ops$segment_max(data, c(0L, 0L, 1L, 1L, 2L, 2L), 3L)), array(c(2, 20, 200)))
})

test_that("keras$ops's scatter ops take Python's 0-based indices", {
  indices <- rbind(c(0L, 1L), c(1L, 0L))
  expect_equal(as.array(keras$ops$scatter(indices, c(1, 1), c(2L, 2L))), rbind(c(0, 1), c(1, 0)))
  expect_equal(as.array(keras$ops$scatter_update(op_zeros(c(2, 2)), rbind(c(0L, 1L)), 5)), rbind(c(0, 5), c(0, 0)))
})

test_that("keras$ops$unravel_index takes Python's 0-based flat indices", {
  coords <- keras$ops$unravel_index(c(0L, 3L), c(2L, 2L))
  expect_identical(lapply(coords, as.array), list(array(c(0L, 1L)), array(c(0L, 1L))))
})

test_that("keras$ops$switch takes Python's 0-based branch index", {
  branches <- list(function(x) x + 1, function(x) x - 1)
  expect_equal(keras$ops$switch(1L, branches, 10), 9)
  expect_equal(keras$ops$switch(0L, branches, 10), 11)
})

test_that("keras$ops$nonzero gives Keras's list of 0-based positions, one vector per axis", {
  hits <- keras$ops$nonzero(matrix(c(0, 1, 2, 0), 2))
  expect_length(hits, 2L)
  expect_identical(as.vector(as.array(hits[[1L]])), c(0L, 1L))
  expect_identical(as.vector(as.array(hits[[2L]])), c(1L, 0L))
})

test_that("keras$ops$split reads a one-element array as a split point, as NumPy's array of points", {
  parts <- keras$ops$split(matrix(as.double(1:12), 3), array(2L), axis = 1L)
  expect_identical(lapply(parts, function(p) as.integer(p$shape)), list(c(3L, 2L), c(3L, 2L)))
})

test_that("keras$ops takes vectors as Python lists, map() in Python's order, step = NULL, and refuses fractional axes", {
  expect_identical(keras$ops$convert_to_tensor(c(0.5, 1.5))$dtype, "float32")
  expect_identical(keras$ops$convert_to_tensor(array(c(0.5, 1.5)))$dtype, "float64")
  grid <- keras$ops$meshgrid(c(0.5, 1.5), c(1, 2, 3))
  expect_identical(as.vector(as.array(grid[[1L]]))[1:2], c(0.5, 0.5))
  expect_identical(as.vector(as.array(keras$ops$map(function(v) v * 2, op_array(c(1, 2))))), c(2, 4))
  expect_identical(as.vector(as.array(keras$ops$arange(0L, 3L, NULL))), 0:2)
  expect_bridge_error(keras$ops$sum(x, axis = 0.5), "type_error", "whole numbers")
})

test_that("keras$ops has Keras's other names for ops, and keras$backend config's functions", {
  expect_equal(as.array(keras$ops$absolute(op_array(c(-1, 2)))), array(c(1, 2)))
  expect_equal(as.vector(as.array(keras$ops$amax(x, axis = 0L))), apply(m, 2, max))
  expect_identical(keras$backend$floatx(), config_floatx())
  expect_identical(keras$backend$epsilon(), config_epsilon())
})

test_that("keras$ops$take reads one whole double as Python's int, dropping the axis, and refuses a fraction", {
  expect_identical(keras$ops$take(op_array(c(10, 20, 30)), 1)$shape, shape())
  expect_identical(as.vector(as.array(keras$ops$take(op_array(c(10, 20, 30)), 1))), 20)
  expect_bridge_error(keras$ops$take(op_array(c(10, 20, 30)), 0.5), "type_error", "whole numbers")
})

test_that("a name a Keras module lacks is an attribute_error naming the module, as reticulate's AttributeError", {
  expect_bridge_error(keras$ops$no_such_op, "attribute_error", "module 'keras.ops' has no attribute 'no_such_op'", fixed = TRUE)
  expect_bridge_error(keras$random$no_such, "attribute_error", "module 'keras.random' has no attribute 'no_such'", fixed = TRUE)
  expect_bridge_error(keras$nope, "attribute_error", "module 'keras' has no attribute 'nope'", fixed = TRUE)
  expect_output(print(keras$ops), "<module 'keras.ops' (kerasbridge)>", fixed = TRUE)
  expect_true("sum" %in% ls(keras$ops))
})

test_that("keras$ops$numpy, $nn and $linalg hold their Keras modules' ops, and only those", {
  x <- op_array(matrix(c(2, 0, 0, 4), 2), "float32")
  expect_equal(as.array(keras$ops$linalg$inv(x)), as.array(op_inv(x)))
  expect_equal(as.array(keras$ops$nn$relu(op_array(c(-1, 2)))), array(c(0, 2)))
  expect_equal(as.vector(as.array(keras$ops$numpy$sum(x, axis = 0L))), c(2, 4))
  expect_bridge_error(keras$ops$numpy$relu, "attribute_error", "module 'keras.ops.numpy' has no attribute 'relu'", fixed = TRUE)
  expect_bridge_error(keras$ops$numpy$segment_sum, "attribute_error")
  expect_false(any(c("sum", "relu") %in% ls(keras$ops$linalg)))
})

test_that("keras$ops has no keras3-only names such as pmax or convert_to_array", {
  expect_bridge_error(keras$ops$pmax, "attribute_error", "no attribute 'pmax'")
  expect_bridge_error(keras$ops$pmin, "attribute_error", "no attribute 'pmin'")
  expect_bridge_error(keras$ops$convert_to_array, "attribute_error", "no attribute 'convert_to_array'")
  expect_bridge_error(keras$ops[["pmax"]], "attribute_error", "no attribute 'pmax'")
  expect_identical(keras$ops[["sum"]], keras$ops$sum)
  expect_bridge_error(keras$ops[[1]], "type_error", "attribute name must be string")
})

test_that("keras$ops's newer ops refuse bad input with classed errors, huge sizes as memory errors, not hangs", {
  x <- op_array(matrix(c(1, NaN, 3, 4), 2))
  expect_bridge_error(keras$ops$vander(op_array(c(1, 2, 3)), 2^31), "memory_error")
  expect_bridge_error(keras$ops$vander(op_array(c(1, 2, 3)), Inf), "type_error", "Argument `N` must be of type `int`")
  expect_bridge_error(keras$ops$adaptive_average_pool(op_zeros(c(1, 4, 4, 1)), .Machine$integer.max), "memory_error")
  expect_bridge_error(keras$ops$array_split(op_array(c(1, 2, 3)), .Machine$integer.max), "memory_error")
  expect_bridge_error(keras$ops$nanquantile(x, 0.5, method = NULL), "value_error", "`method` must be one of")
  expect_bridge_error(keras$ops$depth_to_space(op_zeros(c(1, 2, 2, 4)), 46341L), "value_error", "block_size")
  expect_bridge_error(keras$ops$image$extract_patches_3d(op_zeros(c(1, 4, 4, 4, 1)), function(x) x), "type_error")
  expect_bridge_error(keras$ops$nanmean(x, axis = new.env()), "type_error")
  expect_bridge_error(keras$ops$segment_min(op_array(c(1, 2)), op_array(c(0L, 0L)), sorted = "a"), "type_error")
  expect_bridge_error(keras$ops$gammainc(op_array(c(1+1i, 2)), op_array(c(0.5, 3))), "type_error", "complex")
  expect_bridge_error(keras$ops$nansum(x, axis = 1e10), "value_error", "Received: 1e+10", fixed = TRUE)
  expect_identical(as.vector(as.array(keras$ops$hypot(3, 4))), 5)
})

test_that("keras$ops$split and hsplit take an empty list of points: the whole tensor, as Keras", {
  m <- op_array(matrix(1:8, 2, 4))
  expect_length(keras$ops$hsplit(m, list()), 1L)
  expect_identical(as.array(keras$ops$split(m, list(), axis = 1L)[[1L]]), matrix(1:8, 2, 4))
  expect_identical(as.integer(op_shape(keras$ops$quantile(op_array(matrix(1, 2, 2)), list(), axis = 0L))), c(0L, 2L))
})
