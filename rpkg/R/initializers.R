#' @include objects.R
NULL

#' Initializers
#'
#' Initializers make the starting value of a variable from a shape and a dtype, as in Keras 3.
#' Pass one to [keras_variable()] together with `shape`, or call it directly as a function:
#' `initializer_ones()(c(2, 2), "float32")` gives a tensor. The names of Keras initializers
#' (`"glorot_uniform"`, `"ones"`, ...) work wherever an initializer object does.
#'
#' * `initializer_zeros()`, `initializer_ones()`, `initializer_constant(value)`: fixed values.
#' * `initializer_identity(gain)`: `gain` times the identity matrix (2-D shapes only).
#' * `initializer_random_normal()`, `initializer_random_uniform()`,
#'   `initializer_truncated_normal()`: random values; the truncated normal redraws values more
#'   than two standard deviations from the mean.
#' * `initializer_variance_scaling()`: random values whose spread adapts to the fan-in and/or
#'   fan-out of the shape; `initializer_glorot_*()`, `initializer_he_*()` and
#'   `initializer_lecun_*()` are its usual presets.
#' * `initializer_orthogonal(gain)`: a random orthogonal matrix (or its reshaping).
#' * `initializer_stft()`: the kernels of a short-time Fourier transform as a convolution, for a
#'   shape `(frame_length, 1, fft_length %/% 2 + 1)`: the real (`cos`) or imaginary (`sin`) part,
#'   times a window over time (a name SciPy's `get_window()` takes without parameters:
#'   `"hann"`, `"hamming"`, `"blackman"`, `"blackmanharris"`, `"nuttall"`, `"flattop"`,
#'   `"boxcar"`, `"bartlett"`, `"triang"`, `"barthann"`, `"bohman"`, `"cosine"`,
#'   `"exponential"`, `"lanczos"`, `"parzen"`, `"taylor"`, `"tukey"` or an alias; its values as
#'   a vector; or `NULL`), divided by the window's L2 norm
#'   (`scaling = "density"`), its L1 norm (`"spectrum"`) or nothing (`NULL`).
#'
#' With an integer `seed` an initializer gives the same values on every call; with
#' `seed = NULL` it draws a seed once, when it is made.
#'
#' @param value The constant value: a number, or an array, vector or tensor that broadcasts to
#'   the shape the initializer is called with (as for pretrained weights).
#' @param gain A multiplicative factor.
#' @param mean,stddev Mean and standard deviation of the normal distribution.
#' @param minval,maxval Bounds of the uniform distribution (`maxval` excluded).
#' @param scale Scaling factor (positive).
#' @param mode One of `"fan_in"`, `"fan_out"`, `"fan_avg"`.
#' @param distribution One of `"truncated_normal"`, `"untruncated_normal"`, `"uniform"`.
#' @param seed An integer (a fraction is refused, as Keras refuses a float seed), a [random_seed_generator()], or `NULL` for a seed drawn when the
#'   initializer is made.
#' @param side `"real"` or `"imag"`: which part of the transform the kernel computes.
#' @param window A window name, the window's values (one per time step), or `NULL`.
#' @param scaling `"density"`, `"spectrum"` or `NULL`.
#' @param periodic Whether a named window is periodic (SciPy's `fftbins`) rather than symmetric.
#' @param ... Further Keras settings of the variance-scaling family, by their Keras names, as
#'   [get_config()] gives them (`input_axes`, `output_axes`), so that a config passes back as
#'   arguments.
#' @return A `kerasbridge_initializer`: a function `function(shape, dtype = NULL)` returning a tensor.
#' @examples
#' v <- keras_variable(initializer_ones(), shape = c(2, 3))
#' v
#' init <- initializer_random_normal(stddev = 0.1, seed = 42)
#' init(c(2, 2))
#' identical(as.array(init(c(2, 2))), as.array(init(c(2, 2))))
#' keras_variable(initializer_glorot_uniform(seed = 1), shape = c(3, 4))$shape
#' initializer_stft("imag", window = "hamming")(c(4, 1, 3))
#' @name initializers
NULL

