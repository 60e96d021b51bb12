#' @include ops-indexing.R
NULL

#' Joining tensors: stacks and appends
#'
#' keras3's `op_hstack()` joins tensors side by side: 1-d tensors end to end, others along their
#' second axis; `op_vstack()` joins them as rows, along the first axis, a 1-d tensor being one
#' row. Both take a list of tensors, or tensors as separate arguments, and R vectors as 1-d
#' arrays (doubles are float64), as keras3 does. `op_append()` appends `x2` to `x1` along
#' `axis`, or, when `axis` is `NULL`, joins both flattened in row-major order. Inputs promote to
#' a common dtype.
#'
#' @param xs A list of tensors, variables or R arrays; or one of them.
#' @param ... More tensors, variables or R arrays.
#' @param x1,x2 Tensors, variables or R arrays.
#' @param axis The axis, 1-based (negative from the end); `NULL` flattens both first.
#' @return A tensor.
#' @family numpy ops
#' @seealso [op_concatenate()]
#' @examples
#' op_hstack(c(1, 2), c(3, 4, 5))
#' op_vstack(c(1, 2), c(3, 4))
#' m <- matrix(1:4, 2)
#' op_hstack(list(m, m))
#' op_append(m, c(5L, 6L))
#' op_append(m, matrix(5:6, 1), axis = 1)
#' @name op_hstack
NULL

# keras3's list of tensors for the stacking ops: `xs` (a list, or one tensor) and any more given
# as further arguments; plain R vectors as 1-d arrays.
stacked_list <- function(xs, ...) {
  if (!is.list(xs)) xs <- list(xs)
  xs <- c(xs, list(...))
  names(xs) <- NULL
  lapply(xs, as_array)
}

# NumPy's atleast_1d / atleast_2d: a tensor of lower rank gets leading axes of length 1.
at_least_rank <- function(x, rank) {
  x <- tensor_of(x)
  shape <- as.integer(op_shape(x))
  if (length(shape) >= rank) x else op_reshape(x, c(rep(1L, rank - length(shape)), shape))
}

#' @rdname op_hstack
#' @export
op_hstack <- function(xs, ...) {
  xs <- lapply(stacked_list(xs, ...), at_least_rank, rank = 1L)
  op_concatenate(xs, axis = if (length(xs) && op_ndim(xs[[1L]]) == 1L) 1L else 2L)
}

#' @rdname op_hstack
#' @export
op_vstack <- function(xs, ...) op_concatenate(lapply(stacked_list(xs, ...), at_least_rank, rank = 2L), axis = 1L)

#' @rdname op_hstack
#' @export
op_append <- function(x1, x2, axis = NULL) {
  # keras3 hands plain R vectors to Keras as Python lists, which become floatx tensors.
  if (is.null(axis)) op_concatenate(list(op_ravel(x1), op_ravel(x2)), axis = 1L)
  else op_concatenate(list(x1, x2), axis = axis)
}

