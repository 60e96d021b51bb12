#' @include objects.R
NULL

#' Tensors and shapes
#'
#' A variable's `$value` is a `kerasbridge_tensor`: an immutable array held by the engine.
#' Convert it with `as.array()`, `as.numeric()`, `as.integer()` or `as.logical()`; read its
#' `$shape`, `$dtype` and `$ndim`. Changing part of it (`value@r[1, ] <- 99`) makes a new
#' tensor and rebinds the name to it.
#'
#' Printed, a tensor or variable shows Keras's header and then its values as R prints the array
#' (`print(x, digits = 3)` as for an R array). Past 1000 elements it summarises as NumPy does:
#' the first and last 3 positions of each axis longer than 6, labelled with their positions,
#' read without copying the tensor (`as.array()` gives every element).
#'
#' Tensors and variables live in the .NET engine of the R session that made them, and R's own
#' serialization carries them to others: `saveRDS()`/`readRDS()`, `save()`/`load()`,
#' `serialize()` (format version 3, R's default) and socket-cluster workers give back working
#' tensors and variables, with their values, dtype, name and attributes. Objects made before the
#' package was unloaded, or read from a version 2 stream, print as objects from a previous
#' session, and using them is an error (`value_error`).
#'
#' @param x A tensor or variable.
#' @param ... Unused.
#' @return `as.array()` gives an R array with the tensor's dimensions (a 0-d tensor or variable
#'   gives a 1-d array of length 1, as keras3's `as.array()` and base R's `as.array(5)` do);
#'   `x$numpy()` of a 0-d tensor gives its number, as a TensorFlow tensor's `numpy()` does in
#'   keras3.
#' @examples
#' v <- keras_variable(array(1:6, c(2, 3)))
#' t <- v$value
#' t
#' as.array(t)
#' dim(t)
#' @name kerasbridge_tensor
NULL

#' @rdname kerasbridge_tensor
#' @export
as.array.kerasbridge_object <- function(x, ...) numpy_values(x)

# The values as keras3's as.array() gets them, through op_convert_to_array() and a NumPy array:
# reticulate gives a 0-d array dim 1. (A tensor's own numpy() is a NumPy scalar there, whose R
# value is a plain number, as tensor_values() gives.)
numpy_values <- function(x) {
  values <- tensor_values(x)
  if (is.null(dim(values))) dim(values) <- 1L
  values
}

# The values as R holds them: an array with the tensor's dimensions, a 0-d tensor's one value
# without dimensions (base R's functions on a tensor see the number, not a 1-d array).
tensor_values <- function(x) .Call(krb_call1, "to_r", x)

#' @export
as.vector.kerasbridge_object <- function(x, mode = "any") as.vector(tensor_values(x), mode)

#' @export
as.double.kerasbridge_object <- function(x, ...) as.double(tensor_values(x))

#' @export
as.numeric.kerasbridge_object <- function(x, ...) as.double(tensor_values(x))

#' @export
as.integer.kerasbridge_object <- function(x, ...) as.integer(tensor_values(x))

#' @export
as.logical.kerasbridge_object <- function(x, ...) as.logical(tensor_values(x))

#' @export
as.complex.kerasbridge_object <- function(x, ...) as.complex(tensor_values(x))

#' @export
as.raw.kerasbridge_object <- function(x) as.raw(tensor_values(x))

# Tools that describe objects (deparsers, pillar, IDE panes) ask for dim() and length(): an
# object from a previous session answers them as an empty one, having no data left.
#' @export
dim.kerasbridge_object <- function(x) {
  if (is_restored(x)) return(NULL)
  shape <- tensor_field(x, "shape")
  if (length(shape) == 0) NULL else shape
}

#' @export
length.kerasbridge_object <- function(x) {
  if (is_restored(x)) return(0L)
  as.integer(prod(tensor_field(x, "shape")))
}

tensor_field <- function(x, field) .Call(krb_call2, "tensor_field", x, field)

#' @rdname kerasbridge_tensor
#' @param name The attribute: `shape`, `dtype`, `ndim` or `numpy`.
#' @export
`$.kerasbridge_tensor` <- function(x, name) {
  switch(name,
    shape = new_shape(tensor_field(x, "shape")),
    numpy = function() tensor_values(x),
    tensor_field(x, name)
  )
}

