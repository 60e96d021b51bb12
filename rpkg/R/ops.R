#' @include objects.R
NULL

#' Operators on tensors and variables
#'
#' Arithmetic (`+ - * / ^ %% %/%`), comparison (`== != < <= > >=`), logical (`& | !`)
#' operators, `%*%` and `round()` work on tensors and variables and return tensors,
#' with Keras's result dtypes and broadcasting. A plain R number combines like a Python number
#' in Keras: it takes the tensor's dtype (`int32 tensor + 1L` stays int32; an R double is a
#' Python float, so `int32 tensor + 1` is float32, where keras3 on TensorFlow casts it to int32),
#' and an integer the tensor's dtype cannot hold is a `value_error` (`uint8 tensor + 300L`), not
#' wrapped; `%%` too (on keras3's TensorFlow tensors it is TensorFlow's `floormod`: an int8
#' tensor `%% 2L` stays int8), where [op_mod()] first makes the number an int32 tensor, as Keras
#' does. Bools count as integers in arithmetic, as R's logicals do: `(x > 0) + (y > 0)` is
#' int32 (NumPy's bool addition would be a logical or), `-(x > 0)` is -1 and 0, and beside an
#' integer tensor they take its dtype. R's `NA` in arithmetic is NaN; in comparisons,
#' logical operators and assignments it is refused (tensors have no missing value). An R array beside a
#' float tensor takes the tensor's dtype too (a float32 variable minus a double matrix is
#' float32, as keras3's backends give it); beside an integer tensor it promotes. As in keras3,
#' `x ^ 2` is [op_square()] and `x ^ 0.5` [op_sqrt()] (an int32 tensor squared stays int32),
#' and `%*%` is [op_matmul()], which converts an R array multiplied with a tensor to the
#' tensor's dtype; as in base R, a vector beside a matrix of one row (`x %*% matrix(y, 1)`) is a column,
#' and a number beside a matrix of one column (one row on its left) a 1 x 1 matrix. R's `%/%`
#' and `%%` of integers by zero are a `value_error`, as TensorFlow refuses them (base R gives
#' `NA`), where [op_floor_divide()] and [op_mod()] give NumPy's 0.
#' `all.equal()` compares values, as keras3's: both sides as R arrays.
#'
#' @param e1,e2 Tensors, variables, R arrays or numbers.
#' @param x,target,current Tensors or variables.
#' @param ... Passed on to `all.equal()` for the R arrays.
#' @param digits Decimal places for `round()` (halves round to even, as in NumPy).
#' @return A tensor (`all.equal()`: `TRUE` or a description of the differences).
#' @examples
#' v <- keras_variable(array(1:4, c(2, 2)))
#' v + 1L
#' v * v
#' v > 2L
#' v %*% v
#' all.equal(v$value, v)
#' @name tensor_ops
NULL

#' @rdname tensor_ops
#' @export
Ops.kerasbridge_object <- function(e1, e2) {
  if (missing(e2)) return(.Call(krb_call2, "ops_unary", .Generic, e1))
  .Call(krb_call3, "ops_binary", .Generic, e1, e2)
}

matmul <- function(x, y) {
  # As base R's %*%: a vector that cannot multiply as a row (on the right, a column) beside a
  # matrix of one row (one column) is a column (a row), so that x %*% matrix(y, 1) is an outer product.
  # A 0-d tensor is R's number there: a 1 x 1 matrix beside one row (column).
  dx <- operand_dims(x)
  dy <- operand_dims(y)
  if (!is.null(dx) && length(dx) == 0L && length(dy) == 2L && dy[[1L]] == 1) x <- reshaped(x, c(1L, 1L))
  if (!is.null(dy) && length(dy) == 0L && length(dx) == 2L && dx[[2L]] == 1) y <- reshaped(y, c(1L, 1L))
  if (length(dx) == 1L && length(dy) == 2L && dx != dy[[1L]] && dy[[1L]] == 1) x <- reshaped(x, c(dx, 1L))
  if (length(dy) == 1L && length(dx) == 2L && dy != dx[[2L]] && dx[[2L]] == 1) y <- reshaped(y, c(1L, dy))
  .Call(krb_call3, "ops_binary", "%*%", x, y)
}

# The dimensions R's %*% sees: a tensor's shape (none for 0-d), an R vector's length; NULL for
# what is neither (the engine refuses it as it is).
operand_dims <- function(x) {
  if (is_kerasbridge_object(x)) return(if (op_ndim(x) == 0L) integer() else dim(x))
  if (!is.atomic(x) || is.null(x)) return(NULL)
  # One R number reaches the engine as a 0-d tensor, and is R's number there too.
  if (is.null(dim(x))) if (length(x) == 1L) integer() else length(x) else dim(x)
}

# A tensor or an R array in another shape, each staying what it is (an R array keeps its R type,
# which %*% converts to the tensor's dtype).
reshaped <- function(x, dims) {
  if (is_kerasbridge_object(x)) return(op_reshape(x, dims))
  dim(x) <- dims
  x
}

#' @rdname tensor_ops
#' @param y A tensor, variable or R array.
#' @export
setMethod("%*%", signature("kerasbridge_object", "ANY"), function(x, y) matmul(x, y))

#' @rdname tensor_ops
#' @export
setMethod("%*%", signature("ANY", "kerasbridge_object"), function(x, y) matmul(x, y))

#' @rdname tensor_ops
#' @export
setMethod("%*%", signature("kerasbridge_object", "kerasbridge_object"), function(x, y) matmul(x, y))

#' @rdname tensor_ops
#' @export
round.kerasbridge_object <- function(x, digits = 0, ...) op_round(x, digits)

#' @rdname tensor_ops
#' @method all.equal kerasbridge_object
#' @export
all.equal.kerasbridge_object <- function(target, current, ...) {
  target <- as.array(target)
  if (is_kerasbridge_object(current)) current <- as.array(current)
  # As keras3's all.equal() for tensors, which compares both as arrays: a plain R vector and a
  # 1-D array (or a 0-d tensor's number) of the same values are equal.
  if (length(dim(target)) + length(dim(current)) == 1L) dim(target) <- dim(current) <- NULL
  all.equal(target, current, ...)
}

# testthat's third edition compares with waldo, which would compare the objects' pointers (equal
# tensors differ, unequal ones show no value): waldo compares their values, as all.equal() does.
# A 1-D tensor's values are a vector (waldo 0.4 fails to show two 1-d arrays that differ, and
# tests compare a vector with c(...)); 64-bit integers beyond 2^53 are their digits.
#' @exportS3Method waldo::compare_proxy
compare_proxy.kerasbridge_object <- function(x, path) {
  values <- exact_values(x)
  if (length(dim(values)) == 1L) values <- as.vector(values)
  list(object = values, path = paste0("as.array(", path, ")"))
}
