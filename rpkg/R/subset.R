#' @include objects.R
NULL

#' Index tensors and variables
#'
#' `x@r[...]` reads or assigns part of a tensor or variable with R-style indices, following
#' keras3's `op_subset()`:
#'
#' * indices start at 1 (`0` is an error); negative indices count from the end (`-1` is the
#'   last element), as in Python, rather than excluding elements as in R; fractional indices
#'   are truncated, as in R (`2.7` is `2`);
#' * `a:b` is a slice that includes `b` (`NA` for an open end, as in `2:NA`), and `a:b:step`
#'   takes every `step`-th element from `a` (`1:NA:2`: the odd positions; `NA:NA:-1`: reversed;
#'   `NULL` is an open end too, as Python's `None`: `NULL:NULL:2`);
#'   the ends and step may be scalar tensors; a missing index
#'   takes the whole axis, and axes not indexed at all are taken whole (`x@r[1]` is the first
#'   row of a matrix);
#' * a single number drops its axis; an integer vector or a logical vector selects along its
#'   axis, and several of them select along their own axes as R's `[` does
#'   (`x@r[c(1, 3), c(2, 4)]` is a 2 x 2 block); a logical vector shorter than its axis is
#'   recycled, as in R;
#' * a single numeric matrix with one column per axis picks elements by their coordinates, one
#'   per row, as `x[cbind(i, j)]` does in R; a single logical array of `x`'s shape is a mask,
#'   whose elements come in row-major order (keras3's order: `t(x)[t(mask)]` in R terms);
#'   other integer arrays of more than one axis are refused, as keras3 refuses them;
#' * `NULL` or `newaxis` inserts an axis of length 1; `all_dims()` (or `..`) stands for every
#'   axis not named;
#' * `drop = FALSE` keeps the axes single numbers would drop, as in R (`x@r[1, , drop = FALSE]`,
#'   `op_subset(x, 1, drop = FALSE)`);
#' * a single list of indices, such as keras3's [tuple()], stands for its elements, one per
#'   axis, as a Python tuple key does: `x@r[tuple(i, j)]` is `x@r[i, j]`.
#'
#' `x@py[...]` has NumPy's rules instead: 0-based, `a:b` excludes `b`, and index arrays combine
#' point by point (`x@py[c(0, 2), c(1, 3)]` is two elements). As reticulate reads them, slices
#' may also be written as backquoted names, such as the name `::2` (every second row) or `1:`.
#'
#' Assigning into a tensor (`value@r[1, ] <- 99`) makes a new tensor and rebinds `value`;
#' assigning into a variable (`variable@r[2, ] <- 99L`) changes the variable in place.
#'
#' `x[...]` and `x[...] <- value` on a tensor or variable are `x@r[...]`: the rules above, as
#' the tensorflow package's `[` gives keras3's TensorFlow tensors (1-based, negative indices
#' from the end, `drop`), so code written for those runs unchanged. Where `@r` differs from the
#' tensorflow package, `x[...]` follows the tensorflow package:
#'
#' * `a:b` with `a > b` counts down (`x[3:2]` is `x[c(3, 2)]`, `x[-1:-3]` the last three
#'   reversed), and so does `a:b:step` with a positive step (`x[6:2:2]` is `x[c(6, 4, 2)]`),
#'   where `@r`'s Python slices are empty. (`x[3:1]` is `x[c(3, 2, 1)]` here; the tensorflow
#'   package gives nothing for any `a:1`, its stop reaching 0.)
#' * A slice end beyond its axis (`x[2:10]` of 5 elements; the tensorflow package lets an end of
#'   one past the axis pass) is an `index_error`, where `@r` clips it, as Python does, and base
#'   R pads with `NA`.
#' * A vector of several indices with a negative one (`x[c(-1, -2)]`) is a `value_error`: base R
#'   drops those elements, `@r` counts them from the end.
#' * A backquoted name with colons is an R-style slice, each part an R expression: the name
#'   `5:` takes from the fifth element on, `::2` every second.
#'
#' Tensors as indices are 1-based in `x[...]`, as in `@r` (the tensorflow package passes them to
#' TensorFlow 0-based): `x[op_argmax(x)]` is the largest element, keras3's `op_argmax()` being
#' 1-based.
#'
#' @param x A tensor or variable.
#' @param ... Indices, one per axis.
#' @param value The values to store, broadcast to the selected region as NumPy broadcasts (along
#'   its last axes), as keras3's assignment does: not recycled as base R's `[<-` recycles, so
#'   `x[1:2, 1:2] <- c(10, 20)` sets each row to 10, 20, and a vector of all the region's
#'   elements is an error unless given the region's shape.
#' @return `op_subset()` gives a tensor; `op_subset<-` (and `op_subset_set()`, its name as a
#'   plain function, as in keras3) gives the changed object.
#' @examples
#' v <- keras_variable(array(1:12, c(3, 4)))
#' v@r[1, ]
#' v@r[2:3, -1]
#' v@r[c(1, 3), c(2, 4)]
#' v@r[cbind(c(1, 3), c(2, 4))]
#' v@r[NULL]
#' v@py[0, 1:3]
#' v@r[2, ] <- 0L
#' v
#' v[, 2]
#' op_subset(v, 1, 2)
#' @name op_subset
NULL