#' Rearranging axes, einops-style
#'
#' keras3's `op_rearrange()`: reorders, merges and splits the axes of `tensor` as an einops
#' `pattern` says, as Keras does: `"b h w c -> b c h w"` permutes, `"b h w c -> b (h w) c"`
#' merges (in row-major order, as [op_reshape()]), and `"b (h1 h) w c -> (b h1) h w c"` splits an
#' axis, the lengths of all but one of its parts given by name in `...`.
#'
#' @param tensor A tensor, variable or R array.
#' @param pattern The einops pattern: the input's axes, `->`, the output's axes; parentheses
#'   group axes that are one axis of the tensor.
#' @param ... Lengths of split axes, by name (`h1 = 2`).
#' @return A tensor.
#' @family core ops
#' @examples
#' images <- op_zeros(c(2, 6, 4, 3))
#' op_shape(op_rearrange(images, "b h w c -> b c h w"))
#' op_shape(op_rearrange(images, "b h w c -> b (h w) c"))
#' op_shape(op_rearrange(images, "b (h1 h) (w1 w) c -> (b h1 w1) h w c", h1 = 2, w1 = 2))
#' @export
op_rearrange <- function(tensor, pattern, ...) {
  lengths <- list(...)
  if (length(lengths) && (is.null(names(lengths)) || any(!nzchar(names(lengths)))))
    raise_bridge_error("value_error", "Axis lengths for `op_rearrange()` must be named (h1 = 2).")
  lengths <- lapply(lengths, whole_number, name = "axis length")
  arrow <- if (is.character(pattern) && length(pattern) == 1L && !is.na(pattern)) gregexpr("->", pattern, fixed = TRUE)[[1L]] else -1L
  if (length(arrow) != 1L || arrow < 0L)
    raise_bridge_error("value_error", sprintf("The pattern must be the input's axes, `->`, and the output's axes. Received: pattern=%s", shown(pattern)))
  # Either side may be empty: "->" rearranges a 0-d tensor.
  sides <- c(substr(pattern, 1L, arrow - 1L), substr(pattern, arrow + 2L, nchar(pattern)))
  # Each side as groups of axis names; a name alone is a group of one. Names are Python's
  # identifiers, Unicode letters included (UCP).
  groups <- function(side) lapply(regmatches(side, gregexpr("(*UCP)\\w+|\\(.*?\\)", side, perl = TRUE))[[1L]],
                                  function(token) regmatches(token, gregexpr("(*UCP)\\w+", token, perl = TRUE))[[1L]])
  inputs <- groups(sides[[1L]])
  outputs <- groups(sides[[2L]])
  x <- tensor_of(as_array(tensor))
  dims <- as.integer(op_shape(x))
  if (length(inputs) != length(dims))
    raise_bridge_error("value_error", sprintf("The pattern names %d axes for a tensor of %d. Received: pattern=%s, shape=%s",
                                              length(inputs), length(dims), shown(pattern), shape_text(x)))
  sizes <- list()
  for (j in seq_along(inputs)) {
    names <- inputs[[j]]
    known <- names[names %in% names(lengths)]
    unknown <- setdiff(names, known)
    if (length(unknown) > 1L)
      raise_bridge_error("value_error", sprintf("Axis (%s) splits into several parts of unknown length: give all but one in `...`.", paste(names, collapse = " ")))
    part <- prod(unlist(lengths[known]))
    if (length(unknown) && part == 0)
      raise_bridge_error("value_error", sprintf("Axis (%s) of length %d cannot be split with a part of length 0. Received: %s", paste(names, collapse = " "),
                                                dims[[j]], paste(known, unlist(lengths[known]), sep = "=", collapse = ", ")))
    if (length(unknown)) sizes[[unknown]] <- dims[[j]] %/% part
    for (name in known) sizes[[name]] <- lengths[[name]]
    if (prod(unlist(sizes[names])) != dims[[j]])
      raise_bridge_error("value_error", sprintf("Axis (%s) of length %d cannot be split into %s.", paste(names, collapse = " "), dims[[j]],
                                                paste(names, unlist(sizes[names]), sep = "=", collapse = ", ")))
  }
  flat_in <- unlist(inputs)
  flat_out <- unlist(outputs)
  if (anyDuplicated(flat_in) || anyDuplicated(flat_out) || !setequal(flat_in, flat_out))
    raise_bridge_error("value_error", sprintf("Each axis must appear once on each side of the pattern. Received: pattern=%s", shown(pattern)))
  if (!length(flat_in)) return(x)
  split <- op_reshape(x, vapply(flat_in, function(name) as.integer(sizes[[name]]), 1L))
  moved <- op_transpose(split, match(flat_out, flat_in))
  op_reshape(moved, vapply(outputs, function(names) as.integer(prod(unlist(sizes[names]))), 1L))
}