# The function looks the package up when called, not when made: one made before the package
# was unloaded and loaded again then reaches the engine, which says so, rather than the
# unloaded package's routines.
new_initializer <- function(ptr) {
  init <- function(shape, dtype = NULL) asNamespace("kerasbridge")$call_initializer(ptr, shape, dtype)
  structure(init, class = c("kerasbridge_initializer", "function"), ptr = ptr, saved = saved_state(ptr))
}

call_initializer <- function(ptr, shape, dtype) {
  # Called with no shape (op_cond() calls its branches so), as Python's Initializer.__call__().
  if (missing(shape)) raise_bridge_error("type_error", "Initializer.__call__() missing 1 required positional argument: 'shape'")
  .Call(krb_call3, "initializer_call", ptr, shape, dtype)
}

initializer_from_config <- function(class_name, config) new_initializer(.Call(krb_call2, "initializer_from_config", class_name, config))

#' @rdname initializers
#' @export
initializer_zeros <- function() initializer_from_config("Zeros", list())

#' @rdname initializers
#' @export
initializer_ones <- function() initializer_from_config("Ones", list())

# Numbers or logicals that R can hold as one array (a compact 1:3e9 cannot, and stays unexpanded).
is_numbers <- function(x) (is.numeric(x) || is.logical(x)) && length(x) <= .Machine$integer.max

#' @rdname initializers
#' @export
initializer_constant <- function(value = 0) {
  # An array (or vector, or tensor, or logical) goes as a tensor of its own dtype, as Keras
  # casts the value itself to the dtype asked for and broadcasts it to the shape.
  if (is_kerasbridge_object(value) || is_numbers(value) && (is.logical(value) && !anyNA(value) || length(value) != 1L || !is.null(dim(value))))
    value <- tensor_of(as_array(value))
  initializer_from_config("Constant", list(value = value))
}

#' @rdname initializers
#' @export
initializer_identity <- function(gain = 1) initializer_from_config("Identity", list(gain = gain))

#' @rdname initializers
#' @export
initializer_random_normal <- function(mean = 0, stddev = 0.05, seed = NULL)
  initializer_from_config("RandomNormal", list(mean = mean, stddev = stddev, seed = seed))

#' @rdname initializers
#' @export
initializer_random_uniform <- function(minval = -0.05, maxval = 0.05, seed = NULL)
  initializer_from_config("RandomUniform", list(minval = minval, maxval = maxval, seed = seed))

#' @rdname initializers
#' @export
initializer_truncated_normal <- function(mean = 0, stddev = 0.05, seed = NULL)
  initializer_from_config("TruncatedNormal", list(mean = mean, stddev = stddev, seed = seed))

#' @rdname initializers
#' @export
initializer_variance_scaling <- function(scale = 1, mode = "fan_in", distribution = "truncated_normal", seed = NULL, ...)
  initializer_from_config("VarianceScaling", list(scale = scale, mode = mode, distribution = distribution, seed = seed, ...))

#' @rdname initializers
#' @export
initializer_glorot_normal <- function(seed = NULL, ...) initializer_from_config("GlorotNormal", list(seed = seed, ...))

#' @rdname initializers
#' @export
initializer_glorot_uniform <- function(seed = NULL, ...) initializer_from_config("GlorotUniform", list(seed = seed, ...))

#' @rdname initializers
#' @export
initializer_he_normal <- function(seed = NULL, ...) initializer_from_config("HeNormal", list(seed = seed, ...))

#' @rdname initializers
#' @export
initializer_he_uniform <- function(seed = NULL, ...) initializer_from_config("HeUniform", list(seed = seed, ...))

#' @rdname initializers
#' @export
initializer_lecun_normal <- function(seed = NULL, ...) initializer_from_config("LecunNormal", list(seed = seed, ...))

