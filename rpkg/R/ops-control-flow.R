#' @include ops-indexing.R
NULL

# Control flow runs eagerly, as Keras's NumPy backend runs it: R calls the functions it is given.
# Structures of tensors are R lists, nested or named, as keras3 hands Python tuples and dicts;
# anything else is a leaf.

is_tree_node <- function(x) is.list(x) && !is.object(x)

# The order Keras's tree.flatten visits a node's children in: a dict's by sorted key (a named
# list is a dict), so that structures whose names come in another order still pair by name.
tree_order <- function(x) if (is.null(names(x))) seq_along(x) else order(names(x), method = "radix")

tree_leaves <- function(x, depth = 0L) {
  if (!is_tree_node(x)) return(list(x))
  # Deeper nesting would overflow R's C stack here and in the walks that follow this one.
  if (depth >= max_tree_depth)
    raise_bridge_error("value_error", sprintf("A structure of lists nested more than %d deep is not supported. Received: a list nested deeper", max_tree_depth))
  unlist(lapply(x[tree_order(x)], tree_leaves, depth = depth + 1L), recursive = FALSE, use.names = FALSE)
}

max_tree_depth <- 100L

# `structure` with its leaves replaced, in tree_leaves()' order, by `leaves`.
tree_rebuild <- function(structure, leaves) {
  at <- 0L
  rebuild <- function(s) {
    if (!is_tree_node(s)) {
      at <<- at + 1L
      return(leaves[[at]])
    }
    visit <- tree_order(s)
    s[visit] <- lapply(s[visit], rebuild)
    s
  }
  rebuild(structure)
}

tree_map <- function(x, f) {
  # The leaves first: tree_leaves() checks the depth before tree_rebuild() walks the structure.
  leaves <- lapply(tree_leaves(x), f)
  tree_rebuild(x, leaves)
}

# Each leaf's path of names (empty for a position in an unnamed list), in tree_leaves()' order.
tree_keys <- function(x) {
  if (!is_tree_node(x)) return("")
  visit <- tree_order(x)
  keys <- if (is.null(names(x))) character(length(x)) else names(x)
  unlist(Map(function(key, child) paste0(key, "/", tree_keys(child)), keys[visit], x[visit]), use.names = FALSE)
}

# Structures of the same shape (`ys`, one per step) stacked leaf by leaf along a new first axis.
tree_stack <- function(ys) {
  if (!length(ys)) raise_bridge_error("value_error", "need at least one array to stack")
  leaves <- lapply(ys, tree_leaves)
  counts <- lengths(leaves)
  if (any(counts != counts[[1L]]))
    raise_bridge_error("value_error", sprintf("The function must return the same structure at every step. Received: %s leaves",
                                              paste(unique(counts), collapse = " and ")))
  keys <- lapply(ys, tree_keys)
  if (!all(vapply(keys, identical, TRUE, keys[[1L]])))
    raise_bridge_error("value_error", "The function must return the same structure at every step. Received: structures whose names differ")
  tree_rebuild(ys[[1L]], lapply(seq_len(counts[[1L]]), function(j) op_stack(lapply(leaves, `[[`, j), axis = 1L)))
}

callable <- function(f, name) {
  if (!is.function(f))
    raise_bridge_error("type_error", sprintf("`%s` should be a callable. Received: %s=%s", name, name, shown(f, nlines = 1L)))
  f
}

# Python's truth value of a predicate: an R logical or number, or a tensor, of one element.
truth <- function(pred) {
  value <- r_values(pred)
  if ((!is.logical(value) && !is.numeric(value)) || length(value) != 1L || is.na(value))
    raise_bridge_error("value_error", if (length(value) > 1L)
      "The truth value of an array with more than one element is ambiguous. Use op_any() or op_all()"
      else sprintf("A predicate must be one TRUE or FALSE. Received: %s", shown(value, nlines = 1L)))
  as.logical(value)
}

# The leading-axis length of every leaf, which must agree.
leading_length <- function(leaves, what) {
  if (!length(leaves)) raise_bridge_error("value_error", sprintf("%s must hold at least one tensor. Received: an empty list", what))
  lengths <- vapply(leaves, function(leaf) {
    shape <- as.integer(op_shape(leaf))
    if (!length(shape)) raise_bridge_error("value_error", sprintf("%s must have a leading axis to map over. Received: a scalar", what))
    shape[[1L]]
  }, 1L)
  if (length(unique(lengths)) > 1L)
    raise_bridge_error("value_error", sprintf("%s must all have the same leading axis length. Received: lengths %s", what, paste(lengths, collapse = ", ")))
  lengths[[1L]]
}

