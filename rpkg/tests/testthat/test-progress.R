# Long engine work shows a progress bar on R's console, as R's cli package shows them: in
# interactive sessions after cli.progress_show_after seconds, off with
# options(kerasbridge.progress = FALSE) or with keras3's interactive logging disabled, and in
# other sessions only if that option is TRUE.

progress_run <- function(how) {
  result <- run_child("progress", how)
  expect_identical(result$status, 0L, info = result$stderr)
  expect_match(result$stdout, "done 4e+07", fixed = TRUE)
  result$stderr
}

test_that("with kerasbridge.progress = TRUE long work draws a bar and clears it", {
  messages <- progress_run("on")
  expect_match(messages, "\\r\\[=*>? *\\] +[0-9]+% \\| [0-9]+s")
  expect_match(messages, "\\r +\\r$")
})

test_that("a session that is not interactive shows no bar by default", {
  expect_false(grepl("%", progress_run("default"), fixed = TRUE))
})

test_that("kerasbridge.progress = FALSE turns the bar off", {
  expect_false(grepl("%", progress_run("off"), fixed = TRUE))
})

test_that("disabling interactive logging turns the bar off", {
  expect_false(grepl("%", progress_run("quiet"), fixed = TRUE))
})
