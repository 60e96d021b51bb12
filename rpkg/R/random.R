#' @include objects.R
NULL

#' Random numbers
#'
#' keras3's random ops, drawn by the engine. With an integer `seed` a call gives the same values
#' every time (as in Keras); with a seed generator ([random_seed_generator()]) it gives new values
#' on each call and the same sequence from the same seed; with `seed = NULL` it draws from the
#' global generator, which [set_random_seed()] makes reproducible. The engine's streams are its
#' own: a seed does not give the values TensorFlow, JAX or NumPy give for it.
#'
#' * `random_normal()`, `random_uniform()` (on `[minval, maxval)`) and
#'   `random_truncated_normal()` (redrawn beyond two standard deviations) give floats.
#' * `random_integer()` gives integers uniform on `[minval, maxval)`.
#' * `random_categorical()` draws `num_samples` class indices per row of a (batch, classes)
#'   matrix of logits; the indices are 1-based, as keras3 (1.4 and later) returns them, 0-based
#'   with `zero_indexed = TRUE`.
#' * `random_shuffle()` permutes the slices of `x` along `axis` (1-based).
#' * `random_dropout()` sets each element to 0 with probability `rate` and scales the others by
#'   `1 / (1 - rate)`; a `noise_shape` (`NULL` or `NA` entries: the input's length) draws one
#'   decision per position of that shape. Integer and bool inputs keep their dtype (the scaled
#'   values truncated), as Keras's NumPy backend gives them.
#' * `random_gamma()`, `random_beta()` and `random_binomial()` take parameters that are numbers
#'   or tensors broadcasting to `shape`; `random_binomial()` gives counts as floats. So do
#'   `random_normal()`, `random_uniform()` and `random_truncated_normal()`: a vector or tensor
#'   `mean`/`stddev` (or `minval`/`maxval`) scales and shifts a standard draw element by element.
#' * A rate of 0 gives `random_dropout()`'s input as it is, a rate of 1 its zeros, in its dtype,
#'   without drawing (as in Keras).
#'
#' @param shape The shape of the sample: numbers or a [shape()].
#' @param mean,stddev The mean and standard deviation.
#' @param minval,maxval The lower bound (included) and the upper bound (excluded).
#' @param dtype The dtype: floats default to [config_floatx()], integers to `"int32"`.
#' @param seed An integer (a fraction is refused, as Keras refuses a float), a [random_seed_generator()], or `NULL`.
#' @param logits A (batch, classes) tensor or matrix of unnormalized log-probabilities.
#' @param num_samples The number of draws per row.
#' @param zero_indexed Whether `random_categorical()` gives 0-based classes instead of 1-based.
#' @param x,inputs A tensor, variable or R array.
#' @param axis The axis to shuffle along, 1-based.
#' @param rate The probability of dropping an element, in `[0, 1]`.
#' @param noise_shape `NULL`, or the shape of the drop decisions.
#' @param alpha,beta The parameters of the gamma and beta distributions.
#' @param counts,probabilities The number of trials and the probability of success.
#' @return A tensor.
#' @examples
#' random_normal(c(2, 3), seed = 1)
#' random_uniform(shape(4), minval = -1, maxval = 1, seed = 1)
#' random_integer(10, 0, 6, seed = 42)
#' random_categorical(rbind(log(c(0.1, 0.9))), num_samples = 5, seed = 1)
#' random_shuffle(1:5, seed = 3)
#' random_dropout(op_ones(c(2, 4)), rate = 0.5, seed = 1)
#' random_gamma(3, alpha = 2, seed = 1)
#' random_binomial(3, counts = 10, probabilities = 0.5, seed = 1)
#' @name random
NULL

#' @rdname random
#' @export
random_normal <- function(shape, mean = 0, stddev = 1, dtype = NULL, seed = NULL) {
  if (several_values(mean) || several_values(stddev))
    return(scaled_draw(random_normal(shape, 0, 1, dtype, seed), stddev, mean))
  .Call(krb_call5, "random_normal", shape, mean, stddev, dtype, seed)
}

#' @rdname random
#' @export
random_uniform <- function(shape, minval = 0, maxval = 1, dtype = NULL, seed = NULL) {
  if (several_values(minval) || several_values(maxval))
    return(scaled_draw(random_uniform(shape, 0, 1, dtype, seed), op_subtract(maxval, minval), minval))
  .Call(krb_call5, "random_uniform", shape, minval, maxval, dtype, seed)
}

#' @rdname random
#' @export
random_truncated_normal <- function(shape, mean = 0, stddev = 1, dtype = NULL, seed = NULL) {
  if (several_values(mean) || several_values(stddev))
    return(scaled_draw(random_truncated_normal(shape, 0, 1, dtype, seed), stddev, mean))
  .Call(krb_call5, "random_truncated_normal", shape, mean, stddev, dtype, seed)
}

# Numbers other than one (an R vector or array, a tensor): the engine's draws take one number.
several_values <- function(x) if (is_kerasbridge_object(x)) op_size(x) != 1L else is.numeric(x) && length(x) != 1L