# The `i`th slices along the first axis of every leaf.
slices_at <- function(leaves, i) lapply(leaves, function(leaf) op_take(leaf, i, axis = 1L))

#' Control flow: conditions, loops and maps
#'
#' keras3's control-flow ops, run eagerly: each calls the R functions it is given, in order, as
#' Keras's NumPy backend does. Structures of tensors are R lists (nested, or named, as keras3
#' hands Python tuples and dicts); their leaves become tensors where Keras converts them.
#'
#' - `op_cond()` calls `true_fn()` if `pred` (`TRUE`/`FALSE`, or a one-element tensor) holds,
#'   else `false_fn()`.
#' - `op_switch()` calls `branches[[index]](...)`, `index` 1-based and clamped into range.
#' - `op_while_loop()` calls `body(...)` on `loop_vars` while `cond(...)` holds (at most
#'   `maximum_iterations` times). An unnamed list is spread over the functions' arguments and a
#'   list is returned; anything else is passed as one argument and returned as it came.
#' - `op_fori_loop()` runs `init_val <- body_fun(i, init_val)` for `i` from `lower` to
#'   `upper - 1` (an int32 tensor), as Python's `range()`.
#' - `op_scan()` carries `init` through `f(carry, x)` for each slice `x` of `xs` along the first
#'   axis (or `length` times with `x = NULL`); `f` returns `list(carry, y)`, and the result is
#'   `list(carry, ys)` with the `y`s stacked (after no step, as on TensorFlow: each leaf of the
#'   carry stacked zero times).
#' - `op_map()` applies `f` to each slice of `xs` along the first axis and stacks the results.
#' - `op_vectorized_map()` does the same; given a list of tensors, `f` gets a list of their slices.
#' - `op_associative_scan()` is a prefix scan with an associative `f(a, b)` along `axis`,
#'   combining slices in pairs (Blelloch's scheme) as Keras does.
#'
#' @param pred A predicate: `TRUE` or `FALSE`, or a tensor of one element.
#' @param true_fn,false_fn Functions of no arguments.
#' @param index A whole number or tensor, 1-based; clamped to `1:length(branches)`.
#' @param branches A list of functions.
#' @param ... Arguments for the branch (unnamed).
#' @param cond A function of the loop variables returning a predicate.
#' @param body A function of the loop variables returning new ones.
#' @param loop_vars The loop variables: a list (spread over `cond` and `body`), or one value. A
#'   vector of several numbers is a list of them, as reticulate hands it to keras3's Keras.
#' @param maximum_iterations `NULL`, or the most times `body` runs.
#' @param lower,upper Whole numbers: the loop runs over `lower:(upper - 1)`.
#' @param body_fun A function of the loop counter and the state, returning the new state.
#' @param init_val The initial state (a vector of several numbers is a list of them).
#' @param f The function to apply.
#' @param init The initial carry: a tensor or a list of them (a vector of several numbers is a
#'   list of them).
#' @param xs Tensors (or a list of them) sliced along their first axis; `NULL` with `length`.
#' @param length The number of steps when `xs` is `NULL`.
#' @param reverse Whether to scan from the end.
#' @param unroll A positive whole number or `TRUE`/`FALSE`: accepted for compatibility (an eager
#'   loop has nothing to unroll).
#' @param elements A tensor, or a list of tensors with the same first axis length.
#' @param elems A tensor or a list of them, all of the same length along `axis`.
#' @param axis The axis to scan along, 1-based.
#' @return The value of the function called (`op_cond()`, `op_switch()`), the final loop
#'   variables or state, `list(carry, ys)` for `op_scan()`, the stacked results for the maps, or
#'   the scanned tensors for `op_associative_scan()`.
#' @family core ops
#' @examples
#' op_cond(op_array(2) > 1, function() "big", function() "small")
#' branches <- list(function(x) x + 100, function(x) x - 100)
#' op_switch(2, branches, op_array(1))
#' op_while_loop(function(i) i < 10L, function(i) list(i + 1L), list(0L))
#' op_fori_loop(0L, 10L, function(i, state) state + i, 0L)
#' sum_fn <- function(c, x) list(c + x, c + x)
#' op_scan(sum_fn, op_array(0L), op_array(1:5))
#' op_map(op_arange(5), function(x) x^2)
#' op_vectorized_map(op_ones(c(3, 2)), function(row) op_sum(row))
#' op_associative_scan(function(a, b) a + b, op_arange(5L))
#' @name op_cond
NULL

