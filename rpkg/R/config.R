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

#' Reset the session's state
#'
#' As keras3's: forgets the automatic names handed out so far (the next unnamed variable is
#' called `"variable"` again), the seed set with [set_random_seed()] and the global seed
#' generator. With `free_memory = TRUE` it also collects R's and .NET's garbage and gives the
#' memory kept for reuse back to the system.
#'
#' @param free_memory Whether to collect garbage and free memory kept for reuse.
#' @return `NULL`, invisibly.
#' @examples
#' clear_session()
#' keras_variable(1)$name
#' @export
clear_session <- function(free_memory = TRUE) invisible(.Call(krb_call1, "clear_session", free_memory))
