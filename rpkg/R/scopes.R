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
  opened_name_scope(.Call(krb_call2, "name_scope_open", name, NULL), name)
  code
}

# The name and caller of the innermost name scope open, which a Keras scope entered with the same
# name and caller does not open again (Keras's deduplication).
open_name_scopes <- new.env(parent = emptyenv())
open_name_scopes$innermost <- NULL

# Makes the name scope `scope` (just opened) the innermost until the frame `envir` exits, which
# then closes it and restores the innermost before it. The closing call carries the functions
# themselves: the caller's frame cannot see package internals.
opened_name_scope <- function(scope, name, caller = NULL, envir = parent.frame()) {
  force(scope)
  before <- open_name_scopes$innermost
  open_name_scopes$innermost <- list(name = name, caller = caller)
  leaving <- function() {
    open_name_scopes$innermost <- before
    close_scope(scope)
  }
  do.call(on.exit, list(as.call(list(leaving)), add = TRUE, after = FALSE), envir = envir)
}

#' @rdname scopes
#' @export
local_name_scope <- function(name, envir = parent.frame()) {
  opened_name_scope(.Call(krb_call2, "local_name_scope_open", name, envir), name, envir = envir)
  invisible()
}

#' @rdname scopes
#' @export
with_autocast_scope <- function(dtype, code) {
  scope <- .Call(krb_call1, "autocast_scope_open", dtype)
  on.exit(close_scope(scope))
  code
}

#' Stateless scopes: computing with variables without changing them
#'
#' Keras's `StatelessScope`, the tool JAX-style code uses to lift state out of a computation.
#' Inside the scope, reading a variable mapped in `state_mapping` gives the mapped value, and
#' assigning a variable (`$assign()`, `$assign_add()`, `@r[...] <-`, a seed generator's draws)
#' records the new value in the scope instead of changing the variable. After the scope,
#' `scope$get_current_value(variable)` gives the value the variable had at its end in the scope
#' (`NULL` for a variable neither mapped nor assigned there).
#'
#' `stateless_scope()` makes a scope to enter with `with()`; `with_stateless_scope()` runs code
#' in a new one. `stateless_function(f, variables)` turns a function that uses `variables` into
#' a pure function of their values, the shape of Keras layers' `stateless_call()`: it takes the
#' values (a list, one per variable) and `f`'s arguments, and gives `list(outputs, values)`,
#' `outputs` being `f`'s result and `values` the variables' values after it; the variables
#' themselves never change.
#'
#' @param state_mapping `NULL`, or a list of `list(variable, value)` pairs; each value (an R
#'   array, tensor or variable) takes the variable's dtype and must have its shape.
#' @param collect_losses,initialize_variables As Keras's: whether losses added in the scope are
#'   kept, and whether variables created in the scope get their values when the outermost
#'   scope closes.
#' @param code The R code to run.
#' @param data A scope from `stateless_scope()`.
#' @param expr The R code to run in it.
#' @param ... Unused by `with()`; passed to `f` by the function `stateless_function()` makes.
#' @param f A function using `variables`.
#' @param variables A list of variables.
#' @return `with()` and `with_stateless_scope()`: the value of the code; `stateless_scope()`: a
#'   `kerasbridge_stateless_scope`; `stateless_function()`: a function
#'   `function(values, ...)` giving `list(outputs, values)`.
#' @examples
#' v <- keras_variable(c(1, 2))
#' scope <- stateless_scope(list(list(v, c(10, 20))))
#' with(scope, {
#'   v$assign_add(c(1, 1))
#'   as.array(v)            # 11 21: the scope's value
#' })
#' scope$get_current_value(v)
#' as.array(v)              # 1 2: unchanged
#'
#' counter <- keras_variable(0)
#' step <- stateless_function(function(x) {
#'   counter$assign_add(1)
#'   x * counter
#' }, list(counter))
#' step(list(5), 2)         # outputs 12, values 6
#' as.array(counter)        # still 0
#' @name stateless_scope
NULL

#' @rdname stateless_scope
#' @export
stateless_scope <- function(state_mapping = NULL, collect_losses = FALSE, initialize_variables = TRUE) {
  # Keras checks the mapping when the scope is made: opening and closing at once does that.
  close_scope(open_stateless_scope(state_mapping, collect_losses, initialize_variables))
  scope <- new.env(parent = emptyenv())
  scope$settings <- list(state_mapping, collect_losses, initialize_variables)
  structure(scope, class = "kerasbridge_stateless_scope")
}

#' @rdname stateless_scope
#' @export
with.kerasbridge_stateless_scope <- function(data, expr, ...) {
  if (!is.null(get0("handle", envir = data, inherits = FALSE)))
    raise_bridge_error("value_error", "This stateless scope has already been entered; make a new one with `stateless_scope()`.")
  handle <- do.call(open_stateless_scope, get("settings", envir = data))
  assign("handle", handle, envir = data)
  on.exit(close_scope(handle))
  expr
}

#' @export
`$.kerasbridge_stateless_scope` <- function(x, name) {
  handle <- get0("handle", envir = x, inherits = FALSE)
  switch(name,
    get_current_value = function(variable) {
      if (is.null(handle)) raise_bridge_error("value_error", "This stateless scope has not been entered yet.")
      stateless_scope_value(handle, variable)
    },
    raise_bridge_error("attribute_error", sprintf("'StatelessScope' object has no attribute '%s'", name))
  )
}

#' @export
print.kerasbridge_stateless_scope <- function(x, ...) {
  cat("<StatelessScope>\n")
  invisible(x)
}

#' @rdname stateless_scope
#' @export
with_stateless_scope <- function(state_mapping = NULL, code, collect_losses = FALSE, initialize_variables = TRUE) {
  # Entered at once: no scope object to check first, so the mapping is converted once.
  handle <- open_stateless_scope(state_mapping, collect_losses, initialize_variables)
  on.exit(close_scope(handle))
  code
}

#' @rdname stateless_scope
#' @export
stateless_function <- function(f, variables) {
  force(f)
  force(variables)
  function(values, ...) {
    if (length(values) != length(variables))
      raise_bridge_error("value_error", sprintf("Expected %d values, one per variable. Received: %d values", length(variables), length(values)))
    handle <- open_stateless_scope(Map(list, variables, values))
    on.exit(close_scope(handle))
    outputs <- f(...)
    list(outputs = outputs, values = lapply(variables, function(v) stateless_scope_value(handle, v)))
  }
}

# A stateless scope entered (its handle, for close_scope()): the engine converts and checks the
# mapping as it opens the scope.
open_stateless_scope <- function(state_mapping, collect_losses = FALSE, initialize_variables = TRUE)
  .Call(krb_call3, "stateless_scope_open", state_mapping, collect_losses, initialize_variables)

stateless_scope_value <- function(handle, variable) .Call(krb_call2, "stateless_scope_value", handle, variable)
