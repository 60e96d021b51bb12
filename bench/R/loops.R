# The loop benchmark: conversions between R doubles and float32 as users write them, a loop of
# one call whose result is overwritten (or kept), ours and NumPy alternating in this one process,
# with the physical floor (bench/floor.c) measured in the same turns. Sizes 1e3 to 1e8, as a
# matrix and as a vector, both directions; float64 at 1e7 as well.

# Calls per loop and rounds: a loop lasts milliseconds on the fastest side and at most about a
# second on the slowest (reticulate's py_to_r() takes ~0.6 s for 1e7 elements); at 1e8 one call
# takes up to seconds, so one call per loop and three rounds.
loop_plan <- function(n) {
  plan <- list(`3` = c(500, 7), `4` = c(300, 7), `5` = c(100, 7), `6` = c(10, 7), `7` = c(3, 5), `8` = c(1, 3))
  p <- plan[[as.character(round(log10(n)))]]
  list(calls = p[[1L]], rounds = p[[2L]])
}

# R dims of the n-element matrix: columns a power of ten near sqrt(n) (1e7 is 1e4 x 1e3).
matrix_dim <- function(n) {
  cols <- 10^floor(log10(n) / 2)
  c(n / cols, cols)
}

shape_label <- function(x) if (length(dim(x)) == 1L) "vector" else paste(format(dim(x), scientific = FALSE, trim = TRUE), collapse = " x ")

# What each side evaluates, per direction; `x` is the R array, `v` our variable, `a_c`/`a_k` the
# NumPy arrays in C and in R's (Fortran) order, `b32`/`b64` warm floor buffers, `f32` a warm
# buffer holding x as floats. For a vector C and K order are the same array, so K is not run.
side_exprs <- function(direction, matrix, n) {
  exprs <- switch(direction,
    to_float32 = list(
      ours = quote(keras_variable(x, dtype = "float32")),
      numpy_c = quote(np$array(x, dtype = "float32", order = "C")),
      numpy_k = quote(np$array(x, dtype = "float32", order = "K")),
      floor = quote(.Call(fl$floor_to_float, x, b32)),
      fresh = quote(.Call(fl$floor_to_float_fresh, x))),
    to_r = list(
      ours = quote(as.array(v)),
      numpy_c = quote(py_to_r(a_c)),
      numpy_k = quote(py_to_r(a_k)),
      floor = quote(.Call(fl$floor_to_double, f32, b64, n)),
      fresh = quote(.Call(fl$floor_to_double_fresh, f32, n))),
    to_float64 = list(
      ours = quote(keras_variable(x)),
      numpy_c = quote(np$array(x, dtype = "float64", order = "C")),
      numpy_k = quote(np$array(x, dtype = "float64", order = "K")),
      floor = quote(.Call(fl$floor_copy, x, b64)),
      fresh = quote(.Call(fl$floor_copy_fresh, x))),
    from_float64 = list(
      ours = quote(as.array(v)),
      numpy_c = quote(py_to_r(a_c)),
      numpy_k = quote(py_to_r(a_k)),
      floor = quote(.Call(fl$floor_copy, x, b64)),
      fresh = quote(.Call(fl$floor_copy_fresh, x))))
  if (!matrix) exprs$numpy_k <- NULL
  # Below 1e5 elements allocators hand out memory they reuse, not pages mapped for the call, so
  # a fresh-pages loop there would time the mmap system call rather than anything a conversion meets.
  if (n < 1e5) exprs$fresh <- NULL
  exprs
}

# The objects the sides work on, made once per size and shape, in one environment whose parent
# reaches the attached packages; each direction's own inputs (`direction_data`) replace the last's.
# Without `np` (bench/R/alone_one.R) nothing of reticulate is loaded.
loop_data <- function(n, matrix, np, fl) {
  d <- new.env(parent = globalenv())
  set.seed(1)
  d$x <- array(stats::rnorm(n), if (matrix) matrix_dim(n) else n)
  d$n <- n
  d$fl <- fl
  if (!is.null(np)) {
    d$np <- np
    d$py_to_r <- reticulate::py_to_r
  }
  d$b32 <- .Call(fl$floor_buffer, 4 * n)
  d$b64 <- .Call(fl$floor_buffer, 8 * n)
  d$f32 <- .Call(fl$floor_buffer, 4 * n)
  .Call(fl$floor_to_float, d$x, d$f32)
  d
}

