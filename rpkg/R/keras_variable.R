#' @include objects.R
NULL

#' Create a Keras variable
#'
#' A variable is a container for state: it holds a tensor value that can be read as a
#' snapshot (`$value`) and replaced (`$assign()`, `$assign_add()`, `$assign_sub()`, or in place
#' with `variable@r[...] <- value`). This is Keras 3's `keras.Variable`, run by a .NET engine
#' inside the R process instead of Python.
#'
#' @section Attributes:
#' Read them with `$`:
#' * `shape`: the dimensions, a [shape()] object (`unlist()` or `as.integer()` give integers).
#' * `ndim`: the number of dimensions.
#' * `dtype`: the element type, e.g. `"float32"`.
#' * `trainable`: whether training updates the variable; settable with `$trainable <- FALSE`.
#' * `autocast`: whether layers may cast it to their compute dtype when it is read.
#' * `aggregation`, `synchronization`: distribution annotations.
#' * `overwrite_with_gradient` (`FALSE`; settable, as in Keras), `regularizer` and
#'   `constraint` (`NULL`; settable to an R function or `NULL`, as Keras takes any callable):
#'   as Keras's variables have them. The engine has no optimizer, so nothing calls them.
#' * `value`: the current value as a tensor; a snapshot that later assignments do not change.
#'   As in Keras, it is the same tensor each time until the variable changes.
#' * `name`: the variable's name; `path`: its name with the name scopes it was created in.
#'
#' Methods: `$assign(value)`, `$assign_add(value)`, `$assign_sub(value)` (each returns the
#' new value as a tensor, as Keras does) and `$numpy()` (the value as an R array).
#'
#' @section Parallel processes:
#' Variables live in the .NET engine of the R process that made them. Forked workers
#' (`parallel::mclapply()`, `mcparallel()`, `makeForkCluster()`) can read the variables and
#' tensors that existed before the fork (`as.array()`, `dim()`, `$value`, `$shape`, `$dtype`,
#' printing), but cannot run the engine: anything else there is an error of class
#' `forked_child_error`, and the parent session is never affected. To compute with variables in
#' parallel, use workers that load the package themselves: a PSOCK cluster
#' (`parallel::makePSOCKcluster()`, then `clusterEvalQ(cl, library(kerasbridge))`) or
#' `callr::r()`. After the package is unloaded and loaded again, objects made before are an error
#' (`value_error`); recreate them.
#'
#' @param initializer The initial value: an R array or vector, a tensor, an initializer object
#'   such as [initializer_ones()], the name of one (`"glorot_uniform"`), or a function
#'   `function(shape, dtype)` returning an array of that shape.
#' @param shape The variable's shape, e.g. `c(3, 3)`; required when `initializer` is an
#'   initializer or a function. `NA` marks an unknown dimension where Keras allows one.
#' @param dtype The element type. By default an R array keeps its own type (double is
#'   `"float64"`, integer `"int32"`, logical `"bool"`); a plain double vector or scalar and an
#'   initializer use [config_floatx()] (`"float32"` unless changed).
#' @param trainable Whether the variable is trainable (`TRUE` or `FALSE`).
#' @param autocast Whether the variable may be cast to a layer's compute dtype when read.
#' @param aggregation How a distributed variable is aggregated: `"none"`, `"mean"`, `"sum"`,
#'   `"only_first_replica"` or `NULL`.
#' @param synchronization When a distributed variable is synchronized: `"auto"`, `"none"`,
#'   `"on_read"`, `"on_write"` or `NULL`.
#' @param name The variable's name, a string without `/`. By default a unique one is made:
#'   `"variable"`, then `"variable_1"`, and so on.
#' @param layout As keras3's: how a distribution places the variable on devices. There is no
#'   distribution here, so only `NULL` is accepted.
#' @param ... Backend-specific arguments, which keras3 passes on to Keras's `Variable`; this
#'   engine has none, so they are accepted and ignored.
#' @return A `kerasbridge_variable`.
#' @examples
#' # From an R array: a double array keeps float64
#' initial_array <- array(1, c(3, 3))
#' variable_from_array <- keras_variable(initializer = initial_array)
#'
#' # From an initializer, with an explicit dtype
#' variable_from_initializer <- keras_variable(
#'   initializer = initializer_ones(),
#'   shape = c(3, 3),
#'   dtype = "float32"
#' )
#'
#' # Updating the value
#' new_value <- array(0, c(3, 3))
#' variable_from_array$assign(new_value)
#'
#' # Changing part of a snapshot, then assigning it
#' value <- variable_from_array$value
#' value@r[1, ] <- 99
#' invisible(variable_from_array$assign(value))
#' variable_from_array
#'
#' # A non-trainable variable
#' non_trainable_variable <- keras_variable(
#'   initializer = array(1, c(3, 3)),
#'   dtype = "float32",
#'   trainable = FALSE
#' )
#' non_trainable_variable$trainable
#' @export
keras_variable <- function(initializer, shape = NULL, dtype = NULL, trainable = TRUE,
                           autocast = TRUE, aggregation = "none", synchronization = "auto",
                           name = NULL, layout = NULL, ...) {
  if (missing(initializer))
    raise_bridge_error("type_error", "Variable.__init__() missing 1 required positional argument: 'initializer'")
  if (!is.null(layout))
    raise_bridge_error("value_error", sprintf("A `layout` places a variable on devices of a distribution, which this engine does not have; `layout` must be NULL. Received: layout=%s", format(layout)[1L]))
  .Call(krb_call8, "variable_new", initializer, shape, dtype, trainable,
        autocast, aggregation, synchronization, name)
}

