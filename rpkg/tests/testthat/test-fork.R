# Forked children (package parallel) never endanger the parent session: each case runs in a
# child R process, forks there, and must end normally with the parent still using the engine.
fork_case <- function(case) {
  child <- run_child("fork", case, timeout = 120)
  lines <- strsplit(child$stdout, "\n")[[1]]
  expect_equal(child$status, 0, info = child$stderr)
  expect_true("alive" %in% trimws(lines), info = child$stderr)
  expect_identical(child_value(lines, "parent"), "8")
  lines
}

test_that("mclapply() in a session that loaded the package but made no object leaves the parent working", {
  lines <- fork_case("mclapply-before-any-object")
  expect_identical(unique(grep("^squares", lines, value = TRUE)), "squares 1 4 9 16 ")
})

test_that("forks before the engine's first use refuse it in the child, survive pskill() and leave the parent working", {
  lines <- fork_case("before-first-use")
  expect_identical(child_value(lines, "child-classes"), "forked_child_error kerasbridge_error error condition")
  expect_length(grep("^killed 1", lines), 20)
})

test_that("mclapply() after variables were made leaves the parent working, five times over", {
  lines <- fork_case("mclapply")
  expect_length(grep("^squares 1 4 9 16", lines), 5)
})

test_that("mcparallel() children read variables made before the fork and mccollect() gets the values", {
  lines <- fork_case("mcparallel")
  expect_length(grep("^collected 21 kernel", lines), 5)
})

test_that("pskill() of an mcparallel() child, however soon, does not kill the parent", {
  lines <- fork_case("pskill")
  expect_length(grep("^killed 1", lines), 20)
})

test_that("makeForkCluster() workers read variables and are refused the engine with a clear error", {
  lines <- fork_case("fork-cluster")
  expect_identical(child_value(lines, "read"), "1 2")
  expect_identical(child_value(lines, "refused"), "TRUE")
})

test_that("using the engine in a forked child is a classed error and the child exits normally", {
  lines <- fork_case("engine-in-child")
  expect_identical(child_value(lines, "classes"), "forked_child_error kerasbridge_error error condition")
  expect_identical(child_value(lines, "child-error"), "try-error")
})

test_that("a forked child reads tensors and variables of every dtype exactly as the parent does", {
  lines <- fork_case("reads-in-child")
  same <- grep("^same-", lines, value = TRUE)
  expect_length(same, 15)
  expect_true(all(grepl(" TRUE $", same)), info = paste(same, collapse = "\n"))
})

test_that("tensors and variables a forked child returns come back working, as the parent has them", {
  lines <- fork_case("returned-from-child")
  back <- grep("^back-", lines, value = TRUE)
  expect_length(back, 17)
  expect_true(all(grepl(" TRUE $", back)), info = paste(back, collapse = "\n"))
  expect_identical(child_value(lines, "independent"), "TRUE")
})

test_that("a forked child reads large tensors, of 400 KB and of 40 MB (on huge pages), exactly as the parent does", {
  lines <- fork_case("reads-large-in-child")
  expect_identical(child_value(lines, "same-100000"), "TRUE")
  expect_identical(child_value(lines, "same-10000000"), "TRUE")
})

test_that("a forked child reads a large transpose made, not yet read, before the fork", {
  lines <- fork_case("reads-transpose-in-child")
  expect_identical(child_value(lines, "same-transpose"), "TRUE")
})

test_that("a PSOCK cluster whose workers load the package uses the engine in each worker", {
  cl <- parallel::makePSOCKcluster(2)
  on.exit(parallel::stopCluster(cl))
  parallel::clusterCall(cl, .libPaths, .libPaths())
  parallel::clusterEvalQ(cl, library(kerasbridge))
  sums <- parallel::parLapply(cl, 1:4, function(i) {
    v <- keras_variable(array(i, c(2, 2)), dtype = "float32")
    v$assign_add(array(1, c(2, 2)))
    sum(as.array(v))
  })
  expect_identical(unlist(sums), c(8, 12, 16, 20))
})

test_that("callr::r() runs engine code in a new R process", {
  skip_if_not_installed("callr")
  result <- callr::r(function() {
    library(kerasbridge)
    v <- keras_variable(array(1:4, c(2, 2)))
    v$assign(v$value * 2L)
    as.array(v)
  }, libpath = .libPaths())
  expect_identical(result, array(c(2L, 4L, 6L, 8L), c(2, 2)))
})

test_that("programs R starts do not inherit SIGPIPE ignored from the .NET runtime: a pipeline into head ends", {
  invisible(op_add(1, 1))
  skip_if_not(file.exists("/proc/self/status"), "no /proc to read a process's ignored signals")
  ignored <- sub("^SigIgn:\\s*", "", system("grep SigIgn /proc/self/status", intern = TRUE))
  sigpipe_bit <- bitwAnd(strtoi(substring(ignored, nchar(ignored) - 3L), 16L), 0x1000L)
  expect_identical(sigpipe_bit, 0L)
  expect_identical(system2("sh", c("-c", shQuote("yes | head -n 1")), stdout = TRUE, timeout = 20), "y")
})