#' @rdname op_cond
#' @export
op_cond <- function(pred, true_fn, false_fn) {
  callable(true_fn, "true_fn")
  callable(false_fn, "false_fn")
  if (truth(pred)) true_fn() else false_fn()
}

#' @rdname op_cond
#' @export
op_switch <- function(index, branches, ...) {
  if (!is.null(names(list(...))))
    raise_bridge_error("value_error", "Arguments supplied to ... must be unnamed")
  if (!is.list(branches) || !length(branches))
    raise_bridge_error("value_error", sprintf("`branches` must be a non-empty list of functions. Received: %s", shown(branches, nlines = 1L)))
  lapply(branches, callable, name = "branches")
  value <- r_values(index)
  # keras3's as_py_index() turns TRUE into index 0, FALSE stays 0: the first branch either way.
  if (is.logical(value)) value <- as.integer(value)
  if (!is.numeric(value) || length(value) != 1L || is.na(value))
    raise_bridge_error("type_error", sprintf("`index` must be one whole number. Received: index=%s", shown(value, nlines = 1L)))
  branches[[min(max(trunc(value), 1), length(branches))]](...)
}

#' @rdname op_cond
#' @export
op_while_loop <- function(cond, body, loop_vars, maximum_iterations = NULL) {
  callable(cond, "cond")
  callable(body, "body")
  if (!is.null(maximum_iterations)) maximum_iterations <- whole_number(r_values(maximum_iterations), "maximum_iterations")
  # An unnamed list is Python's tuple of loop variables, and so is a vector of several numbers;
  # anything else (a named list is a dict, an array one NumPy array) is one loop variable.
  loop_vars <- python_list(loop_vars)
  spread <- is_tree_node(loop_vars) && is.null(names(loop_vars))
  vars <- tree_map(if (spread) loop_vars else list(loop_vars), op_convert_to_tensor)
  iterations <- 0L
  while ((is.null(maximum_iterations) || iterations < maximum_iterations) && truth(do.call(cond, vars))) {
    before <- vars
    vars <- do.call(body, vars)
    if (!is_tree_node(vars) || !is.null(names(vars))) vars <- list(vars)
    same_structure(before, vars, "body", "loop_vars")
    iterations <- iterations + 1L
  }
  if (spread) vars else vars[[1L]]
}

#' @rdname op_cond
#' @export
op_fori_loop <- function(lower, upper, body_fun, init_val) {
  callable(body_fun, "body_fun")
  bound <- function(value, name) whole_number(r_values(value), name)
  lower <- bound(lower, "lower")
  upper <- bound(upper, "upper")
  value <- tree_map(python_list(init_val), op_convert_to_tensor)
  i <- lower
  while (i < upper) {
    before <- value
    value <- body_fun(op_array(i, "int32"), value)
    same_structure(before, value, "body_fun", "init_val")
    i <- i + 1L
  }
  value
}

# A loop body must give back loop variables of the structure it was given, as TensorFlow's and
# JAX's loops require (the NumPy backend alone runs on with whatever comes back).
same_structure <- function(before, after, body, vars) {
  n <- length(tree_leaves(before))
  m <- length(tree_leaves(after))
  if (n != m)
    raise_bridge_error("value_error", sprintf("`%s` must return the structure of `%s`: %d tensor%s. Received: %d", body, vars, n, if (n == 1L) "" else "s", m))
}