#' @rdname op_subset
#' @export
newaxis <- structure(list(), class = "kerasbridge_newaxis")

#' A tuple, as keras3 re-exports reticulate's
#'
#' keras3 re-exports reticulate's `tuple()`, which makes a Python tuple, and its documentation
#' uses it for several inputs at once (`op_vectorized_map(f, tuple(x, y))`) and for index keys
#' (`x@r[tuple(i, j)]`). Keras treats tuples and lists alike as sequences; here, as in R, both
#' are lists, so `tuple()` gives an unnamed list of its arguments (of the elements of a single
#' list argument, as reticulate's does). As the index of a tensor it stands for one index per
#' axis ([op_subset]); so does it as the key of [op_get_item()], where a plain list is a Python
#' list of indices. The list carries the attribute `kerasbridge_tuple`, which marks it there.
#'
#' @param ... The elements; or one list of them.
#' @return A list.
#' @examples
#' x <- op_array(array(1:12, c(3, 4)))
#' x@r[tuple(1:2, 2)]
#' tuple(1, 2)
#' @export
tuple <- function(...) {
  items <- list(...)
  if (length(items) == 1L && is.null(names(items)) && is.list(items[[1L]]) && is.null(oldClass(items[[1L]]))) items <- items[[1L]]
  attr(items, "kerasbridge_tuple") <- TRUE
  items
}

#' @rdname op_subset
#' @export
all_dims <- function() structure(list(), class = "kerasbridge_all_dims")

#' @export
print.kerasbridge_newaxis <- function(x, ...) {
  cat("<newaxis>\n")
  invisible(x)
}

#' @export
print.kerasbridge_all_dims <- function(x, ...) {
  cat("<all_dims>\n")
  invisible(x)
}

# Turns the unevaluated index arguments of a `[` or `[<-` call into the list the engine reads:
# the whole axis (`NA:NA`) for a missing index, a kerasbridge_slice for `a:b` or `a:b:step`,
# everything else evaluated (so NULL, as in keras3, is a new axis). `tf_rules` are those of the
# tensorflow package's `[`, which keras3's TensorFlow tensors have: see slice_of(),
# slice_name_call() and refuse_negative_vectors().
index_list <- function(args, env, tf_rules = FALSE, one_based = TRUE) {
  index <- lapply(forwarded_dots(args, env), function(arg) {
    if (identical(arg, quote(expr = ))) return(whole_axis)
    if (identical(arg, quote(..))) return(all_dims())
    if (is_python_slice_name(arg)) {
      if (!tf_rules) return(python_slice(arg, one_based))
      arg <- slice_name_call(arg)
    }
    if (is_colon_call(arg)) return(slice_of(arg, env, tf_rules))
    value <- eval(arg, env)
    # An index passed on through `...` arrives evaluated: -1:-3 is a vector by then, and reads
    # as the slice it was written as.
    if (tf_rules && !is_forwarded(arg)) {
      refuse_huge_indices(value)
      refuse_negative_vectors(value)
    }
    value
  })
  # A lone plain list is a tuple key, x[(i, j)] in Python: its elements index the axes.
  if (length(index) == 1L && is.list(index[[1L]]) && is.null(oldClass(index[[1L]]))) index[[1L]] else index
}

