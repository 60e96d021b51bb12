# Every entry point of the bridge runs once with R's garbage collector collecting at every
# allocation: an R object .NET forgot to protect would be freed and show up as wrong values.
test_that("every entry point works under gctorture", {
  gctorture(TRUE)
  on.exit(gctorture(FALSE))
  v <- keras_variable(array(as.double(1:6), c(2, 3)), name = "tortured")
  from_init <- keras_variable(initializer_ones(), shape = c(2, 2), dtype = "float32")
  from_string <- keras_variable("zeros", shape = c(2, 2))
  from_function <- keras_variable(function(shape, dtype) array(7, shape), shape = c(2, 2))
  shape <- unlist(v$shape)
  fields <- c(v$name, v$path, v$dtype, v$aggregation, v$synchronization)
  flags <- c(v$trainable, v$autocast)
  v$trainable <- FALSE
  v$assign(array(2, c(2, 3)))
  v$assign_add(array(1, c(2, 3)))
  value <- v$value
  value@r[1, ] <- 0
  v@r[2, 2:3] <- 9
  row <- as.array(v@r[2, ])
  header <- format(v)
  floatx <- config_floatx()
  counters <- kerasbridge_diagnostics()
  gctorture(FALSE)

  expect_identical(shape, c(2L, 3L))
  expect_identical(fields, c("tortured", "tortured", "float64", "none", "auto"))
  expect_identical(flags, c(TRUE, TRUE))
  expect_false(v$trainable)
  expect_identical(as.array(from_init), array(1, c(2, 2)))
  expect_identical(as.array(from_string), array(0, c(2, 2)))
  expect_identical(as.array(from_function), array(7, c(2, 2)))
  expect_identical(as.array(value), array(c(0, 3, 0, 3, 0, 3), c(2, 3)))
  expect_identical(row, array(c(3, 9, 9)))
  expect_match(header, "<Variable path=tortured, shape=(2, 3), dtype=float64>", fixed = TRUE)
  expect_identical(floatx, "float32")
  expect_named(counters, c("live_handles", "live_tensor_bytes", "protected", "queued_releases"))
})

test_that("objects dropped by R release their .NET handles and protections", {
  gc()
  before <- kerasbridge_diagnostics()
  for (i in 1:200) {
    v <- keras_variable(array(1, c(2, 2)))
    v$assign(v$value)
  }
  rm(v)
  gc()
  after <- kerasbridge_diagnostics()
  expect_lte(after$live_handles, before$live_handles + 5)
  expect_lte(after$protected, before$protected + 5)
})
