#' @include random.R scopes.R initializers.R config.R
NULL

# An environment standing for a Python module: `$` of a name it lacks is Python's AttributeError.
python_module <- function(name, values = list()) {
  structure(list2env(values, parent = emptyenv()), class = c("kerasbridge_module", "environment"), module = name)
}

#' @export
`$.kerasbridge_module` <- function(x, name) {
  if (!exists(name, envir = x, inherits = FALSE))
    raise_bridge_error("attribute_error", sprintf("module '%s' has no attribute '%s'", attr(x, "module"), name))
  get(name, envir = x, inherits = FALSE)
}

#' @export
`[[.kerasbridge_module` <- function(x, i, ...) {
  if (!is.character(i) || length(i) != 1L || is.na(i))
    raise_bridge_error("type_error", sprintf("attribute name must be string, not %s", shown(i)))
  `$.kerasbridge_module`(x, i)
}

#' @export
print.kerasbridge_module <- function(x, ...) {
  cat(sprintf("<module '%s' (kerasbridge)>\n", attr(x, "module")))
  invisible(x)
}

#' The `keras` object: code written against Keras's Python module
#'
#' keras3 code sometimes reaches past keras3's R functions into the Python module:
#' `keras$Variable(...)`, `keras$ops$sum(x, axis = 0L)`, `keras$random$normal(...)`,
#' `keras$initializers$GlorotUniform(...)`, `with(keras$name_scope("block"), ...)`,
#' `with(keras$StatelessScope(...), ...)`. `keras` gives those names over this package's own
#' functions, so such code runs without Python.
#'
#' As through reticulate, the arguments have Python's meaning: in `keras$ops` and
#' `keras$random$shuffle()` axes and indices are 0-based (`axis = 0L` is the first axis), the
#' indices `argmax()`, `argsort()` and `top_k()` return are 0-based, and `arange()` excludes its
#' end; the `op_*()` and `random_*()` functions are 1-based, as keras3's. `nonzero()` gives a
#' list of 0-based positions, one vector per axis; `map(f, xs)` and `vectorized_map(function,
#' elements)` take Python's order; a vector of several elements without `dim` is the Python list
#' reticulate makes of it (`convert_to_tensor(c(0.5, 1.5))` is float32, where an R array is
#' float64); a fraction where Python takes an int is a `type_error`.
#'
#' * `keras$Variable()`: [keras_variable()];
#' * `keras$ops$<name>()` (also as `keras$ops$numpy$<name>()`, `keras$ops$nn$<name>()`,
#'   `keras$ops$linalg$<name>()` for the ops of those Keras modules): `op_<name>()` with Python's indexing (indices, segment ids, start
#'   indices, the CTC ops' `mask_index` and `switch()`'s branch index 0-based too);
#'   `keras$ops$image$<name>()`: `op_image_<name>()`, `crop_images()` and `pad_images()` being
#'   [op_image_crop()] and [op_image_pad()], and Keras's `sobel_edges()`, `ssim()`,
#'   `extract_patches_3d()`, `reconstruct_patches()` and `scale_and_translate()`, which keras3 has
#'   no `op_image_*()` for;
#' * `keras$random$<name>()`: `random_<name>()`, `randint()` being [random_integer()], and
#'   `SeedGenerator()` [random_seed_generator()];
#' * `keras$initializers$<Class>()`: the `initializer_*()` function of that Keras class;
#' * `keras$name_scope(name, caller, deduplicate, override_parent)` and
#'   `keras$StatelessScope(...)`: scopes to enter with `with()`;
#' * `keras$config$floatx()`, `set_floatx()`, `epsilon()`, `set_epsilon()`,
#'   `image_data_format()`, `set_image_data_format()`, `backend()` (`"kerasbridge"`);
#'   `keras$utils$set_random_seed()`; `keras$backend$clear_session()`,
#'   `standardize_dtype()`, `is_int_dtype()`, `is_float_dtype()`, `is_keras_tensor()` (always
#'   `FALSE`: every tensor here is eager) and `keras$config`'s functions under `keras$backend` too. `keras$ops$absolute()`, `amax()`, `amin()`,
#'   `conjugate()` and `swish()` are Keras's other names for `abs()`, `max()`, `min()`, `conj()`
#'   and `silu()`;
#' * Keras ops keras3 has no `op_*()` function for, reached only as `keras$ops$<name>()`:
#'   `hypot()`, `gcd()`, `lcm()`, `ldexp()`, `fmax()`, `fmin()`, `fmod()`, `nextafter()`,
#'   `fabs()`, `i0()`, `sinc()`, `isneginf()`, `isposinf()`, `isreal()`, `logaddexp2()`,
#'   `rad2deg()`, `erfc()`, `empty_like()`, `isin()`, `allclose()`, `kron()`, `vander()`,
#'   `trapezoid()`, `geomspace()`, `ptp()`; `array_split()`, `hsplit()`, `vsplit()`, `dsplit()`,
#'   `dstack()`, `column_stack()`, `fliplr()`, `flipud()`, `unique()`, the NaN-ignoring
#'   `nanargmax()`, `nanargmin()`, `nancumprod()`, `nancumsum()`, `nanmax()`, `nanmean()`,
#'   `nanmedian()`, `nanmin()`, `nanprod()`, `nanstd()`, `nansum()`, `nanvar()`, and
#'   `percentile()`, `nanpercentile()`, `nanquantile()`; `matrix_power()`, `matrix_rank()`,
#'   `pinv()`, `cholesky_inverse()`, `cdist()`, `segment_min()`, `segment_prod()`,
#'   `depth_to_space()`, `space_to_depth()`, `unfold()`, `fold()`, `adaptive_average_pool()`,
#'   `adaptive_max_pool()`, `gammainc()`; `view()` (the bytes read as another dtype, a copy).
#'
#' A name the Python module does not have is an `attribute_error`, as reticulate's
#' `AttributeError` would be.
#'
#' @format An environment.
#' @examples
#' x <- op_array(matrix(1:6, 2), "float32")
#' keras$ops$sum(x, axis = 0L)          # over rows, as Python's axis 0
#' keras$ops$argmax(x, axis = 1L)       # 0-based positions
#' v <- keras$Variable(keras$initializers$Ones(), shape = c(2, 2))
#' with(keras$name_scope("block"), keras$Variable(0, name = "bias"))$path
#' keras$random$normal(c(2, 2), seed = 1L)
#' keras$ops$hypot(op_array(c(3, 5)), op_array(c(4, 12)))
#' keras$ops$nanmean(op_array(c(1, NaN, 3)))
#' @export
keras <- python_module("keras")