#' @rdname initializers
#' @export
initializer_lecun_uniform <- function(seed = NULL, ...) initializer_from_config("LecunUniform", list(seed = seed, ...))

#' @rdname initializers
#' @export
initializer_orthogonal <- function(gain = 1, seed = NULL)
  initializer_from_config("Orthogonal", list(gain = gain, seed = seed))

#' @rdname initializers
#' @export
initializer_stft <- function(side = "real", window = "hann", scaling = "density", periodic = FALSE) {
  # Window values go as a tensor, as Keras converts an array_like window (a list of numbers too).
  if (is_kerasbridge_object(window) || is.numeric(window) && length(window) != 1L || is.list(window) && length(window))
    window <- tensor_of(as_array(window))
  initializer_from_config("STFT", list(side = side, window = window, scaling = scaling, periodic = periodic))
}

#' @export
print.kerasbridge_initializer <- function(x, ...) {
  cat(.Call(krb_call1, "describe", x), "\n", sep = "")
  invisible(x)
}

#' @export
format.kerasbridge_initializer <- function(x, ...) .Call(krb_call1, "describe", x)

#' Configurations of initializers and seed generators
#'
#' `get_config()` gives the settings Keras serializes for an initializer, a seed generator, a
#' [constraint][constraints] or a [regularizer][regularizers], as
#' a named list whose attribute `"__class__"` names its class (as keras3's does);
#' `from_config()` makes a new object from it. An initializer's config also works as the
#' arguments of its `initializer_*()` function (`do.call(initializer_random_normal, config)`).
#' `initializer$get_config()` is the same as `get_config(initializer)`, `initializer$clone()` makes
#' a new initializer from that config, and `initializer$stddev` (any entry of the config) reads
#' the argument, as Keras's initializers keep them as attributes.
#'
#' @param object An initializer, a seed generator, a constraint or a regularizer.
#' @param config A list from `get_config()`.
#' @param custom_objects Unused, as there are no custom classes.
#' @return `get_config()`: a named list; `from_config()`: an initializer, seed generator,
#'   constraint or regularizer.
#' @examples
#' init <- initializer_random_normal(stddev = 0.1, seed = 42)
#' config <- get_config(init)
#' str(config)
#' from_config(config)
#' do.call(initializer_random_normal, config)
#' init$get_config()
#' get_config(random_seed_generator(7, name = "g"))
#' @export
get_config <- function(object) {
  if (inherits(object, "kerasbridge_weight_rule")) return(structure(attr(object, "config"), "__class__" = attr(object, "class_name")))
  parts <- .Call(krb_call1, "object_config", object)
  structure(parts$config, "__class__" = parts$class_name)
}

#' @rdname get_config
#' @export
from_config <- function(config, custom_objects = NULL) {
  class_name <- attr(config, "__class__", exact = TRUE)
  if (!is.character(class_name) || length(class_name) != 1L)
    raise_bridge_error("value_error", "A config from `get_config()` names its class in its \"__class__\" attribute; this one has none.")
  settings <- config
  attr(settings, "__class__") <- NULL
  if (class_name == "SeedGenerator") return(do.call(random_seed_generator, settings))
  if (!is.null(weight_rule_makers[[class_name]])) return(do.call(weight_rule_makers[[class_name]], settings))
  initializer_from_config(class_name, settings)
}

#' @export
`$.kerasbridge_initializer` <- function(x, name) {
  switch(name,
    get_config = function() get_config(x),
    clone = function() from_config(get_config(x)),
    {
      # Keras keeps its arguments as attributes (initializer.stddev, initializer.seed).
      attributes <- .Call(krb_call1, "initializer_attributes", x)
      if (!name %in% names(attributes))
        raise_bridge_error("attribute_error", sprintf("'Initializer' object has no attribute '%s'", name))
      attributes[[name]]
    }
  )
}