#' @rdname op_cond
#' @export
op_scan <- function(f, init, xs = NULL, length = NULL, reverse = FALSE, unroll = 1L) {
  callable(f, "f")
  # First: R would call a function given as `length` for every length() below.
  if (!is.null(length)) length <- whole_number(length, "length")
  reverse <- flag(reverse, "reverse")
  if (!(is.logical(unroll) && length(unroll) == 1L && !is.na(unroll)) &&
      !(is.numeric(unroll) && length(unroll) == 1L && !is.na(unroll) && unroll == trunc(unroll) && unroll >= 1))
    raise_bridge_error("value_error", sprintf("`unroll` must be an positive integer or boolean. Received: unroll=%s", shown(unroll)))
  leaves <- if (is.null(xs)) list() else lapply(tree_leaves(xs), op_convert_to_tensor)
  # An empty list of `xs` gives nothing to scan over either.
  if (!length(leaves) && is.null(length))
    raise_bridge_error("value_error", sprintf("Got no `xs` to scan over and `length` not provided. Received: xs=%s", shown(xs, nlines = 1L)))
  steps <- if (length(leaves)) leading_length(leaves, "The `xs` to scan over") else NULL
  if (!is.null(length)) {
    if (length < 0L) raise_bridge_error("value_error", sprintf("`length` must not be negative. Received: length=%d", length))
    if (!is.null(steps) && steps != length)
      raise_bridge_error("value_error", sprintf("scan got `length` argument of %d which disagrees with leading axis sizes %d", length, steps))
    steps <- length
  }
  carry <- tree_map(python_list(init), op_convert_to_tensor)
  no_output <- lapply(tree_leaves(carry), op_zeros_like)
  order <- if (reverse) rev(seq_len(steps)) else seq_len(steps)
  # Every step's output is kept (an R object of some hundreds of bytes, 512 counted: 32
  # complex128 elements a step) until they are stacked: refused before the first step if they
  # could not all be held.
  allocation_check(steps, "complex128", copies = 32L)
  ys <- vector("list", steps)
  for (i in order) {
    x <- if (length(leaves)) tree_rebuild(xs, slices_at(leaves, i)) else NULL
    step <- f(carry, x)
    if (!is.list(step) || base::length(step) != 2L)
      raise_bridge_error("value_error", sprintf("`f` must return a list of the new carry and the output. Received: %s", shown(step, nlines = 1L)))
    carry <- step[[1L]]
    ys[i] <- list(if (is.null(step[[2L]])) no_output else step[[2L]])
  }
  # No step gives outputs as TensorFlow's scan declares them (its outputs must match the carry):
  # the carry's structure, each leaf stacked zero times, where NumPy's has nothing to stack.
  if (!steps) return(list(carry, tree_map(carry, function(leaf) op_zeros(c(0L, dim(leaf)), op_dtype(leaf)))))
  list(carry, tree_stack(ys))
}

#' @rdname op_cond
#' @export
op_map <- function(xs, f) {
  callable(f, "f")
  leaves <- lapply(tree_leaves(xs), op_convert_to_tensor)
  n <- leading_length(leaves, "The `xs` to map over")
  tree_stack(lapply(seq_len(n), function(i) f(tree_rebuild(xs, slices_at(leaves, i)))))
}

#' @rdname op_cond
#' @export
op_vectorized_map <- function(elements, f) {
  callable(f, "f")
  if (!is_tree_node(elements)) return(op_map(elements, f))
  leaves <- lapply(tree_leaves(elements), op_convert_to_tensor)
  n <- leading_length(leaves, "The `elements` to map over")
  tree_stack(lapply(seq_len(n), function(i) f(tree_rebuild(elements, slices_at(leaves, i)))))
}

