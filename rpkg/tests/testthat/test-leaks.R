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

test_that("R's collector counts large tensors: its vector memory grows with one and shrinks once it is dropped", {
  vcells_mb <- function() gc()[2, 2]
  before <- vcells_mb()
  v <- keras_variable(array(0, 1e6), dtype = "float32")
  with_tensor <- vcells_mb()
  rm(v)
  invisible(kerasbridge_diagnostics(settle = TRUE))
  after <- vcells_mb()
  expect_gt(with_tensor - before, 3.5)
  expect_lt(after - before, 0.5)
})

test_that("large values stay correct while their R objects come and go", {
  big <- function(k) array(as.double(k), 2e4)
  v <- keras_variable(big(1), dtype = "float32")
  kept <- list()
  for (i in 2:60) {
    old <- v$value
    v$assign(big(i))
    if (i %% 7 == 0) kept[[length(kept) + 1L]] <- list(i - 1, old)
    t <- v$value + 0
    if (i %% 10 == 0) invisible(gc())
  }
  invisible(kerasbridge_diagnostics(settle = TRUE))
  expect_identical(unique(as.vector(v)), 60)
  for (k in kept) expect_identical(unique(as.vector(k[[2]])), k[[1]])
  w <- keras_variable(v)
  rm(v)
  invisible(gc())
  invisible(gc())
  expect_identical(unique(as.vector(w)), 60)
})
