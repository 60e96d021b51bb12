#' The default float dtype
#'
#' `config_floatx()` gives the dtype used for floating-point values when none is given
#' (`"float32"` unless changed); `config_set_floatx()` changes it to `"bfloat16"`,
#' `"float16"`, `"float32"` or `"float64"`.
#'
#' @param value The new default float dtype.
#' @return `config_floatx()` gives the dtype name; `config_set_floatx()` gives it invisibly.
#' @examples
#' config_floatx()
#' old <- config_set_floatx("float64")
#' config_floatx()
#' config_set_floatx("float32")
#' @export
config_floatx <- function() .Call(krb_call0, "config_floatx")

#' @rdname config_floatx
#' @export
config_set_floatx <- function(value) invisible(.Call(krb_call1, "config_set_floatx", value))

#' The fuzz factor
#'
#' `config_epsilon()` gives the small number Keras adds in numeric expressions to avoid
#' dividing by zero (`1e-7` unless changed); `config_set_epsilon()` changes it.
#'
#' @param value The new fuzz factor.
#' @return `config_epsilon()` gives the number; `config_set_epsilon()` gives `NULL` invisibly.
#' @examples
#' config_epsilon()
#' config_set_epsilon(1e-5)
#' config_epsilon()
#' config_set_epsilon(1e-7)
#' @export
config_epsilon <- function() .Call(krb_call0, "config_epsilon")

#' @rdname config_epsilon
#' @export
config_set_epsilon <- function(value) invisible(.Call(krb_call1, "config_set_epsilon", value))

#' The default image data format
#'
#' `config_image_data_format()` gives where image, convolution and pooling ops expect the
#' channel axis when their `data_format` is `NULL`: `"channels_last"` (images as height x width
#' x channels) unless changed. `config_set_image_data_format()` changes it to
#' `"channels_first"` or `"channels_last"` (in any case) for the rest of the session.
#'
#' @param data_format `"channels_first"` or `"channels_last"`.
#' @return `config_image_data_format()` gives the name; `config_set_image_data_format()` gives
#'   `NULL` invisibly.
#' @examples
#' config_image_data_format()
#' config_set_image_data_format("channels_first")
#' op_shape(op_image_resize(op_ones(c(3, 8, 8)), c(4, 4)))
#' config_set_image_data_format("channels_last")
#' @export
config_image_data_format <- function() .Call(krb_call0, "config_image_data_format")

#' @rdname config_image_data_format
#' @export
config_set_image_data_format <- function(data_format)
  invisible(.Call(krb_call1, "config_set_image_data_format", data_format))

#' Reset the session's state
#'
#' As keras3's: forgets the automatic names handed out so far (the next unnamed variable is
#' called `"variable"` again), the seed set with [set_random_seed()], the global seed
#' generator, and the dtype policy, flash attention's and traceback filtering's settings
#' ([config_training]). With `free_memory = TRUE` it also collects R's and .NET's garbage and gives the
#' memory kept for reuse back to the system.
#'
#' @param free_memory Whether to collect garbage and free memory kept for reuse.
#' @return `NULL`, invisibly.
#' @examples
#' clear_session()
#' keras_variable(1)$name
#' @export
clear_session <- function(free_memory = TRUE) {
  .Call(krb_call1, "clear_session", free_memory)
  # Keras keeps these in the global state clear_session() resets.
  rm(list = intersect(c("dtype_policy", "flash_attention", "traceback_filtering"), ls(training_settings)), envir = training_settings)
  invisible()
}

#' Interactive logging
#'
#' Whether the package shows progress on the console, as keras3's interactive logging decides
#' for Keras's logs. It is on unless turned off: work that takes over two seconds then shows a
#' progress bar in interactive sessions (`options(kerasbridge.progress = TRUE)` shows it
#' elsewhere too, `FALSE` nowhere). `config_disable_interactive_logging()` turns it off for the
#' rest of the session (Keras then sends its logs to Python's logging instead; here nothing is
#' shown), `config_enable_interactive_logging()` back on.
#'
#' @return `config_is_interactive_logging_enabled()` gives `TRUE` or `FALSE`; the others give
#'   `NULL` invisibly.
#' @examples
#' config_is_interactive_logging_enabled()
#' config_disable_interactive_logging()
#' config_is_interactive_logging_enabled()
#' config_enable_interactive_logging()
#' @export
config_is_interactive_logging_enabled <- function() .Call(krb_call0, "config_interactive_logging")

#' @rdname config_is_interactive_logging_enabled
#' @export
config_enable_interactive_logging <- function() invisible(.Call(krb_call1, "config_set_interactive_logging", TRUE))

#' @rdname config_is_interactive_logging_enabled
#' @export
config_disable_interactive_logging <- function() invisible(.Call(krb_call1, "config_set_interactive_logging", FALSE))

#' The backend
#'
#' keras3's `config_backend()` names the framework Keras runs on (`"tensorflow"`, `"jax"`,
#' `"torch"` or `"numpy"`); here the engine is the package's own .NET one, so it gives
#' `"kerasbridge"`. Code that branches on the backend (`if (config_backend() == "tensorflow")`)
#' takes the branch for other backends.
#'
#' @return `"kerasbridge"`.
#' @examples
#' config_backend()
#' @export
config_backend <- function() "kerasbridge"