# Arguments whose values are axes, shifted from Python's 0-based to keras3's 1-based.
python_axis_arguments <- c("axis", "axes", "axis1", "axis2", "source", "destination")

# Arguments whose values are positions, which keras3 also takes 1-based; the ops with a
# `zero_indexed` switch are given Python's positions through it instead.
python_index_arguments <- c("indices", "start_indices", "segment_ids", "mask_index", "index")

# Python's ints, as reticulate hands Keras an R integer: whole R doubles stored as integers (one
# then stays a number where op_take() keeps an axis for one double), a fraction refused as
# op_*() refuse one rather than truncated; tensors as they are.
python_ints <- function(x) {
  if (is.list(x)) return(lapply(x, python_ints))
  if (!is.double(x)) return(x)
  if (any(x != trunc(x), na.rm = TRUE))
    raise_bridge_error("type_error", sprintf("Axes and indices must be whole numbers. Received: %s", shown(x)))
  # Beyond R's integers: no axis or index of any tensor R can hold (and R would make NA of it).
  if (any(abs(x) >= .Machine$integer.max, na.rm = TRUE))
    raise_bridge_error("value_error", sprintf("Axes and indices must be within R's integer range. Received: %s", shown(x)))
  storage.mode(x) <- "integer"
  x
}

to_one_based <- function(x) {
  if (is.list(x)) return(lapply(x, to_one_based))
  # Axes and indices given as tensors are read as R numbers, as op_*() read them; a matrix of
  # indices keeps its shape.
  if (is_kerasbridge_object(x)) x <- as.array(x)
  x <- python_ints(x)
  if (!is.integer(x)) return(x)
  x[!is.na(x) & x >= 0L] <- x[!is.na(x) & x >= 0L] + 1L
  x
}