#' @rdname op_cond
#' @export
op_associative_scan <- function(f, elems, reverse = FALSE, axis = 1L) {
  callable(f, "f")
  reverse <- flag(reverse, "reverse")
  leaves <- lapply(tree_leaves(elems), op_convert_to_tensor)
  if (!length(leaves)) raise_bridge_error("value_error", "`elems` must hold at least one tensor. Received: an empty list")
  n <- vapply(leaves, axis_length, 1L, axis = axis)
  if (length(unique(n)) > 1L)
    raise_bridge_error("value_error", sprintf("Array inputs to associative_scan must have the same first dimension. (saw: %s)",
                                              paste(vapply(leaves, shape_text, ""), collapse = ", ")))
  along <- function(x, positions) op_take(x, as.array(positions), axis = axis)
  # `f` must keep its inputs' structure and length along `axis`; another length would make the
  # scan recurse without end (Keras refuses it where it interleaves).
  combine <- function(a, b) {
    out <- lapply(tree_leaves(f(tree_rebuild(elems, a), tree_rebuild(elems, b))), op_convert_to_tensor)
    expected <- axis_length(a[[1L]], axis)
    got <- vapply(out, function(o) if (op_ndim(o) == 0L) NA_integer_ else axis_length(o, axis), 1L)
    if (length(out) != length(a) || anyNA(got) || any(got != expected))
      raise_bridge_error("value_error", sprintf(
        "Shapes are incompatible for associative_scan: `f` must return %d tensor(s) of length %d along axis %d, as its inputs. Received: %s",
        length(a), expected, axis, paste(vapply(out, shape_text, ""), collapse = ", ")))
    out
  }
  # Blelloch's scan: combine neighbours in pairs, scan the pairs, then fill in the others.
  scan <- function(xs) {
    m <- axis_length(xs[[1L]], axis)
    if (m < 2L) return(xs)
    odd <- scan(combine(lapply(xs, along, positions = seq.int(1L, m - 1L, by = 2L)),
                        lapply(xs, along, positions = seq.int(2L, m, by = 2L))))
    rest <- if (m >= 3L) seq.int(3L, m, by = 2L) else integer()
    even <- if (!length(rest)) lapply(xs, along, positions = integer())
      else combine(lapply(odd, along, positions = seq_along(rest)), lapply(xs, along, positions = rest))
    even <- Map(function(x, e) op_concatenate(list(along(x, 1L), e), axis = axis), xs, even)
    # Interleave: even[1], odd[1], even[2], odd[2], ...
    n_even <- length(rest) + 1L
    n_odd <- m %/% 2L
    order <- order(c(2L * seq_len(n_even) - 1L, 2L * seq_len(n_odd)))
    Map(function(e, o) along(op_concatenate(list(e, o), axis = axis), order), even, odd)
  }
  if (reverse) leaves <- lapply(leaves, op_flip, axis = axis)
  scanned <- scan(leaves)
  if (reverse) scanned <- lapply(scanned, op_flip, axis = axis)
  tree_rebuild(elems, scanned)
}

#' Functions with custom gradients
#'
#' keras3's `op_custom_gradient()` wraps `f`, which returns `list(value, grad_fn)`, into a
#' function returning `value`. Nothing here computes gradients, so `grad_fn` is never called:
#' the wrapped function gives the forward value, as it does under Keras outside a gradient tape.
#'
#' @param f A function returning `list(value, grad_fn)`.
#' @return A function of `f`'s arguments.
#' @family core ops
#' @examples
#' log1pexp <- op_custom_gradient(function(x) {
#'   e <- op_exp(x)
#'   list(op_log(1 + e), function(upstream) upstream * (1 - 1 / (1 + e)))
#' })
#' log1pexp(op_array(c(0, 100)))
#' @export
op_custom_gradient <- function(f) {
  callable(f, "f")
  function(...) {
    result <- f(...)
    if (!is.list(result) || length(result) != 2L || !is.function(result[[2L]]))
      raise_bridge_error("value_error", "A function given to `op_custom_gradient()` must return `list(value, grad_fn)`.")
    result[[1L]]
  }
}

