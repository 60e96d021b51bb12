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

#' Reset the naming state
#'
#' Forgets the automatic names handed out so far, so the next unnamed variable is called
#' `"variable"` again.
#'
#' @return `NULL`, invisibly.
#' @examples
#' clear_session()
#' keras_variable(1)$name
#' @export
clear_session <- function() invisible(.Call(krb_call0, "clear_session"))