# An op_*() function called with Python's meaning of its arguments.
python_op <- function(f, name) {
  force(f)
  force(name)
  takes <- names(formals(f))
  function(...) {
    args <- as.list(match.call(f, as.call(c(list(f), list(...)))))[-1L]
    for (a in intersect(names(args), python_axis_arguments)) {
      # tensordot's axes = N is a count, which keras3 also takes 1-based (N + 1), as an axis.
      # args[a] <- list(): an explicit NULL (Python's None, "all axes") must stay.
      args[a] <- list(to_one_based(args[[a]]))
    }
    for (a in intersect(names(args), python_index_arguments))
      args[a] <- list(if ("zero_indexed" %in% takes) python_ints(args[[a]]) else to_one_based(args[[a]]))
    # Split points of split() and hsplit()/vsplit()/dsplit() (a list, a vector, or any array or
    # tensor: a NumPy array to Keras) are positions; a single number is a count of sections.
    if (name %in% c("split", "hsplit", "vsplit", "dsplit") && split_points(args$indices_or_sections))
      args$indices_or_sections <- one_based_points(args$indices_or_sections)
    if ("zero_indexed" %in% takes) args$zero_indexed <- TRUE
    # The tensors of a list (concatenate()'s, hstack()'s xs) as reticulate hands them over: an
    # R vector is a Python list, floatx where keras3's op_hstack() makes an R array of it.
    if (is.list(args$xs)) args$xs <- lapply(args$xs, function(x) if (is.atomic(x) && is.null(dim(x))) op_convert_to_tensor(python_list(x)) else x)
    do.call(f, args)
  }
}

# Python's 0-based split points as the 1-based array op_split() takes (none: an empty one).
one_based_points <- function(x) {
  points <- unlist(to_one_based(x))
  array(if (length(points)) points else integer(), length(points))
}

split_points <- function(x) {
  if (is_kerasbridge_object(x)) return(op_ndim(x) > 0L)
  is.list(x) || length(x) > 1L || !is.null(dim(x))
}

# Keras's name_scope as an object to enter with with(). Like Keras, a bad name is refused when
# the object is made: opening the scope once and closing it checks the name as with() will.
keras_name_scope <- function(name, caller = NULL, deduplicate = TRUE, override_parent = NULL) {
  close_scope(.Call(krb_call2, "name_scope_open", name, override_parent))
  structure(list(name = name, caller = caller, deduplicate = deduplicate, override_parent = override_parent),
            class = "kerasbridge_name_scope")
}

#' @export
with.kerasbridge_name_scope <- function(data, expr, ...) {
  innermost <- open_name_scopes$innermost
  if (isTRUE(data$deduplicate) && !is.null(data$caller) && !is.null(innermost) &&
      identical(innermost$caller, data$caller) && identical(innermost$name, data$name))
    return(expr)
  opened_name_scope(.Call(krb_call2, "name_scope_open", data$name, data$override_parent), data$name, data$caller)
  expr
}