#' Vectorizing a function
#'
#' keras3's `op_vectorize()`, as NumPy's and JAX's `vectorize()`: a function that broadcasts its
#' arguments against each other and calls `func` on each element (each a 0-d tensor), stacking
#' the results into a tensor of the broadcast shape. With a `signature` such as
#' `"(m,n),(n)->(m)"`, `func` gets the trailing core axes whole and loops only over the
#' leading ones; a signature with several outputs (`"(n)->(),()"`) takes a list of them from
#' `func` and gives a list of tensors. Arguments named in `excluded` (by name, or by 0-based
#' position, as keras3 passes them to Python) go to `func` unchanged.
#'
#' @param func A function.
#' @param ... Unused; for compatibility.
#' @param excluded `NULL`, or argument positions (0-based) or names not to vectorize over.
#' @param signature `NULL`, or a generalized ufunc signature.
#' @return A function.
#' @family core ops
#' @examples
#' vfunc <- op_vectorize(function(a, b) a + b)
#' vfunc(c(1, 2, 3, 4), 2)
#' row_dot <- op_vectorize(function(a, b) op_sum(a * b), signature = "(n),(n)->()")
#' row_dot(matrix(1:6, 2), c(1, 0, 1))
#' @export
op_vectorize <- function(func, ..., excluded = NULL, signature = NULL) {
  callable(func, "func")
  if (!is.null(excluded) && !is.numeric(excluded) && !is.character(excluded))
    raise_bridge_error("type_error", sprintf("`excluded` must hold argument positions or names. Received: excluded=%s", shown(excluded, nlines = 1L)))
  cores <- if (is.null(signature)) NULL else parse_signature(signature)
  function(...) {
    args <- list(...)
    vectorized <- seq_along(args)
    if (!is.null(excluded))
      vectorized <- vectorized[!(vectorized - 1L) %in% excluded & !(if (is.null(names(args))) rep("", length(args)) else names(args))[vectorized] %in% excluded]
    inputs <- lapply(args[vectorized], tensor_of)
    input_cores <- if (is.null(cores)) rep(list(character()), length(inputs)) else cores$inputs
    if (length(input_cores) != length(inputs))
      raise_bridge_error("type_error", sprintf("wrong number of positional arguments: expected %d, got %d", length(input_cores), length(inputs)))
    loop_shapes <- Map(function(x, core) {
      shape <- as.integer(op_shape(x))
      if (length(shape) < length(core))
        raise_bridge_error("value_error", sprintf("input with shape %s does not have enough dimensions for its core dimensions (%s)", shape_text(x), paste(core, collapse = ",")))
      shape[seq_len(length(shape) - length(core))]
    }, inputs, input_cores)
    loop <- as.integer(op_shape(Reduce(function(a, b) op_add(a, b), lapply(loop_shapes, function(s) op_zeros(s, dtype = "bool")), op_zeros(integer(), dtype = "bool"))))
    # Each argument broadcast over the loop axes, then flattened over them.
    flat <- Map(function(x, core) {
      core_shape <- as.integer(op_shape(x))[seq_len(length(core)) + op_ndim(x) - length(core)]
      op_reshape(op_broadcast_to(x, c(loop, core_shape)), c(-1L, core_shape))
    }, inputs, input_cores)
    count <- prod(loop)
    results <- lapply(seq_len(count), function(i) {
      call_args <- args
      call_args[vectorized] <- lapply(flat, function(x) op_take(x, i, axis = 1L))
      do.call(func, call_args)
    })
    if (!count) raise_bridge_error("value_error", "cannot call a vectorized function on arguments with no elements")
    gathered <- function(parts) {
      stacked <- op_stack(lapply(parts, tensor_of), axis = 1L)
      op_reshape(stacked, c(loop, as.integer(op_shape(stacked))[-1L]))
    }
    outputs <- if (is.null(cores)) 1L else length(cores$outputs)
    if (outputs == 1L) return(gathered(results))
    # Several outputs in the signature: `func` returns a list of them, and so does the result.
    if (!all(vapply(results, function(r) is.list(r) && !is_kerasbridge_object(r) && length(r) == outputs, TRUE)))
      raise_bridge_error("value_error", sprintf("wrong number of outputs from the function: the signature names %d", outputs))
    lapply(seq_len(outputs), function(k) gathered(lapply(results, `[[`, k)))
  }
}

# A generalized ufunc signature "(m,n),(n)->(m)": the core axis names of each input and of each
# output.
parse_signature <- function(signature) {
  text <- if (is.character(signature) && length(signature) == 1L && !is.na(signature)) gsub("\\s", "", signature) else ""
  if (!grepl("^(\\([a-z0-9_,]*\\))(,\\([a-z0-9_,]*\\))*->(\\([a-z0-9_,]*\\))(,\\([a-z0-9_,]*\\))*$", text, ignore.case = TRUE))
    raise_bridge_error("value_error", sprintf("not a valid gufunc signature: %s", shown(signature)))
  parts <- strsplit(text, "->", fixed = TRUE)[[1L]]
  groups <- function(side) lapply(regmatches(side, gregexpr("\\([^)]*\\)", side))[[1L]], function(g) {
    names <- strsplit(gsub("[()]", "", g), ",", fixed = TRUE)[[1L]]
    names[nzchar(names)]
  })
  list(inputs = groups(parts[[1L]]), outputs = groups(parts[[2L]]))
}