#' @importFrom utils .DollarNames
#' @export
.DollarNames.kerasbridge_tensor <- function(x, pattern = "") grep(pattern, c("shape", "dtype", "ndim", "numpy"), value = TRUE)

#' @export
format.kerasbridge_object <- function(x, ..., digits = NULL) {
  header <- .Call(krb_call1, "describe", x)
  if (!.Call(krb_call1, "usable", x)) return(header)
  paste(c(header, format_values(x, digits)), collapse = "\n")
}

# NumPy prints an array of more than 1000 elements summarised: the first and last 3 positions
# of each axis longer than 6.
summary_threshold <- 1000
summary_edge <- 3L

# The lines R prints for a tensor's values. Past NumPy's threshold, only the positions NumPy
# shows are read (no copy of the tensor) and printed as R prints an array, their dimnames
# giving each position. An empty tensor of rank 2 or more gets one line: R would print a
# header for every row or slice.
format_values <- function(x, digits = NULL) {
  dims <- dim(x)
  summarised <- length(x) > summary_threshold && length(dims) > 0L
  read <- if (summarised) summary_corner(x, dims) else x
  values <- printable(read)
  if (length(values) == 0 && length(dim(values)) > 1)
    return(sprintf("<%s array of %s>", paste(dim(values), collapse = " x "), typeof(values)))
  if (summarised) dimnames(values) <- summary_dimnames(dims)
  # 64-bit integers print by their digits, never in R's scientific notation (100000 as 1e+05).
  if (is_64_bit_integer(x)) {
    restore <- options(scipen = 999L)
    on.exit(options(restore))
  }
  lines <- utils::capture.output(print(values, digits = digits, quote = FALSE, right = TRUE))
  if (!summarised) return(lines)
  c(lines, sprintf("(%s elements: the first and last %d positions of each axis longer than %d, as NumPy summarises; as.array() gives them all)",
                   format(length(x), big.mark = ","), summary_edge, 2L * summary_edge))
}

summary_positions <- function(n) if (n > 2L * summary_edge) c(seq_len(summary_edge), n - rev(seq_len(summary_edge)) + 1L) else seq_len(n)

summary_corner <- function(x, dims) do.call(`[`, c(list(x@r), lapply(dims, summary_positions), list(drop = FALSE)))

# Axis positions as R labels them: [i,] and [,j] for a matrix's rows and columns, [i] for a
# vector's elements, the bare number for the slices of further axes.
summary_dimnames <- function(dims) {
  positions <- lapply(dims, summary_positions)
  if (length(dims) == 1L) return(list(sprintf("[%d]", positions[[1L]])))
  c(list(sprintf("[%d,]", positions[[1L]]), sprintf("[,%d]", positions[[2L]])), lapply(positions[-(1:2)], as.character))
}

# A tensor's values as R prints them: int32's least value, which an R integer holds only as NA,
# is shown as the number it is (NumPy prints -2147483648), and 64-bit integers beyond 2^53,
# which R's doubles round, by their digits (from the engine, so not in a forked child).
printable <- function(x) {
  values <- exact_values(x)
  if (is.integer(values) && anyNA(values)) tensor_values(op_cast(x, "float64")) else values
}

# The values, but 64-bit integers beyond 2^53, which R's doubles round, as their digits.
exact_values <- function(x) {
  values <- tensor_values(x)
  if (!is.double(values) || !is_64_bit_integer(x) || !any(abs(values) >= 2^53)) return(values)
  digits <- .Call(krb_call1, "integer_digits", x)
  if (is.null(dim(values))) digits else array(digits, dim(values))
}

is_64_bit_integer <- function(x) op_dtype(x) %in% c("int64", "uint64")

# 64-bit integers as text by their digits, never in R's scientific notation (as.character(1e5)
# is "1e+05").
#' @export
as.character.kerasbridge_object <- function(x, ...) {
  values <- as.vector(printable(x))
  if (is.double(values) && is_64_bit_integer(x)) format(values, scientific = FALSE, trim = TRUE) else as.character(values)
}

