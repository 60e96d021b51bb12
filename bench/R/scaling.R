# Time of R double array -> float32 against size, ours beside NumPy and R's `x + 0`, to show
# that the cost per element stays flat, then the largest power of ten this machine's memory
# holds (input, result and R's copy for the check), converted once and checked.

scaling_table <- function(np, sizes = 10^(3:8)) {
  rows <- lapply(sizes, function(n) {
    x <- array(rnorm(n), n)
    # Enough calls per timing that one timing lasts milliseconds even for tiny arrays.
    calls <- max(1L, as.integer(1e6 %/% n))
    reps <- if (n >= 1e8) 3L else 5L
    ours <- per_call(keras_variable(x, dtype = "float32"), calls, reps)
    peer <- per_call(np$ascontiguousarray(np$array(x, dtype = "float32")), calls, reps)
    base <- per_call(x + 0, calls, reps)
    scaling_row(n, ours, peer, base)
  })
  rows[[length(rows) + 1L]] <- largest_row()
  markdown_table(do.call(rbind, rows),
                 c("elements", "ours", "ours ns/element", "NumPy", "NumPy ns/element", "R `x + 0`", "R ns/element"))
}

scaling_row <- function(n, ours, peer, base) {
  ns <- function(s) if (is.na(s)) "\u2013" else sprintf("%.2f", s / n * 1e9)
  data.frame(n = format(n, scientific = TRUE), ours = format_seconds(ours), ours_ns = ns(ours),
             numpy = format_seconds(peer), numpy_ns = ns(peer),
             r = format_seconds(base), r_ns = ns(base))
}

# The largest 10^k whose float64 input and float32 result (12 bytes an element) fit in three
# quarters of the memory available now; converted once (no peer: a second copy would not fit),
# then spot-checked.
largest_row <- function() {
  available <- as.double(sub("^MemAvailable: *([0-9]+) kB$", "\\1",
                             grep("^MemAvailable:", readLines("/proc/meminfo"), value = TRUE))) * 1024
  n <- 10^floor(log10(available * 0.75 / 12))
  x <- array(c(0.25, -1.5, 3), n)
  invisible(gc())
  v <- NULL
  ours <- elapsed(function() v <<- keras_variable(x, dtype = "float32"))
  ends <- c(1, 2, 3, n - 2, n - 1, n)
  if (!identical(as.array(v@r[c(1, 2, 3, n - 2, n - 1, n)]), array(x[ends], 6L)))
    stop("bench: the ", format(n, scientific = TRUE), "-element conversion gave wrong values")
  rm(v, x)
  invisible(gc())
  row <- scaling_row(n, ours, NA, NA)
  row$n <- paste0(row$n, " (largest that fits)")
  row
}
