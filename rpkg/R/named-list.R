#' A list named by its arguments, as keras3's `named_list()`
#'
#' Makes a list of the arguments, each named by its name if it has one, else by its expression
#' as written (`named_list(x, y = 2)` is `list(x = x, y = 2)`), as keras3's `named_list()` names
#' them (rlang's `dots_list(.named = TRUE)`). Two arguments with the same name are an error; an
#' empty last argument is ignored.
#'
#' @param ... Values.
#' @return A named list.
#' @examples
#' w <- op_ones(2)
#' b <- op_zeros(2)
#' names(named_list(w, b, scale = 2))
#' @export
named_list <- function(...) {
  exprs <- as.list(substitute(alist(...)))[-1L]
  count <- length(exprs)
  if (count && identical(exprs[[count]], quote(expr = ))) count <- count - 1L
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
