# Asking for more memory than there is gives a memory_error in NumPy's words, not an abort: for
# tensors no .NET array can hold, for tensors beyond .NET's memory, and for R arrays beyond R's.
test_that("a tensor larger than any .NET array is a memory_error saying what was asked for", {
  expect_bridge_error(keras_variable("zeros", shape = c(1e6, 1e6)), "memory_error",
                      "Unable to allocate 3.64 TiB for an array with shape (1000000, 1000000) and data type float32", fixed = TRUE)
  expect_bridge_error(keras_variable("zeros", shape = 1e11, dtype = "float32"), "memory_error",
                      "Unable to allocate 373. GiB for an array with shape (100000000000,) and data type float32", fixed = TRUE)
})

test_that("a tensor beyond the memory R may use is a memory_error in NumPy's words with R's reason, and the session goes on", {
  skip_if_not_installed("processx")
  # Large tensors live in R's memory when R runs the engine, so R's own limit applies to them.
  child <- run_child("memory")
  expect_equal(child$status, 0, info = child$stderr)
  lines <- strsplit(child$stdout, "\n")[[1]]
  for (case in c("zeros", "random")) {
    expect_match(child_value(lines, case),
                 "^memory_error Unable to allocate 763. MiB for an array with shape \\(10000, 10000, 2\\) and data type float32: .*vector memory")
  }
  expect_match(child_value(lines, "from_r"),
               "^memory_error Unable to allocate 763. MiB for an array with shape \\(10000, 10000\\) and data type float64: .*vector memory")
  expect_equal(child_value(lines, "usable"), "TRUE")
})

test_that("arrays beyond the process's data limit are memory_errors before anything is allocated, and the session goes on", {
  skip_if_not_installed("processx")
  skip_on_os(c("windows", "mac"))
  # ulimit -d in kilobytes: 3 GB, far below the machine's memory.
  child <- processx::run("bash", c("-c", sprintf("ulimit -d 3000000; exec '%s' --vanilla '%s'", rscript(), child_script("data_limit"))),
                         env = child_env(character()), error_on_status = FALSE, timeout = 60)
  expect_equal(child$status, 0, info = child$stderr)
  lines <- strsplit(child$stdout, "\n")[[1]]
  for (case in c("bincount", "scatter", "pad", "categorical", "qr", "extract_sequences", "subset_indices", "take_indices", "compact_indices", "zero_indexed_indices"))
    expect_equal(child_value(lines, case), "memory_error", info = case)
  expect_equal(child_value(lines, "usable"), "TRUE")
})

test_that("an R array R cannot allocate is a memory_error, and the variable and session go on", {
  v <- keras_variable("ones", shape = 2e8, dtype = "float32")
  limit <- mem.maxVSize()
  # R takes no limit below its current collection trigger (the "gc trigger" column).
  mem.maxVSize(ceiling(gc()[2, 4]) + 100)
  on.exit(mem.maxVSize(limit))
  expect_bridge_error(as.array(v), "memory_error",
                      "Unable to allocate 1.49 GiB for an R double array with shape (200000000,): ", fixed = TRUE)
  mem.maxVSize(limit)
  expect_identical(as.array(v@r[1:3]), array(1, 3))
})
