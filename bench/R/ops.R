# keras3 ops on the same data, ours against NumPy through reticulate (what keras3 users' ops run
# on today with the NumPy backend), in loops as users write them, in turns, no gc(). Both sides
# start from tensors/arrays made before the loops: the rows time the op, not a conversion. Each
# row's result is overwritten in the loop, as `y <- op(x)` in a user's loop.

ops_cases <- function() list(
  list(work = "add, 1e6 float32 (same shape)", calls = 20L,
       data = list(x = c(1000, 1000), y = c(1000, 1000)), dtype = "float32",
       ours = quote(op_add(x, y)), numpy = quote(np$add(x, y))),
  list(work = "add, 1000 x 1000 + a row of 1000, float32 (broadcast)", calls = 20L,
       data = list(x = c(1000, 1000), y = c(1, 1000)), dtype = "float32",
       ours = quote(op_add(x, y)), numpy = quote(np$add(x, y))),
  list(work = "exp, 1e6 float32", calls = 20L, data = list(x = c(1000, 1000)), dtype = "float32",
       ours = quote(op_exp(x)), numpy = quote(np$exp(x))),
  list(work = "sum over axis 1 (R) / 0 (NumPy) of 1000 x 1000 float32", calls = 20L,
       data = list(x = c(1000, 1000)), dtype = "float32",
       ours = quote(op_sum(x, axis = 1)), numpy = quote(np$sum(x, axis = 0L))),
  list(work = "sum over axis 2 (R) / 1 (NumPy) of 1000 x 1000 float32", calls = 20L,
       data = list(x = c(1000, 1000)), dtype = "float32",
       ours = quote(op_sum(x, axis = 2)), numpy = quote(np$sum(x, axis = 1L))),
  list(work = "transpose + reshape to a vector, 1000 x 1000 float32", calls = 20L,
       data = list(x = c(1000, 1000)), dtype = "float32",
       ours = quote(op_reshape(op_transpose(x), -1L)), numpy = quote(np$reshape(np$transpose(x), -1L))),
  list(work = "matmul 512 x 512, float32", calls = 5L, data = list(x = c(512, 512)), dtype = "float32",
       ours = quote(op_matmul(x, x)), numpy = quote(np$matmul(x, x))),
  list(work = "matmul 512 x 512, float64", calls = 5L, data = list(x = c(512, 512)), dtype = "float64",
       ours = quote(op_matmul(x, x)), numpy = quote(np$matmul(x, x))),
  list(work = "matmul 2048 x 2048, float32", calls = 1L, data = list(x = c(2048, 2048)), dtype = "float32",
       ours = quote(op_matmul(x, x)), numpy = quote(np$matmul(x, x)), rounds = 3L),
  list(work = "matmul 2048 x 2048, float64", calls = 1L, data = list(x = c(2048, 2048)), dtype = "float64",
       ours = quote(op_matmul(x, x)), numpy = quote(np$matmul(x, x)), rounds = 3L),
  list(work = "small op: 3 x 3 + 3 x 3, float32", calls = 10000L, data = list(x = c(3, 3), y = c(3, 3)), dtype = "float32",
       ours = quote(op_add(x, y)), numpy = quote(np$add(x, y)))
)

ops_rows <- function(np, rounds = 5L) {
  rows <- lapply(ops_cases(), function(case) {
    set.seed(1)
    values <- lapply(case$data, function(shape) array(stats::runif(prod(shape)), shape))
    ours <- new.env(parent = globalenv())
    numpy <- new.env(parent = globalenv())
    numpy$np <- np
    for (name in names(values)) {
      ours[[name]] <- op_array(values[[name]], case$dtype)
      numpy[[name]] <- np$array(values[[name]], dtype = case$dtype, order = "C")
    }
    same <- isTRUE(all.equal(as.array(eval(case$ours, ours)), reticulate::py_to_r(eval(case$numpy, numpy)),
                             tolerance = 1e-4, check.attributes = FALSE))
    loops <- list(ours = user_loop(case$ours, case$calls, ours), numpy = user_loop(case$numpy, case$calls, numpy))
    turns <- in_turns(loops, if (is.null(case$rounds)) rounds else case$rounds)
    t <- turns$seconds / case$calls
    all_calls <- case$calls * nrow(t)
    data.frame(work = case$work, calls = case$calls, ours = stats::median(t[, "ours"]),
               numpy = stats::median(t[, "numpy"]), same = same,
               ours_faults = turns$faults[["ours"]] / all_calls, numpy_faults = turns$faults[["numpy"]] / all_calls,
               ours_gc = turns$gc[["ours"]] / all_calls, numpy_gc = turns$gc[["numpy"]] / all_calls)
  })
  do.call(rbind, rows)
}

ops_table <- function(rows) {
  small <- grepl("^small op", rows$work)
  met <- ifelse(small, rows$ours <= 5e-6, rows$ours <= rows$numpy)
  c("| work | calls per loop | ours | NumPy | ours / NumPy | same values | target | met? | page faults / call: ours, NumPy | R GC / call: ours, NumPy |",
    "|---|---|---|---|---|---|---|---|---|---|",
    sprintf("| %s | %d | %s | %s | %.2f | %s | %s | %s | %.0f, %.0f | %s, %s |", rows$work, rows$calls, vapply(rows$ours, format_seconds, ""),
            vapply(rows$numpy, format_seconds, ""), rows$ours / rows$numpy, ifelse(rows$same, "yes", "**no**"),
            ifelse(small, "<= 5 µs", "<= 1.0 x NumPy"), ifelse(met, "yes", "**no**"), rows$ours_faults, rows$numpy_faults,
            vapply(rows$ours_gc, format_seconds, ""), vapply(rows$numpy_gc, format_seconds, "")))
}

ops_target_line <- function(rows) {
  small <- grepl("^small op", rows$work)
  met <- ifelse(small, rows$ours <= 5e-6, rows$ours <= rows$numpy)
  missed <- rows[!met, ]
  sprintf("- **Ops <= 1.0 x NumPy (the small op <= 5 µs)**: %d of %d rows met.%s", sum(met), nrow(rows),
          if (nrow(missed)) paste0(" Missed: ", paste(sprintf("%s (%.2f x)", missed$work, missed$ours / missed$numpy), collapse = "; "), ".") else "")
}

# What each side's matmul ran on: ours names its choice; NumPy's is the BLAS library mapped into
# this process other than ours (Debian's NumPy links libblas.so.3, which Debian's alternatives
# resolve to the reference BLAS or OpenBLAS).
matmul_libraries <- function() {
  mapped <- unique(sub("^.* ", "", grep("blas", readLines("/proc/self/maps"), value = TRUE)))
  list(ours = kerasbridge_diagnostics()$matmul, mapped = paste(mapped, collapse = ", "))
}