#' Attributes and methods of a variable
#'
#' `variable$name` reads an attribute or gets a method of a variable; see [keras_variable()]
#' for the list. `trainable` and `overwrite_with_gradient` can be set to `TRUE` or `FALSE`
#' (`variable$trainable <- FALSE`), and `constraint` and `regularizer` to an R function or
#' `NULL`. Those two are kept with the R object (its copies share them), not in the engine: a
#' .NET program that hands the same variable to R again gets an R object without them.
#'
#' @param x A variable.
#' @param name The attribute or method.
#' @param value The new value: `TRUE` or `FALSE`, or for `constraint` and `regularizer` a
#'   function or `NULL`.
#' @return The attribute's value, or the method as a function.
#' @examples
#' v <- keras_variable(array(1, c(2, 2)))
#' v$dtype
#' v$trainable <- FALSE
#' v$trainable
#' @name variable_attributes
NULL

# S3 methods, which R dispatches for these S4 objects too: S4 methods for `$` would go through
# standardGeneric() on every call, and R's faster table dispatch for them can only be had by
# resetting the primitive's methods for the whole session. The engine call is written out in
# each branch rather than behind a helper: `$` is the per-call path of `v$value` and
# `v$assign()`, and each R closure call costs as much here.
#' @rdname variable_attributes
#' @export
`$.kerasbridge_variable` <- function(x, name) {
  switch(name,
    shape = new_shape(.Call(krb_call2, "variable_field", x, "shape")),
    assign = function(value) .Call(krb_call2, "variable_assign", x, value),
    assign_add = function(value) .Call(krb_call2, "variable_assign_add", x, value),
    assign_sub = function(value) .Call(krb_call2, "variable_assign_sub", x, value),
    numpy = function() as.array(x),
    constraint = ,
    regularizer = attr(x@ptr, name, exact = TRUE),
    .Call(krb_call2, "variable_field", x, name)
  )
}

#' @rdname variable_attributes
#' @export
`$<-.kerasbridge_variable` <- function(x, name, value) {
  switch(name,
    trainable = .Call(krb_call2, "variable_set_trainable", x, value),
    overwrite_with_gradient = .Call(krb_call2, "variable_set_overwrite_with_gradient", x, value),
    constraint = ,
    regularizer = set_callable(x, name, value),
    raise_bridge_error("attribute_error", sprintf("Attribute `%s` of a Variable cannot be set; only `trainable`, `overwrite_with_gradient`, `constraint` and `regularizer` can.", name)))
  x
}

# A variable's constraint or regularizer, an R function or NULL as Keras takes any callable or
# None, kept on the variable's external pointer: every copy of the R object shares that
# pointer, so all of them see it (and R's serialization keeps it). Nothing here calls it:
# optimizers, which would, are not part of the engine.
set_callable <- function(x, name, value) {
  if (!is.null(value) && !is.function(value))
    raise_bridge_error("value_error", sprintf("Invalid value for attribute `%s`. Expected a callable (such as a `keras.%s` instance) or `None`. Received: %s=%s",
                                              name, if (name == "constraint") "constraints.Constraint" else "regularizers.Regularizer", name, shown(value)))
  pointer <- x@ptr
  attr(pointer, name) <- value
}

#' @export
.DollarNames.kerasbridge_variable <- function(x, pattern = "") {
  fields <- c("shape", "ndim", "dtype", "trainable", "autocast", "aggregation", "synchronization",
              "value", "name", "path", "overwrite_with_gradient", "regularizer", "constraint",
              "assign", "assign_add", "assign_sub", "numpy")
  grep(pattern, fields, value = TRUE)
}
