#' Pipes and destructuring assignment, as keras3 re-exports them
#'
#' keras3 re-exports magrittr's pipes `%>%` and `%<>%`, zeallot's destructuring assignment
#' `%<-%` and dotty's `.`, and its documentation and users' code rely on them:
#' `x %>% op_add(1)`, `c(q, r) %<-% op_qr(x)`, `.[batch, ..] <- op_shape(x)`. kerasbridge exports
#' them so that such code runs with kerasbridge alone. Where magrittr, zeallot or dotty is
#' installed, they *are* those packages' own (the first use loads the package); without it,
#' kerasbridge's own versions cover the common forms:
#'
#' * `lhs %>% rhs` calls `rhs` with `lhs` as its first argument (`x %>% f(y)` is `f(x, y)`),
#'   or in place of a `.` among the call's arguments (`x %>% f(y, .)` is `f(y, x)`); `rhs` may
#'   be a function's name (`x %>% f`), `pkg::f`, a parenthesised function, or a `{ }` block
#'   that reads `.`. `x %<>% rhs` pipes `x` into `rhs` and assigns the result back to `x`
#'   (which may be a part, `v[2] %<>% sqrt`).
#' * `c(a, b) %<-% value` assigns the elements of a list (or of an atomic vector) to `a` and
#'   `b` in the calling environment; patterns nest (`c(a, c(b, c)) %<-% list(1, list(2, 3))`),
#'   `.` skips an element, `...rest` collects the remaining ones into a list, and a default
#'   (`c(a, b = 0)`) stands in for a missing last element.
#' * `.[a, b] <- value` assigns the first elements of `value` (a list, vector, [shape()] or
#'   version) to `a` and `b`; `..` skips any number of elements (`.[first, .., last]`), `.`
#'   skips one, `.[a, .[b, c]]` takes a nested element apart, and `name = expr` evaluates `expr`
#'   with the elements of `value` as variables (`.[n = batch] <- list(batch = 32)`).
#'
#' @param lhs A value to pipe into `rhs`; for `%<>%`, a name or a part that is assigned to.
#' @param rhs A call, a function's name, or a `{ }` block.
#' @param x A name, or a pattern of names built with `c()`.
#' @param value The value to take apart: a list, or an atomic vector.
#' @return `%>%` returns the result of `rhs`; `%<>%` assigns it to `lhs` and returns it
#'   invisibly; `%<-%` and `.[...] <-` assign in the calling environment, and `%<-%` returns
#'   `value` invisibly.
#' @examples
#' x <- op_array(c(5, 2, 7, 1, 9, 3), "int32")
#' c(values, indices) %<-% op_top_k(x, k = 3)
#' values
#' x %>% op_add(1L) %>% op_sum()
#' x %<>% op_multiply(2L)
#' x
#' .[rows, cols] <- op_shape(op_ones(c(2, 5)))
#' cols
#' .[first, .., last] <- c(1, 2, 3, 4)
#' c(first, last)
#' @name infix_operators
NULL

# Binds the exported operators, when first used, to magrittr's and zeallot's own functions where
# those are installed, or else to the package's: loading them at once would add to every
# library(kerasbridge), and the functions themselves keep their semantics exactly.
borrow_infix_operators <- function(ns) {
  delayedAssign("%>%", borrowed_or("magrittr", "%>%", pipe_forward), eval.env = ns, assign.env = ns)
  delayedAssign("%<>%", borrowed_or("magrittr", "%<>%", pipe_assign), eval.env = ns, assign.env = ns)
  delayedAssign("%<-%", borrowed_or("zeallot", "%<-%", destructure_assign), eval.env = ns, assign.env = ns)
  delayedAssign(".", borrowed_or("dotty", ".", unpacking_dot), eval.env = ns, assign.env = ns)
}

borrowed_or <- function(package, name, own) {
  if (requireNamespace(package, quietly = TRUE)) getExportedValue(package, name) else own
}

pipe_forward <- function(lhs, rhs) {
  mask <- new.env(parent = parent.frame())
  assign(".", lhs, envir = mask)
  eval(piped_call(substitute(rhs)), mask)
}

pipe_assign <- function(lhs, rhs) {
  target <- substitute(lhs)
  env <- parent.frame()
  value <- eval(as.call(list(`%>%`, target, substitute(rhs))), env)
  eval(call("<-", target, value), env)
  invisible(value)
}

destructure_assign <- function(x, value) {
  bind_pattern(substitute(x), value, parent.frame())
  invisible(value)
}

#' @rdname infix_operators
#' @usage lhs \%>\% rhs
#' @export
`%>%` <- pipe_forward

#' @rdname infix_operators
#' @usage lhs \%<>\% rhs
#' @export
`%<>%` <- pipe_assign

#' @rdname infix_operators
#' @usage x \%<-\% value
#' @export
`%<-%` <- destructure_assign

# dotty's `.`: an object whose `[<-` method takes the value apart instead of changing it.
unpacking_dot <- structure(list(), class = "kerasbridge_dot")

#' @rdname infix_operators
#' @format NULL
#' @usage .
#' @export
. <- unpacking_dot

#' @export
`[<-.kerasbridge_dot` <- function(x, ..., value) {
  unpack(as.list(substitute(alist(...)))[-1L], value, parent.frame())
  # R assigns what this returns to `.` where it was used: the same object, so `.` keeps working.
  x
}

