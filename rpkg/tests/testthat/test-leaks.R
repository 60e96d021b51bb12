# Making and dropping many variables does not grow the session: .NET handles and protected R
# objects return to their starting counts, and resident memory stays within bounds.
resident_mb <- function() {
  status <- grep("^VmRSS:", readLines("/proc/self/status"), value = TRUE)
  as.numeric(gsub("[^0-9]", "", status)) / 1024
}

counters <- function() {
  gc()
  unlist(kerasbridge_diagnostics(settle = TRUE)[c("live_handles", "protected", "queued_releases")])
}

small <- array(1, c(2, 2))
large <- array(1, 1e6)

test_that("100,000 small and 400 large variables made and dropped grow resident memory by under 100 MB", {
  skip_if_not(file.exists("/proc/self/status"))
  skip_if_not_installed("processx")
  # In a fresh session: this one's heap, grown by the other tests, would blur the measure.
  child <- run_child("leak")
  expect_equal(child$status, 0, info = child$stderr)
  growth <- as.numeric(sub("growth ", "", trimws(child$stdout)))
  expect_lt(growth, 100)
})

test_that("a loop making large tensors without gc() does not hold them all", {
  skip_if_not(file.exists("/proc/self/status"))
  gc()
  before <- resident_mb()
  peak <- 0
  for (i in 1:200) {
    v <- keras_variable("ones", shape = 1e6, dtype = "float64")
    peak <- max(peak, resident_mb() - before)
  }
  # Held all at once, these would be 1.6 GB.
  expect_lt(peak, 200)
})

test_that("handles, protections and queued releases return to their starting counts after gc()", {
  before <- counters()
  for (i in 1:2000) {
    v <- keras_variable(small)
    v$assign(v$value + 1)
    t <- v@r[1, ]
    a <- as.array(v)
  }
  for (i in 1:20) v <- keras_variable(large)
  rm(v, t, a)
  expect_identical(counters(), before)
})

test_that("failing calls leave no handles or protections behind", {
  # The first R function called as an initializer keeps a helper for the session.
  keras_variable(function(shape, dtype) array(0, shape), shape = 2)
  before <- counters()
  for (i in 1:500) {
    try(keras_variable("nonsense"), silent = TRUE)
    try(keras_variable(function(shape, dtype) stop("no"), shape = 2), silent = TRUE)
    try(keras_variable(small)$assign(1:3), silent = TRUE)
  }
  expect_identical(counters(), before)
})

test_that("small tensors, which share finalizers in groups, are all freed once unreachable", {
  before <- counters()
  v <- keras_variable(small)
  for (i in 1:1000) t <- v$value + i
  rm(v, t)
  expect_identical(counters(), before)
})

test_that("a small tensor that outlives the rest of its group keeps its value", {
  keep <- keras_variable(small)$value * 7
  for (i in 1:200) t <- keep + i
  rm(t)
  counters()
  expect_identical(as.array(keep), array(7, c(2, 2)))
  expect_identical(as.array(keep + 1), array(8, c(2, 2)))
})

test_that("tensors made one by one in a loop are held by the group being filled only until it is full", {
  invisible(counters())
  v <- keras_variable(small)
  for (i in 1:1000) v$assign(small)
  gc()
  # At most the group being filled (32 tensors) and the variable remain.
  expect_lte(kerasbridge_diagnostics()$live_handles - kerasbridge_diagnostics(settle = TRUE)$live_handles, 32)
})

for (case in list(list(n = 1e6, what = "an R vector of 4 MB"), list(n = 1e7, what = "an R vector of 40 MB, on huge pages"))) {
  test_that(paste0("R's collector counts a large tensor in ", case$what, ": its vector memory grows with one and shrinks once it is dropped"), {
    vcells_mb <- function() gc()[2, 2]
    before <- vcells_mb()
    v <- keras_variable(array(0, case$n), dtype = "float32")
    with_tensor <- vcells_mb()
    rm(v)
    invisible(kerasbridge_diagnostics(settle = TRUE))
    after <- vcells_mb()
    mb <- case$n * 4 / 2^20
    expect_gt(with_tensor - before, 0.9 * mb)
    expect_lt(after - before, 0.5)
  })
}