# A backquoted name such as `5:` or `::2` in x[...] is the R-style slice 5:NULL or NULL:NULL:2,
# as the tensorflow package reads it: each part an R expression, an empty one an open end.
slice_name_call <- function(arg) {
  name <- as.character(arg)
  parts <- slice_name_parts(name)
  if (length(parts) > 3L)
    raise_bridge_error("value_error", sprintf("A slice has at most 3 parts, start:stop:step. Received: `%s`", name))
  ends <- lapply(parts, function(part) {
    if (!nzchar(part)) return(NULL)
    tryCatch(str2lang(part), error = function(e)
      raise_bridge_error("value_error", sprintf("`%s` is not a slice start:stop:step: `%s` is not an R expression.", name, part)))
  })
  if (length(ends) == 2L) call(":", ends[[1L]], ends[[2L]]) else call(":", call(":", ends[[1L]], ends[[2L]]), ends[[3L]])
}

# A vector of several indices with a negative one: base R would drop those elements and Python
# count them from the end, so x[...] refuses it, as the tensorflow package's `[` does (a single
# negative index counts from the end, and x@r[...] reads every negative index so).
refuse_negative_vectors <- function(value) {
  if (is.numeric(value) && is.null(oldClass(value)) && length(value) > 1L && length(dim(value)) <= 1L && any(value < 0, na.rm = TRUE))
    raise_bridge_error("value_error", sprintf("x[...] takes no negative numbers in a vector of indices: base R would drop those elements, keras3's x@r[...] counts them from the end. Received: %s", shown(value)))
}

# Indices passed on as `...` (`f <- function(t, ...) t[...]`, `sapply(xs, "[", 2)`): each
# becomes `..k`, which forces that argument where it was written, except a missing one or `..`,
# which stay themselves. An `a:b` passed on arrives evaluated, as R's sequence.
forwarded_dots <- function(args, env) {
  at <- which(vapply(args, identical, logical(1), quote(...)))
  if (!length(at)) return(args)
  dots <- as.list(eval(quote(substitute(alist(...))), env))[-1L]
  passed <- lapply(seq_along(dots), function(k) {
    if (identical(dots[[k]], quote(expr = )) || identical(dots[[k]], quote(..))) dots[[k]] else as.symbol(paste0("..", k))
  })
  # A `drop`, `style` or `value` among them is the method's own argument, as R matches it, not an index.
  if (!is.null(names(dots))) passed <- passed[!names(dots) %in% subset_arguments]
  c(args[seq_len(at[[1L]] - 1L)], passed, args[-seq_len(at[[1L]])])
}

is_forwarded <- function(arg) is.name(arg) && grepl("^\\.\\.[0-9]+$", as.character(arg))

is_colon_call <- function(arg) is.call(arg) && identical(arg[[1L]], as.name(":"))

# reticulate's slices written as names, x@py[`::2`] or x@py[`1:`]: Python's start:stop:step.
# Any name with a colon is taken for one (no R variable is named so), and refused when it is not
# a slice.
is_python_slice_name <- function(arg) is.name(arg) && grepl(":", as.character(arg), fixed = TRUE)

# A name such as `::2` as the slice it stands for, in x@py[...]. x@r[...] has its own slices
# (1-based, inclusive), so a Python slice there is refused rather than read in the wrong terms.
python_slice <- function(arg, one_based) {
  name <- as.character(arg)
  if (!grepl("^ *-?[0-9]* *:( *-?[0-9]* *)(:( *-?[0-9]* *))?$", name))
    raise_bridge_error("value_error", sprintf("`%s` is not a slice start:stop:step of whole numbers, each of which may be left out.", name))
  if (one_based)
    raise_bridge_error("value_error", sprintf("A Python slice such as `%s` indexes x@py[...]; in x@r[...] write a slice as a:b or a:b:step (NA for an open end).", name))
  structure(suppressWarnings(as.numeric(slice_name_parts(name))), class = "kerasbridge_slice")
}

# The parts of a slice name between its colons, an empty one for each end left out (`5:` has
# two, the second empty).
slice_name_parts <- function(name) trimws(strsplit(paste0(name, " "), ":", fixed = TRUE)[[1L]])