direction_data <- function(d, direction, matrix) {
  for (name in c("v", "a_c", "a_k")) if (exists(name, d, inherits = FALSE)) rm(list = name, envir = d)
  if (direction %in% c("to_r", "from_float64")) {
    dtype <- if (direction == "from_float64") "float64" else "float32"
    d$v <- keras_variable(d$x, dtype = dtype)
    if (!is.null(d$np)) {
      d$a_c <- d$np$array(d$x, dtype = dtype, order = "C")
      if (matrix) d$a_k <- d$np$array(d$x, dtype = dtype, order = "K")
    }
  }
  d
}

# Both sides must have made the same values: checked after the timing, so that it warms nothing,
# up to 1e7 elements (at 1e8 reticulate's conversion back alone would take several seconds).
check_same <- function(direction, envs, keep) {
  value <- function(side) {
    r <- if (keep) envs[[side]]$kept[[1L]] else envs[[side]]$result
    if (direction %in% c("to_float32", "to_float64")) {
      if (side == "ours") as.array(r) else reticulate::py_to_r(r)
    } else r
  }
  ours <- value("ours")
  for (peer in intersect(c("numpy_c", "numpy_k"), names(envs)))
    if (!identical(ours, value(peer)))
      stop("bench: ours and ", peer, " made different values (", direction, ", ", length(ours), " elements)")
}

# One row: every side's loop (or those named in `sides`), in turns. Seconds are per call (median
# over the rounds).
loop_row <- function(d, matrix, direction, keep, sides = NULL) {
  n <- d$n
  plan <- loop_plan(n)
  exprs <- side_exprs(direction, matrix, n)
  if (!is.null(sides)) exprs <- exprs[intersect(names(exprs), sides)]
  envs <- lapply(exprs, function(e) new.env(parent = d))
  loops <- Map(function(e, env) user_loop(e, plan$calls, env, keep), exprs, envs)
  t <- in_turns(loops, plan$rounds)
  if (n <= 1e7) check_same(direction, envs, keep)
  per_call <- apply(t$seconds, 2L, stats::median) / plan$calls
  total_calls <- plan$calls * plan$rounds
  row <- data.frame(n = n, shape = shape_label(d$x), direction = direction, keep = keep,
                    calls = plan$calls, rounds = plan$rounds, stringsAsFactors = FALSE)
  for (side in c("ours", "numpy_c", "numpy_k", "floor", "fresh")) {
    row[[side]] <- if (side %in% names(per_call)) per_call[[side]] else NA_real_
    row[[paste0(side, "_faults")]] <- if (side %in% names(per_call)) t$faults[[side]] / total_calls else NA_real_
    row[[paste0(side, "_gc")]] <- if (side %in% names(per_call)) t$gc[[side]] / total_calls else NA_real_
    row[[paste0(side, "_mean")]] <- if (side %in% names(per_call)) sum(t$seconds[, side]) / total_calls else NA_real_
  }
  row
}

run_loops <- function(np, fl, sizes = 10^(3:8), keep_up_to = 1e6, float64_sizes = 1e7) {
  rows <- list()
  add <- function(d, matrix, direction, keep) {
    r <- loop_row(d, matrix, direction, keep)
    rows[[length(rows) + 1L]] <<- r
    message(sprintf("bench:   %-12s %-8.0e %-13s %-5s ours %s, NumPy C %s, floor %s", r$direction, r$n, r$shape,
                    if (r$keep) "kept" else "", format_seconds(r$ours), format_seconds(r$numpy_c), format_seconds(r$floor)))
  }
  for (n in sizes) for (matrix in c(TRUE, FALSE)) {
    d <- loop_data(n, matrix, np, fl)
    directions <- c("to_float32", "to_r", if (n %in% float64_sizes) c("to_float64", "from_float64"))
    for (direction in directions) {
      direction_data(d, direction, matrix)
      add(d, matrix, direction, FALSE)
      if (n <= keep_up_to && direction %in% c("to_float32", "to_r")) add(d, matrix, direction, TRUE)
    }
    rm(d)
  }
  do.call(rbind, rows)
}