# Keras's backends broadcast parameters given as tensors or vectors against the sample (TensorFlow's
# stateless ops, JAX's `sample * stddev + mean`): a standard draw scaled and shifted, in its dtype.
scaled_draw <- function(draw, scale, shift) op_cast(op_add(op_multiply(draw, scale), shift), op_dtype(draw))

#' @rdname random
#' @export
random_integer <- function(shape, minval, maxval, dtype = "int32", seed = NULL) {
  # As keras3 converts them: `maxval` rounded up (a float tensor too), so that a fractional
  # bound stays excluded.
  if (is.numeric(maxval)) maxval <- ceiling(maxval)
  else if (is_kerasbridge_object(maxval) && is_float_dtype(op_dtype(maxval))) maxval <- op_ceil(maxval)
  .Call(krb_call5, "random_integer", shape, minval, maxval, dtype, seed)
}

#' @rdname random
#' @export
random_categorical <- function(logits, num_samples, dtype = "int32", seed = NULL, zero_indexed = FALSE) {
  classes <- .Call(krb_call4, "random_categorical", logits, num_samples, dtype, seed)
  returned_indices(classes, zero_indexed)
}

#' @rdname random
#' @export
random_shuffle <- function(x, axis = 1L, seed = NULL) .Call(krb_call3, "random_shuffle", x, axis, seed)

#' @rdname random
#' @export
random_dropout <- function(inputs, rate, noise_shape = NULL, seed = NULL)
  .Call(krb_call4, "random_dropout", inputs, rate, noise_shape, seed)

#' @rdname random
#' @export
random_gamma <- function(shape, alpha, dtype = NULL, seed = NULL)
  .Call(krb_call4, "random_gamma", shape, alpha, dtype, seed)

#' @rdname random
#' @export
random_beta <- function(shape, alpha, beta, dtype = NULL, seed = NULL)
  .Call(krb_call5, "random_beta", shape, alpha, beta, dtype, seed)

#' @rdname random
#' @export
random_binomial <- function(shape, counts, probabilities, dtype = NULL, seed = NULL)
  .Call(krb_call5, "random_binomial", shape, counts, probabilities, dtype, seed)

#' Seed generators and the global seed
#'
#' `random_seed_generator()` makes Keras's `SeedGenerator`: passed as the `seed` of a random op
#' or initializer, it gives new values on every call, and the same sequence from the same seed.
#' Its state is a non-trainable uint32 variable `[seed, counter]` (`$state`) that each draw
#' advances. `set_random_seed()` makes unseeded random ops, initializers and generators
#' reproducible, and seeds R's own generator too, as keras3's does.
#'
#' @param seed An integer; `NULL` draws one.
#' @param name The generator's name (`NULL` gives `seed_generator`, made unique); for `$`, the
#'   field: `state` (the state variable), `name`, `get_config()` or `next(ordered = TRUE)`, which
#'   returns the state (a uint32 tensor `[seed, counter]`) and advances it, as Keras's
#'   `SeedGenerator.next()` (`ordered = FALSE` scrambles the whole state instead).
#' @param ... Keras's keyword arguments: `backend` is accepted and ignored; any other is a
#'   `value_error`, as in Keras.
#' @param x A seed generator.
#' @return `random_seed_generator()`: a `kerasbridge_seed_generator`; `set_random_seed()`:
#'   `NULL`, invisibly.
#' @examples
#' gen <- random_seed_generator(42)
#' random_uniform(2, seed = gen)
#' random_uniform(2, seed = gen)   # new values
#' gen$state
#' set_random_seed(1)
#' a <- random_normal(3)
#' set_random_seed(1)
#' identical(as.array(a), as.array(random_normal(3)))
#' @export
random_seed_generator <- function(seed = NULL, name = NULL, ...) {
  extra <- list(...)
  keys <- if (is.null(names(extra))) character(length(extra)) else names(extra)
  unknown <- keys != "backend"
  if (any(unknown))
    raise_bridge_error("value_error", sprintf("Unrecognized keyword arguments: {%s}",
                                              paste0("'", keys[unknown], "': ", vapply(extra[unknown], shown, ""), collapse = ", ")))
  generator <- .Call(krb_call2, "random_seed_generator", seed, name)
  new_seed_generator(generator)
}

new_seed_generator <- function(ptr) structure(list(), ptr = ptr, saved = saved_state(ptr), class = "kerasbridge_seed_generator")

#' @rdname random_seed_generator
#' @export
`$.kerasbridge_seed_generator` <- function(x, name) {
  switch(name,
    get_config = function() get_config(x),
    `next` = function(ordered = TRUE) .Call(krb_call2, "seed_generator_next", x, ordered),
    .Call(krb_call2, "seed_generator_field", x, name)
  )
}

#' @export
.DollarNames.kerasbridge_seed_generator <- function(x, pattern = "") grep(pattern, c("state", "name", "next", "get_config"), value = TRUE)

#' @export
print.kerasbridge_seed_generator <- function(x, ...) {
  cat(.Call(krb_call1, "describe", x), "\n", sep = "")
  invisible(x)
}

#' @rdname random_seed_generator
#' @export
set_random_seed <- function(seed) {
  # The engine checks the seed first, so that a refused one leaves R's generator as it was.
  .Call(krb_call1, "set_random_seed", seed)
  set.seed(seed)
  invisible()
}