# `a:b`, or `a:b:step`, which R parses as `(a:b):step`; each part a number, NA (or NULL) or a
# scalar tensor, as keras3 reads them. With `tf_rules`, `a:b` with a > b on the same side of
# the ends (3:1, -1:-3) steps back, as R's sequence does and the tensorflow package's `[` reads
# it, and so does `a:b:step` with a positive step (6:2:2 is 6, 4, 2), whose sign the tensorflow
# package turns likewise; keras3's `@r` (Python's slices) gives nothing.
slice_of <- function(arg, env, tf_rules = FALSE) {
  parts <- if (is_colon_call(arg[[2L]])) list(arg[[2L]][[2L]], arg[[2L]][[3L]], arg[[3L]]) else list(arg[[2L]], arg[[3L]])
  values <- lapply(parts, function(part) {
    value <- eval(part, env)
    # NULL is an open end, as Python's None (NULL:NULL:2, as reticulate reads it).
    if (is.null(value)) NA else if (is_kerasbridge_object(value)) as.array(value) else value
  })
  if (!all(vapply(values, function(v) length(v) == 1L && (is.numeric(v) || is.na(v)), TRUE)))
    raise_bridge_error("value_error", sprintf("The ends and step of a slice `a:b` or `a:b:step` must be single numbers or NA. Received: %s", shown(arg)))
  ends <- as.double(unlist(values))
  if (tf_rules && !anyNA(ends[1:2]) && ends[[1L]] > ends[[2L]] && sign(ends[[1L]]) == sign(ends[[2L]]) &&
      (length(ends) == 2L || isTRUE(ends[[3L]] > 0)))
    ends <- c(ends[1:2], -(if (length(ends) == 3L) ends[[3L]] else 1))
  structure(ends, class = "kerasbridge_slice")
}

whole_axis <- structure(c(NA_real_, NA_real_), class = "kerasbridge_slice")

# The named arguments of the `[` and `[<-` methods, which are no indices.
subset_arguments <- c("value", "drop", "style")

call_indices <- function(call) {
  args <- as.list(call)[-c(1L, 2L)]
  if (!is.null(names(args))) args <- args[!names(args) %in% subset_arguments]
  # x[] is all of x, as in base R, whatever its rank (a 0-d tensor has no axis to take whole).
  if (length(args) == 1L && identical(args[[1L]], quote(expr = ))) return(list())
  unname(args)
}

# x@r[i, , drop = FALSE] keeps the axes single numbers would drop: each is marked to be read as
# an index vector of one.
kept_axes <- function(index, drop) {
  if (!isFALSE(drop)) return(index)
  lapply(index, function(i) {
    if (is.numeric(i) && length(i) == 1L && is.null(oldClass(i)) && length(dim(i)) <= 1L && !is.na(i))
      structure(i, class = "kerasbridge_kept_axis")
    else i
  })
}

#' @export
`[.kerasbridge_indexer` <- function(x, ..., drop = TRUE) {
  refuse_style(sys.call())
  read_subset(x[[1L]], sys.call(), parent.frame(), drop, x[[2L]])
}

# x@r[...] and x@py[...] have one set of rules each; `style` belongs to x[...].
refuse_style <- function(call) {
  if ("style" %in% names(call))
    raise_bridge_error("value_error", "x@r[...] and x@py[...] take no `style`: each has its own rules; `style` is an argument of x[...].")
}

# The part of `x` that the call `x[...]` (or `x@r[...]`) names, its indices evaluated in `env`.
read_subset <- function(x, call, env, drop, one_based, tf_rules = FALSE) {
  index <- kept_axes(subset_index(x, call, env, one_based, tf_rules), drop)
  .Call(krb_call3, "subset_get", x, index, one_based)
}

# `x` with the part the call `x[...] <- value` names replaced: a new tensor, or NULL for a
# variable, which changes in place.
write_subset <- function(x, call, env, value, one_based, tf_rules = FALSE)
  .Call(krb_call4, "subset_set", x, subset_index(x, call, env, one_based, tf_rules), value, one_based)

subset_index <- function(x, call, env, one_based, tf_rules) {
  index <- index_list(call_indices(call), env, tf_rules, one_based)
  if (tf_rules && !isFALSE(getOption("tensorflow.extract.dissallow_out_of_bounds"))) refuse_slices_beyond(index, x)
  index
}