#' @export
print.kerasbridge_object <- function(x, ...) {
  cat(format(x, ...), "\n", sep = "")
  invisible(x)
}

methods::setMethod("show", "kerasbridge_object", function(object) print.kerasbridge_object(object))

#' Shapes
#'
#' `shape()` makes a shape as keras3's does: a list of dimensions, each an integer or `NULL`
#' for an unknown one, that prints as `shape(3, NA)`. Its arguments are numbers (`NA`, `NULL`
#' and `-1` mean unknown), vectors of them, shapes (spliced in), tensors and variables (their
#' shape), R arrays (their `dim()`, a 1-d array's too), and 0-d integer tensors,
#' which stand for their value, as in keras3 (`op_shape()` gives such a tensor's own shape, and
#' so does `shape(I(x))`).
#' Strings and flags are coerced as keras3's `as.integer()` coerces them: `"3"` is 3 and `TRUE` is
#' 1; a fraction, which keras3 would truncate, and a string that is no number are refused.
#' `$shape` of a tensor or variable gives one too.
#'
#' Shapes compare whole with `==` and `!=` (against shapes or numbers); `length()` is the rank,
#' `prod()` the element count; `[` keeps the class, `[[` gives one dimension; `as.integer()`,
#' `as.numeric()` (`NA` for unknown) and `as.list()` give plain R values.
#'
#' @param ... Dimensions, shapes, tensors or R arrays.
#' @param x,e1,e2 Shapes (or numbers, for `==` and `!=`).
#' @param i Positions, as for a list.
#' @param na.rm Whether `max()`, `min()`, `sum()` and `prod()` skip unknown dimensions.
#' @return A shape: a list of class `keras_shape`, as keras3's.
#' @examples
#' s <- shape(3, 4)
#' s
#' shape(NULL, 28)
#' shape(-1, 2)
#' shape(s, 5)
#' shape(array(0, c(2, 5)))
#' shape(keras_variable(array(0, c(2, 3))))
#' s == c(3, 4)
#' prod(s)
#' s[[2]]
#' as.integer(s)
#' @export
shape <- function(...) new_shape(.Call(krb_call1, "shape_new", lapply(shape_arguments(...), shape_part)))

# keras3's shape(I(x)), a scalar integer tensor's own shape: base R's I() warns that the tensor
# is no longer an S4 object as it adds its class, and shape_part() makes it whole again, so that
# warning of I()'s own assignment says nothing here.
shape_arguments <- function(...) {
  withCallingHandlers(list(...), warning = function(w) {
    if (identical(conditionCall(w), body(base::I)[[2L]])) invokeRestart("muffleWarning")
  })
}

# The most axes a shape has, as the engine takes them.
max_shape_rank <- 64L

# One argument of shape() as the engine's shape_new reads it: numbers (NA unknown) or a list.
# Lists nest no deeper than a shape has axes (deeper, the walk would overflow R's C stack).
shape_part <- function(x, depth = 0L) {
  if (is.null(x)) return(NA_integer_)
  if (inherits(x, "AsIs") && typeof(attr(x, "ptr")) == "externalptr")
    return(as.integer(dim(unprotected_object(x))))
  if (inherits(x, "keras_shape")) return(as.integer(x))
  if (is_kerasbridge_object(x)) {
    if (length(dim(x)) == 0L && grepl("int", op_dtype(x))) return(as.integer(as.array(x)))
    return(as.integer(dim(x)))
  }
  # An R array stands for its dim(), a 1-d one too (as.array() of a vector tensor), as in keras3;
  # a plain vector holds sizes.
  if (is.atomic(x) && !is.null(dim(x))) return(dim(x))
  # Strings and flags are coerced as keras3's shape() coerces them with as.integer(): "3" is 3,
  # TRUE is 1 (in doubles, so that a size beyond R's integers still reaches the engine's check).
  # A fraction is not truncated, nor a string that is no number (or no valid text, which R's
  # as.numeric() fails on) made unknown: the engine refuses them, as it does more values than a
  # shape has axes (a compact 1:3e9 is not expanded).
  if (is.atomic(x) && length(x) <= max_shape_rank) {
    if (is.character(x) && all(validEnc(x))) {
      sizes <- suppressWarnings(as.numeric(x))
      if (!anyNA(sizes[!is.na(x)])) return(sizes)
    }
    if (is.logical(x) && !all(is.na(x))) return(as.integer(x))
  }
  if (is.atomic(x)) return(as.vector(x))
  if (is.list(x)) {
    if (depth >= max_shape_rank)
      raise_bridge_error("value_error", sprintf("A shape has at most %d dimensions. Received: lists nested more than %d deep", max_shape_rank, max_shape_rank))
    parts <- lapply(x, shape_part, depth = depth + 1L)
    # Kept a list when every element is one dimension, so that the engine names a bad one, and
    # when the parts are far longer than any shape (the engine takes 64 dimensions), so that R
    # does not expand list(1:3e9) into 12 GB before the engine refuses it.
    long <- sum(as.numeric(lengths(parts))) > 1e6
    return(if (long || all(lengths(parts) == 1L)) parts else unlist(parts))
  }
  x
}