# keras$ops wraps every op_*() function (exports are not yet registered while the package loads).
python_ops <- function(ns) {
  ops <- python_module("keras.ops")
  image <- python_module("keras.ops.image")
  for (name in ls(ns, pattern = "^op_")) {
    # keras3's R-only names (op_subset(), op_pmax() and the like) are no Keras op.
    if (startsWith(name, "op_subset") || name %in% keras3_only_ops) next
    short <- sub("^op_", "", name)
    # keras.ops.image.crop_images and pad_images are keras3's op_image_crop() and op_image_pad().
    if (startsWith(short, "image_"))
      image[[sub("^(crop|pad)$", "\\1_images", sub("^image_", "", short))]] <- python_op(get(name, envir = ns), short)
    else
      ops[[short]] <- python_op(get(name, envir = ns), short)
  }
  # Keras ops that keras3 has no op_*() function for, written to keras3's conventions in lists
  # named keras_ops_<group> (keras-ops-*.R), image ops in keras_image_ops_extra, and given
  # Python's meaning of their arguments as every other op here.
  for (short in names(keras_image_ops_extra)) image[[short]] <- python_op(keras_image_ops_extra[[short]], short)
  for (group in ls(ns, pattern = "^keras_ops_")) {
    extra <- get(group, envir = ns)
    for (short in names(extra)) ops[[short]] <- python_op(extra[[short]], short)
  }
  lockEnvironment(image, bindings = TRUE)
  ops$image <- image
  # keras3's op_arange() includes its end and starts at 1; Python's excludes it and starts at 0.
  ops$arange <- function(start, stop = NULL, step = 1L, dtype = NULL) {
    if (is.null(step)) step <- 1L
    if (is.null(stop)) {
      stop <- start
      start <- if (is.integer(stop)) 0L else 0
    }
    op_arange(start, stop, step, dtype, include_end = FALSE)
  }
  # Where keras3's R functions read their arguments otherwise than Python's: the positions of
  # non-zero elements as Keras gives them (a list of 0-based vectors, one per axis, where
  # op_nonzero() gives keras3's 1-based matrix); a vector without dim as the Python list it would
  # be (floatx as Keras's TensorFlow and JAX backends convert lists, where keras3's
  # op_convert_to_tensor() and op_meshgrid() make doubles an array, and op_meshgrid() int64);
  # and Python's order of map()'s arguments.
  ops$nonzero <- function(x) op_where(x)
  ops$convert_to_tensor <- function(x, dtype = NULL, sparse = NULL, ragged = NULL)
    op_convert_to_tensor(python_list(x), dtype, sparse, ragged)
  ops$meshgrid <- function(..., indexing = "xy") do.call(op_meshgrid, c(lapply(list(...), tensor_of), indexing = indexing))
  # keras.ops's other names for the same ops.
  aliases <- c(absolute = "abs", amax = "max", amin = "min", conjugate = "conj", swish = "silu")
  for (alias in names(aliases)) ops[[alias]] <- ops[[aliases[[alias]]]]
  # Keras's top_k() also takes is_stable; the order here is always stable (ties by position),
  # which either value allows, as TensorFlow's backend ignores it.
  top_k <- ops$top_k
  ops$top_k <- function(x, k, sorted = TRUE, is_stable = TRUE) {
    if (!is.null(is_stable) && !(is.logical(is_stable) && length(is_stable) == 1L && !is.na(is_stable)))
      raise_bridge_error("type_error", sprintf("`is_stable` must be TRUE or FALSE. Received: is_stable=%s", shown(is_stable, nlines = 1L)))
    top_k(x, k, sorted)
  }
  ops$map <- function(f, xs) op_map(xs, f)
  ops$vectorized_map <- function(`function`, elements) op_vectorized_map(elements, `function`)
  # Keras's submodules of keras.ops hold the same functions: nn's and linalg's families, and
  # numpy the rest but for the core and math ops.
  families <- list(linalg = keras_linalg_ops, nn = keras_nn_ops)
  for (family in names(families))
    ops[[family]] <- python_module(paste0("keras.ops.", family), mget(families[[family]], envir = ops))
  numpy <- setdiff(ls(ops), c(unlist(families), keras_core_and_math_ops, names(families), "image"))
  ops$numpy <- python_module("keras.ops.numpy", mget(numpy, envir = ops))
  lockEnvironment(ops, bindings = TRUE)
  ops
}

keras3_only_ops <- c("op_convert_to_array", "op_pmax", "op_pmin")

keras_linalg_ops <- c(
  "cholesky", "cholesky_inverse", "det", "eig", "eigh", "inv", "lstsq", "lu_factor",
  "matrix_power", "matrix_rank", "norm", "pinv", "qr", "solve", "solve_triangular", "svd")

keras_nn_ops <- c(
  "adaptive_average_pool", "adaptive_max_pool", "average_pool", "batch_normalization",
  "binary_crossentropy", "categorical_crossentropy", "celu", "conv", "conv_transpose",
  "ctc_decode", "ctc_loss", "depth_to_space", "depthwise_conv", "dot_product_attention",
  "elu", "fold", "gelu", "glu", "hard_shrink", "hard_sigmoid", "hard_silu", "hard_swish",
  "hard_tanh", "layer_normalization", "leaky_relu", "log_sigmoid", "log_softmax", "max_pool",
  "moments", "multi_hot", "normalize", "one_hot", "polar", "psnr", "relu", "relu6",
  "rms_normalization", "selu", "separable_conv", "sigmoid", "silu", "soft_shrink", "softmax",
  "softplus", "softsign", "space_to_depth", "sparse_categorical_crossentropy", "sparse_plus",
  "sparse_sigmoid", "sparsemax", "squareplus", "swish", "tanh_shrink", "threshold", "unfold")