# x[...] refuses a slice end beyond its axis, as the tensorflow package's `[` does unless its
# option (spelt so) `tensorflow.extract.dissallow_out_of_bounds` is FALSE (base R would pad with
# NA; x@r[...] clips, as Python's slices do). Each index takes one axis,
# except a new axis (none), all_dims() (those the others leave) and a logical array or bool
# tensor (its own); a matrix of coordinates takes them all, and has no slice beside it.
refuse_slices_beyond <- function(index, x) {
  slices <- which(vapply(index, inherits, TRUE, "kerasbridge_slice"))
  if (!length(slices) || !length(dims <- tensor_field(x, "shape"))) return(invisible())
  taken <- vapply(index, function(i) {
    if (is.null(i) || inherits(i, "kerasbridge_newaxis")) 0L
    else if (inherits(i, "kerasbridge_all_dims")) NA_integer_
    else if (is.logical(i) && !is.null(dim(i))) length(dim(i))
    else if (is_kerasbridge_object(i) && identical(op_dtype(i), "bool")) as.integer(op_ndim(i))
    else 1L
  }, 1L)
  taken[is.na(taken)] <- max(0L, length(dims) - sum(taken, na.rm = TRUE))
  first_axis <- cumsum(taken) - taken + 1L
  for (k in slices) {
    axis <- first_axis[[k]]
    ends <- unclass(index[[k]])[1:2]
    # The tensorflow package checks a positive end less one against the axis, so n + 1 passes.
    if (axis > length(dims) || !any(ends > dims[[axis]] + 1 | ends < -dims[[axis]], na.rm = TRUE)) next
    raise_bridge_error("index_error", sprintf(
      "Slice %s is out of bounds for axis %d with size %d: x[...] takes slices within the axis, as the tensorflow package's `[` does (x@r[...] clips them, as Python's slices).",
      paste(ifelse(is.na(ends), "NA", format(ends, scientific = FALSE, trim = TRUE)), collapse = ":"), axis, dims[[axis]]))
  }
}

#' @export
`[<-.kerasbridge_indexer` <- function(x, ..., value) {
  refuse_style(sys.call())
  # A tensor's new tensor goes to `@<-`, which puts it in place of the old one.
  x$tensor <- write_subset(x[[1L]], sys.call(), parent.frame(), value, x[[2L]])
  x
}

#' @export
`@<-.kerasbridge_tensor` <- function(object, name, value) {
  if (!inherits(value, "kerasbridge_indexer"))
    raise_bridge_error("attribute_error", sprintf("Slot `%s` of a tensor cannot be replaced.", name))
  value$tensor
}

#' @export
`@<-.kerasbridge_variable` <- function(object, name, value) {
  if (!inherits(value, "kerasbridge_indexer"))
    raise_bridge_error("attribute_error", sprintf("Slot `%s` of a variable cannot be replaced.", name))
  object
}

#' @rdname op_subset
#' @param drop Whether single numbers drop their axes, as in R.
#' @param style As for the tensorflow package's `[`: `"python"` reads the indices as `x@py[...]`
#'   does; `"R"`, the default, as described here. The option `tensorflow.extract.style` sets it
#'   for `x[...]` and `x[...] <- value`.
#' @export
`[.kerasbridge_object` <- function(x, ..., drop = TRUE, style = getOption("tensorflow.extract.style")) {
  r_style <- !python_style(style)
  read_subset(x, sys.call(), parent.frame(), drop, r_style, tf_rules = r_style)
}

#' @rdname op_subset
#' @export
`[<-.kerasbridge_object` <- function(x, ..., style = getOption("tensorflow.extract.style"), value) {
  r_style <- !python_style(style)
  assigned(x, sys.call(), parent.frame(), value, r_style, tf_rules = r_style)
}