test_that("a loop making 40 MB tensors without gc() holds a few at a time and keeps every value right", {
  skip_if_not(file.exists("/proc/self/status"))
  invisible(kerasbridge_diagnostics(settle = TRUE))
  before <- resident_mb()
  peak <- 0
  for (i in 1:40) {
    v <- keras_variable("zeros", shape = 1e7, dtype = "float32")
    v$assign_add(array(i, 1e7))
    expect_identical(range(as.array(v@r[c(1, 5e6, 1e7)])), c(i, i) + 0)
    peak <- max(peak, resident_mb() - before)
  }
  # Held all at once, these would be 1.6 GB.
  expect_lt(peak, 800)
})

test_that("a loop making 40 KB tensors without gc() holds about as many as R would hold 40 KB arrays", {
  skip_if_not_installed("processx")
  # In a fresh session, whose collector starts as a user's does.
  child <- run_child("hold")
  expect_equal(child$status, 0, info = child$stderr)
  lines <- strsplit(child$stdout, "\n")[[1]]
  # R first collects after about 64 MB of vectors: some 1,600 of these. Memory R cannot see
  # would let all 8,000 (320 MB) pile up.
  expect_lt(as.numeric(child_value(lines, "most")), 4000)
  expect_identical(child_value(lines, "right"), "TRUE")
})

# Assigns `rounds` values of n elements, keeping some old values and dropping the rest, with a
# gc() now and then; every value read back must be the one it was.
values_survive <- function(n, rounds, keep_every, gc_every) {
  big <- function(k) array(as.double(k), n)
  v <- keras_variable(big(1), dtype = "float32")
  kept <- list()
  for (i in 2:rounds) {
    old <- v$value
    v$assign(big(i))
    if (i %% keep_every == 0) kept[[length(kept) + 1L]] <- list(i - 1, old)
    t <- v$value + 0
    if (i %% gc_every == 0) invisible(gc())
  }
  invisible(kerasbridge_diagnostics(settle = TRUE))
  expect_identical(unique(as.vector(v)), rounds + 0)
  for (k in kept) expect_identical(unique(as.vector(k[[2]])), k[[1]])
  v
}

test_that("large values stay correct while their R objects come and go", {
  v <- values_survive(2e4, rounds = 60, keep_every = 7, gc_every = 10)
  w <- keras_variable(v)
  rm(v)
  invisible(gc())
  invisible(gc())
  expect_identical(unique(as.vector(w)), 60)
})

test_that("values of 40 MB stay correct while their R objects come and go and their freed memory is reused", {
  values_survive(1e7, rounds = 16, keep_every = 5, gc_every = 4)
})

test_that("loops converting large tensors to R arrays and back reuse freed memory, and an idle session gives it back", {
  skip_if_not(file.exists("/proc/self/stat"))
  skip_if_not_installed("processx")
  # In a fresh session, whose heap holds only this loop's memory.
  child <- run_child("reuse")
  expect_equal(child$status, 0, info = child$stderr)
  lines <- strsplit(child$stdout, "\n")[[1]]
  expect_identical(child_value(lines, "right"), "TRUE")
  # Each result is 80 MB: fresh memory every call would fault in its 40 huge pages and hundreds
  # of 4 KiB ones (19,532 without huge pages). The child reports the median call, since now and
  # then one finds its memory fresh.
  expect_lt(as.numeric(child_value(lines, "faults-per-call")), 100)
  # Each variable's value is a 40 MB R vector, freed when R collects the variable it replaced.
  expect_identical(child_value(lines, "variable-right"), "TRUE")
  expect_lt(as.numeric(child_value(lines, "variable-faults-per-call")), 100)
  # At the end of the loop the heap holds some freed 80 MB results for reuse; idle, they go back.
  expect_lt(as.numeric(child_value(lines, "resident-when-idle")), as.numeric(child_value(lines, "resident-after-loop")) - 60)
})

test_that("a large variable whose first value is not in R memory keeps its later values", {
  # op_arange() and op_cholesky() results sit in .NET arrays; assignments make R memory.
  firsts <- list(arange = function() op_arange(0, 1e4, dtype = "float64"),
                 cholesky = function() op_cholesky(diag(2, 100)))
  for (first in firsts) {
    v <- keras_variable(first())
    expected <- as.array(v) + 1
    v$assign_add(1)
    invisible(gc())
    for (i in 1:20) scratch <- op_array(array(-1, dim(expected)))
    invisible(gc())
    expect_identical(as.array(v), expected)
    expect_identical(as.array(v$value), expected)
  }
})
