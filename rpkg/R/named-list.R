#' A list named by its arguments, as keras3's `named_list()`
#'
#' Makes a list of the arguments, each named by its name if it has one, else by its expression
#' as written (`named_list(x, y = 2)` is `list(x = x, y = 2)`): keras3's `named_list()`, which is
#' rlang's `dots_list(.named = TRUE)` refusing two arguments of one name and ignoring an empty
#' last argument. Where rlang is installed it *is* that call (so `!!!` splices); without it,
#' the package's own version names the arguments the same way for the common forms.
#'
#' @param ... Values.
#' @return A named list.
#' @examples
#' w <- op_ones(2)
#' b <- op_zeros(2)
#' names(named_list(w, b, scale = 2))
#' @export
named_list <- function(...) {
  if (requireNamespace("rlang", quietly = TRUE))
    return(rlang::dots_list(..., .named = TRUE, .ignore_empty = "trailing", .preserve_empty = FALSE,
                            .homonyms = "error", .check_assign = FALSE))
  own_named_list(...)
}

own_named_list <- function(...) {
  exprs <- as.list(substitute(alist(...)))[-1L]
  count <- length(exprs)
  empty <- vapply(exprs, identical, logical(1), quote(expr = ))
  if (count && empty[[count]]) count <- count - 1L
  if (any(empty[seq_len(count)]))
    raise_bridge_error("value_error", sprintf("Argument %d of `named_list()` is empty.", which(empty)[[1L]]))
  values <- vector("list", count)
  for (i in seq_len(count)) values[i] <- list(...elt(i))
  given <- if (is.null(names(exprs))) character(count) else names(exprs)[seq_len(count)]
  labels <- vapply(exprs[seq_len(count)], function(e) paste(deparse(e, width.cutoff = 500L), collapse = " "), "")
  names(values) <- ifelse(nzchar(given), given, labels)
  twice <- anyDuplicated(names(values))
  if (twice)
    raise_bridge_error("value_error", sprintf("Arguments in `...` must have unique names. Received `%s` twice.", names(values)[[twice]]))
  values
}