# The tensorflow package's settings for `[` that keras3 users may have: style "python" is x@py's
# rules. Its options for 0-based or stop-exclusive R-style indices have no counterpart here, so
# they are refused rather than silently ignored.
python_style <- function(style) {
  if (!is.null(style)) {
    # Partial names too, as the tensorflow package's match.arg() takes them.
    chosen <- if (is.character(style) && length(style) == 1L && !is.na(style)) pmatch(style, c("R", "python")) else NA
    if (is.na(chosen))
      raise_bridge_error("value_error", sprintf("`style` must be \"R\" or \"python\". Received: style=%s", shown(style)))
    if (chosen == 2L) return(TRUE)
  }
  options <- .Options
  if (isFALSE(options$tensorflow.extract.one_based) || isFALSE(options$tensorflow.extract.inclusive_stop) ||
      isFALSE(options$tensorflow.one_based_extract))
    raise_bridge_error("value_error", "The options tensorflow.extract.one_based = FALSE and tensorflow.extract.inclusive_stop = FALSE are not supported: x[...] is 1-based and its slices include their stop; x@py[...], or x[..., style = \"python\"], has Python's rules.")
  FALSE
}

# What `x[...] <- value` leaves in `x`: a new tensor, or the variable itself, changed in place.
assigned <- function(x, call, env, value, one_based = TRUE, tf_rules = FALSE) {
  result <- write_subset(x, call, env, value, one_based, tf_rules)
  if (is.null(result)) x else result
}

#' @rdname op_subset
#' @export
op_subset <- function(x, ..., drop = TRUE) {
  index <- kept_axes(index_list(as.list(substitute(list(...)))[-1L], parent.frame()), drop)
  .Call(krb_call3, "subset_get", x, index, TRUE)
}

#' @rdname op_subset
#' @export
`op_subset<-` <- function(x, ..., value) assigned(x, sys.call(), parent.frame(), value)

#' @rdname op_subset
#' @export
op_subset_set <- `op_subset<-`

#' Get an item
#'
#' keras3's `op_get_item()`, Python's `x[key]`:
#'
#' - for a list, the element named `key`, or at the 0-based position `key` (negative from the
#'   end), as for a Python dict or list;
#' - for a tensor, variable or R array, NumPy's indexing of the first axis with 0-based `key`:
#'   a number, a vector or list of them (a list is a Python list, so NumPy reads it as a vector
#'   of indices) or [newaxis], as `x@py[key]` reads it. A [tuple()] is a Python tuple key, one
#'   index per axis: `op_get_item(x, tuple(0, 1))` is `x@py[0, 1]`.
#'
#' Base R's `x[[key]]`, `x$key` and `x@r[...]` are the usual ways; this is for code written
#' against keras3's name.
#'
#' @param x A list, or a tensor, variable or R array.
#' @param key A name or 0-based position; for a tensor, 0-based indices of the first axis.
#' @return The item: for a tensor, a tensor.
#' @family core ops
#' @examples
#' op_get_item(list(a = 1, b = 2), "b")
#' x <- op_reshape(op_arange(6), c(2, 3))
#' op_get_item(x, 1)
#' op_get_item(x, list(0, -1))  # the first and the last row
#' @export
op_get_item <- function(x, key) {
  if (is.list(x) && !is_kerasbridge_object(x)) return(list_item(x, key))
  if (isTRUE(attr(key, "kerasbridge_tuple"))) return(.Call(krb_call3, "subset_get", tensor_of(x), unname(as.list(key)), FALSE))
  # A list is a Python list of indices, a vector even when it holds one or none (NULL would be
  # newaxis): x[[0]] keeps its first axis, x[[]] takes no rows.
  index <- if (is.list(key) && is.null(oldClass(key))) {
    values <- listed_values(key)
    array(if (is.null(values)) integer() else values, length(values))
  } else listed_values(key)
  .Call(krb_call3, "subset_get", tensor_of(x), list(index), FALSE)
}

# Python's item of a dict (a name) or a list (a 0-based position, negative from the end).
list_item <- function(x, key) {
  if (is.character(key) && length(key) == 1L && !is.na(key)) {
    if (!key %in% names(x)) raise_bridge_error("key_error", sprintf("'%s'", key))
    return(x[[key]])
  }
  i <- whole_number(scalar_value(key), "key")
  n <- length(x)
  if (i < -n || i >= n) raise_bridge_error("index_error", sprintf("list index %d out of range for a list of %d", i, n))
  x[[if (i < 0L) n + i + 1L else i + 1L]]
}
