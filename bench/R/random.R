# float32 normal samples, like with like: a new float32 array of n standard normals on each side,
# in a loop, in turns. Ours: `keras_variable()` of a seeded `initializer_random_normal(0, 1)`,
# float32 Ziggurat on xoshiro256** streams, one per block of 32768, blocks spread over the cores
# (Parallel.For: both of this VM's). NumPy: `default_rng(seed).standard_normal(n, dtype =
# "float32")`, its float32 Ziggurat on PCG64, one core. Neither draws float64 and casts.

random_rows <- function(np, sizes = c(1e6, 1e7), rounds = 7L) {
  rows <- lapply(sizes, function(n) {
    d <- new.env(parent = globalenv())
    d$n <- n
    d$n_int <- as.integer(n)
    d$init <- initializer_random_normal(mean = 0, stddev = 1, seed = 1L)
    d$rng <- np$random$default_rng(1L)
    calls <- if (n >= 1e7) 3L else 20L
    exprs <- list(ours = quote(keras_variable(init, shape = n, dtype = "float32")),
                  numpy = quote(rng$standard_normal(n_int, dtype = "float32")))
    loops <- lapply(exprs, function(e) user_loop(e, calls, new.env(parent = d)))
    t <- in_turns(loops, rounds)$seconds / calls
    data.frame(n = n, ours = stats::median(t[, "ours"]), numpy = stats::median(t[, "numpy"]))
  })
  do.call(rbind, rows)
}