# zeallot's %<-% takes a shape apart into its dimensions (c(batch, steps, features) %<-% shape(x)),
# as keras3 registers it; the method is registered when zeallot is loaded.
#' @exportS3Method zeallot::destructure
destructure.keras_shape <- function(x) unclass(x)

# I() takes a tensor's S4 bit away with its class; the slots stay, so the object comes back whole.
unprotected_object <- function(x) {
  asS4(structure(x, class = structure(setdiff(class(x), "AsIs"), package = "kerasbridge")))
}

new_shape <- function(dims) {
  dims <- lapply(dims, function(d) if (is.na(d)) NULL else d)
  structure(dims, class = "keras_shape")
}

#' @rdname shape
#' @param prefix Whether the text starts with `shape` (`TRUE`), nothing (`FALSE`), or the given string.
#' @export
format.keras_shape <- function(x, ..., prefix = TRUE) {
  dims <- vapply(x, function(d) if (is.null(d)) "NA" else format(d, scientific = FALSE), "")
  lead <- if (isTRUE(prefix)) "shape" else if (is.character(prefix) && length(prefix) == 1L) prefix else ""
  sprintf("%s(%s)", lead, paste(dims, collapse = ", "))
}

#' @export
print.keras_shape <- function(x, ...) {
  cat(format(x, ...), "\n", sep = "")
  invisible(x)
}

#' @rdname shape
#' @export
as.integer.keras_shape <- function(x, ...) vapply(unclass(x), function(d) if (is.null(d)) NA_integer_ else as.integer(d), 1L)

#' @rdname shape
#' @export
as.numeric.keras_shape <- function(x, ...) as.numeric(as.integer(x))

#' @export
as.double.keras_shape <- function(x, ...) as.double(as.integer(x))

#' @rdname shape
#' @export
as.list.keras_shape <- function(x, ...) unclass(x)

# keras3 users read TensorFlow's TensorShape: x$shape$as_list() (a vector, as reticulate
# simplifies a list of ints; a list when an axis is unknown) and x$shape$rank.
#' @export
`$.keras_shape` <- function(x, name) {
  dims <- unclass(x)
  switch(name,
    as_list = function() if (any(vapply(dims, is.null, TRUE))) dims else as.integer(x),
    rank = length(dims),
    raise_bridge_error("attribute_error", sprintf("'TensorShape' object has no attribute '%s'", name)))
}

#' @rdname shape
#' @export
`[.keras_shape` <- function(x, i) structure(unclass(x)[i], class = class(x))

#' @rdname shape
#' @export
Ops.keras_shape <- function(e1, e2) {
  if (!.Generic %in% c("==", "!="))
    raise_bridge_error("type_error", sprintf("Shapes support only `==` and `!=`. Received: `%s`", .Generic))
  same <- identical(as.integer(shape(e1)), as.integer(shape(e2)))
  if (.Generic == "==") same else !same
}

#' @rdname shape
#' @export
Summary.keras_shape <- function(..., na.rm = FALSE) {
  get(.Generic)(unlist(lapply(list(...), as.integer)), na.rm = na.rm)
}
