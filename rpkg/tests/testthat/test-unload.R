# Unloading and loading the package again never crashes, and objects made before the unload
# give a classed error instead of another object's data. Each way runs in a child R process.
unload_case <- function(way) {
  child <- run_child("unload", way, timeout = 120)
  expect_equal(child$status, 0, info = child$stderr)
  lines <- strsplit(child$stdout, "\n")[[1]]
  expect_true("alive" %in% trimws(lines), info = child$stderr)
  expect_identical(child_value(lines, "loaded-from"), "TRUE")
  for (key in c("old-variable", "old-tensor", "old-initializer", "old-assign", "new-from-old-value"))
    expect_identical(child_value(lines, key), "value_error", info = key)
  expect_identical(child_value(lines, "old-message"), "TRUE")
  expect_identical(child_value(lines, "old-prints"), "TRUE")
  expect_identical(child_value(lines, "old-seed-generator"), "TRUE")
  # The first load's exit finalizer, whose routine went with its DLL, stays quiet as R quits.
  expect_false(grepl("Error", child$stderr), info = child$stderr)
  expect_identical(child_value(lines, "new-variable"), "after 5 6 7 8")
  expect_identical(child_value(lines, "new-still"), "26")
  lines
}

test_that("detach(unload = TRUE), gc() and library() again: old objects are a classed error, new ones work", {
  unload_case("detach")
})

test_that("pkgload::unload() (as devtools does), gc() and library() again are safe", {
  skip_if_not_installed("pkgload")
  unload_case("pkgload")
})

test_that("library.dynam.unload() leaves calls a plain R error, and a reload after it is safe", {
  lines <- unload_case("dynam")
  expect_identical(child_value(lines, "after-dynam-unload"), "simpleError")
})

test_that("a second copy of the package from another library reuses the running engine and never mixes objects", {
  unload_case("other-library")
})
