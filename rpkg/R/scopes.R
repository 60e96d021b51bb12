#' Name and autocast scopes
#'
#' `with_name_scope(name, code)` runs `code` with `name` added to the path of every variable
#' created in it (`"block/kernel"`); scopes nest. `local_name_scope(name)` opens the scope until
#' the calling function returns. `with_autocast_scope(dtype, code)` makes float variables read
#' in `code` give their value cast to `dtype` (variables created with `autocast = TRUE`).
#'
#' @param name The scope's name (a string without `/`).
#' @param dtype A float dtype, or `NULL` for no casting.
#' @param code The R code to run.
#' @param envir The frame whose exit closes the scope.
#' @return `with_*()` give the value of `code`; `local_name_scope()` gives `NULL` invisibly.
#' @examples
#' with_name_scope("dense", {
#'   kernel <- keras_variable(initializer_ones(), shape = c(2, 2), name = "kernel")
#' })
#' kernel$path
#' f <- function() {
#'   local_name_scope("block")
#'   keras_variable(1, name = "bias")$path
#' }
#' f()
#' @name scopes
NULL

close_scope <- function(scope) invisible(.Call(krb_call1, "scope_close", scope))

#' @rdname scopes
#' @export
with_name_scope <- function(name, code) {
  scope <- .Call(krb_call1, "name_scope_open", name)
  on.exit(close_scope(scope))
  code
}

#' @rdname scopes
#' @export
local_name_scope <- function(name, envir = parent.frame()) {
  scope <- .Call(krb_call2, "local_name_scope_open", name, envir)
  # The closing call carries the function itself: the caller's frame cannot see package internals.
  closing <- as.call(list(close_scope, scope))
  do.call(on.exit, list(closing, add = TRUE, after = FALSE), envir = envir)
  invisible()
}

#' @rdname scopes
#' @export
with_autocast_scope <- function(dtype, code) {
  scope <- .Call(krb_call1, "autocast_scope_open", dtype)
  on.exit(close_scope(scope))
  code
}