# keras.ops.core's and keras.ops.math's, which keras.ops has but keras.ops.numpy does not.
keras_core_and_math_ops <- c(
  "associative_scan", "cast", "cdist", "cond", "convert_to_numpy", "convert_to_tensor",
  "custom_gradient", "dtype", "erf", "erfc", "erfinv", "extract_sequences", "fft", "fft2",
  "fori_loop", "gammainc", "ifft2", "in_top_k", "irfft", "is_tensor", "istft", "logdet",
  "logsumexp", "map", "rearrange", "rfft", "rsqrt", "saturate_cast", "scan", "scatter",
  "scatter_update", "segment_max", "segment_min", "segment_prod", "segment_sum", "shape",
  "slice", "slice_update", "stft", "stop_gradient", "switch", "top_k", "unstack",
  "vectorized_map", "view_as_complex", "view_as_real", "while_loop")

# An R vector of several elements without dim as reticulate hands it to Python: a list (its
# names dropped, as reticulate drops them), so a structure of that many leaves for the loop
# ops; anything else (an array is one NumPy array) stays as it is.
python_list <- function(x) if (is.atomic(x) && is.null(dim(x)) && length(x) > 1L) as.list(unname(x)) else x

fill_keras_module <- function(module, ns) {
  # Made on first use: wrapping some 150 functions would add milliseconds to every start-up.
  delayedAssign("ops", python_ops(ns), assign.env = module)
  random <- python_module("keras.random")
  for (name in c("normal", "uniform", "truncated_normal", "dropout", "gamma", "beta", "binomial"))
    random[[name]] <- get(paste0("random_", name), envir = ns)
  random$categorical <- function(logits, num_samples, dtype = "int32", seed = NULL)
    random_categorical(logits, num_samples, dtype, seed, zero_indexed = TRUE)
  random$randint <- random_integer
  random$shuffle <- function(x, axis = 0L, seed = NULL) random_shuffle(x, to_one_based(axis), seed)
  random$SeedGenerator <- random_seed_generator
  initializers <- python_module("keras.initializers")
  classes <- c(Zeros = "zeros", Ones = "ones", Constant = "constant", Identity = "identity",
               RandomNormal = "random_normal", RandomUniform = "random_uniform",
               TruncatedNormal = "truncated_normal", VarianceScaling = "variance_scaling",
               GlorotNormal = "glorot_normal", GlorotUniform = "glorot_uniform", HeNormal = "he_normal",
               HeUniform = "he_uniform", LecunNormal = "lecun_normal", LecunUniform = "lecun_uniform",
               Orthogonal = "orthogonal", STFT = "stft")
  for (class in names(classes)) initializers[[class]] <- get(paste0("initializer_", classes[[class]]), envir = ns)
  config <- python_module("keras.config")
  config$floatx <- config_floatx
  config$set_floatx <- config_set_floatx
  config$epsilon <- config_epsilon
  config$set_epsilon <- config_set_epsilon
  config$image_data_format <- config_image_data_format
  config$set_image_data_format <- config_set_image_data_format
  config$backend <- config_backend
  module$random <- random
  module$initializers <- initializers
  module$config <- config
  module$utils <- python_module("keras.utils", list(set_random_seed = set_random_seed))
  # keras.backend has config's getters and setters too.
  module$backend <- python_module("keras.backend", c(list(clear_session = clear_session, standardize_dtype = standardize_dtype,
                                     is_int_dtype = function(dtype) grepl("int", standardize_dtype(dtype)),
                                     is_float_dtype = function(dtype) grepl("float", standardize_dtype(dtype)),
                                     # Eager tensors only: nothing here is symbolic.
                                     is_keras_tensor = function(x) FALSE),
                                as.list(config)))
  module$Variable <- keras_variable
  module$name_scope <- keras_name_scope
  module$StatelessScope <- stateless_scope
  lockEnvironment(module, bindings = TRUE)
  invisible(module)
}
