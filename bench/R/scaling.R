# Time of R double array -> float32 against size, ours beside NumPy and R's `x + 0`, to show
# that the cost per element stays flat up to the largest size that fits comfortably in memory.

scaling_table <- function(np, sizes = 10^(3:8)) {
  rows <- lapply(sizes, function(n) {
    x <- array(rnorm(n), n)
    # Enough calls per timing that one timing lasts milliseconds even for tiny arrays.
    calls <- max(1L, as.integer(1e6 %/% n))
    reps <- if (n >= 1e8) 3L else 5L
    ours <- per_call(keras_variable(x, dtype = "float32"), calls, reps)
    peer <- per_call(np$ascontiguousarray(np$array(x, dtype = "float32")), calls, reps)
    base <- per_call(x + 0, calls, reps)
    ns <- function(s) sprintf("%.2f", s / n * 1e9)
    data.frame(n = format(n, scientific = TRUE), ours = format_seconds(ours), ours_ns = ns(ours),
               numpy = format_seconds(peer), numpy_ns = ns(peer),
               r = format_seconds(base), r_ns = ns(base))
  })
  markdown_table(do.call(rbind, rows),
                 c("elements", "ours", "ours ns/element", "NumPy", "NumPy ns/element", "R `x + 0`", "R ns/element"))
}