# Assigns the parts of `.[...]` from `value` in `env`, as dotty does.
unpack <- function(parts, value, env) {
  elements <- unpacked_elements(value)
  named <- if (is.null(names(parts))) logical(length(parts)) else nzchar(names(parts))
  for (i in which(named)) assign(names(parts)[[i]], eval(parts[[i]], elements, env), envir = env)
  positions <- parts[!named]
  gap <- which(vapply(positions, identical, logical(1), quote(..)))
  if (length(gap) > 1L)
    raise_bridge_error("value_error", sprintf("Invalid `.[...] <-` left-hand side: `..` can appear once; received %d.", length(gap)))
  before <- if (length(gap)) positions[seq_len(gap - 1L)] else positions
  after <- if (length(gap)) positions[-seq_len(gap)] else list()
  if (length(before) + length(after) > length(elements))
    raise_bridge_error("value_error", sprintf("Invalid `.[...] <-` right-hand side: %d value(s) for %d name(s).",
                                              length(elements), length(before) + length(after)))
  indices <- c(seq_along(before), length(elements) - rev(seq_along(after)) + 1L)
  targets <- c(before, after)
  for (i in seq_along(targets)) unpack_one(targets[[i]], elements[[indices[[i]]]], env)
  invisible()
}

unpack_one <- function(target, element, env) {
  if (identical(target, quote(.))) return(invisible())
  if (is.symbol(target)) return(assign(as.character(target), element, envir = env))
  if (is.call(target) && identical(target[[1L]], quote(`[`)) && identical(target[[2L]], quote(.)))
    return(unpack(as.list(target)[-(1:2)], element, env))
  raise_bridge_error("value_error", sprintf("Invalid `.[...] <-` left-hand side: expected a name, `..` or `.[...]`; received `%s`.", shown(target)))
}

# The elements `.[...]` assigns from: a version's numbers, a list's or a vector's elements.
unpacked_elements <- function(value) {
  if (inherits(value, "numeric_version")) return(as.list(unclass(value)[[1L]]))
  if (is.list(value)) return(as.list(unclass(value)))
  if (is.atomic(value) && !is.null(value)) return(as.list(value))
  raise_bridge_error("type_error", sprintf("`.[...] <-` takes apart a list, a vector or a version. Received: <%s>", class(value)[[1L]]))
}

# The call `rhs` becomes once the piped value is bound to `.`, following magrittr's rules.
piped_call <- function(rhs) {
  dot <- quote(.)
  if (is.symbol(rhs) || is.function(rhs)) return(as.call(list(rhs, dot)))
  if (!is.call(rhs))
    raise_bridge_error("type_error", sprintf("The right-hand side of `%%>%%` must be a call or a function; received `%s`.", shown(rhs)))
  head <- rhs[[1L]]
  if (identical(head, quote(`{`))) return(rhs)
  namespaced <- length(rhs) == 3L && is.symbol(head) && as.character(head) %in% c("::", ":::")
  if (identical(head, quote(`(`)) || namespaced) return(as.call(list(rhs, dot)))
  args <- as.list(rhs)[-1L]
  if (any(vapply(args, identical, logical(1), dot))) return(rhs)
  as.call(c(list(head, dot), args))
}

# Assigns `value` to the names in `pattern` in `env`, as zeallot's `%<-%` does.
bind_pattern <- function(pattern, value, env) {
  if (is.symbol(pattern)) {
    name <- as.character(pattern)
    if (name != ".") assign(name, value, envir = env)
    return(invisible())
  }
  if (!is.call(pattern) || !identical(pattern[[1L]], quote(c)))
    raise_bridge_error("value_error", sprintf("Invalid `%%<-%%` left-hand side: expected a name or a pattern built with `c()`; received `%s`.", shown(pattern)))
  parts <- as.list(pattern)[-1L]
  defaults <- if (is.null(names(parts))) character(length(parts)) else names(parts)
  values <- if (is.list(value) || (is.atomic(value) && length(value) != 1L)) as.list(value) else list(value)
  rest <- vapply(parts, function(p) is.symbol(p) && startsWith(as.character(p), "..."), logical(1))
  if (sum(rest) > 1L)
    raise_bridge_error("value_error", sprintf("Invalid `%%<-%%` left-hand side: only one `...` name can collect the rest; received `%s`.", shown(pattern)))
  fixed <- length(parts) - sum(rest)
  if ((length(values) > fixed && !any(rest)) || length(values) < fixed - sum(nzchar(defaults)))
    raise_bridge_error("value_error", sprintf("Invalid `%%<-%%` right-hand side: %d value(s) for the %d name(s) of `%s`.", length(values), fixed, shown(pattern)))
  position <- 0L
  for (i in seq_along(parts)) {
    if (rest[[i]]) {
      taken <- max(0L, length(values) - fixed)
      name <- substring(as.character(parts[[i]]), 4L)
      # The rest keeps the value's type: a vector's elements stay a vector, a list's a list.
      if (nzchar(name)) assign(name, if (is.list(value)) values[position + seq_len(taken)] else value[position + seq_len(taken)], envir = env)
      position <- position + taken
    } else if (position < length(values)) {
      position <- position + 1L
      bind_pattern(if (nzchar(defaults[[i]])) as.symbol(defaults[[i]]) else parts[[i]], values[[position]], env)
    } else if (nzchar(defaults[[i]])) {
      assign(defaults[[i]], eval(parts[[i]], env), envir = env)
    } else {
      raise_bridge_error("value_error", sprintf("Invalid `%%<-%%` right-hand side: %d value(s) for the %d name(s) of `%s`.", length(values), fixed, shown(pattern)))
    }
  }
  invisible()
}
