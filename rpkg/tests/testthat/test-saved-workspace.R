# R's serialization version 2 writes no ALTREP object, so kerasbridge objects saved with it carry
# no saved state (test-serialization.R covers R's default, version 3): restored from a saved
# workspace (load) or a file (readRDS), their pointer is NULL. Every use is a clear error, never
# a crash; printing says what they are, and describing tools see an empty object.
saved <- local({
  v <- keras_variable(array(1, c(2, 2)), name = "saved")
  t <- v$value
  init <- initializer_ones()
  rds <- tempfile(fileext = ".rds")
  saveRDS(v, rds, version = 2)
  rdata <- tempfile(fileext = ".RData")
  save(v, t, init, file = rdata, version = 2)
  list(v = v, rds = rds, rdata = rdata)
})

restored_rdata <- local({
  env <- new.env()
  load(saved$rdata, envir = env)
  env
})

restored_variables <- list("readRDS()" = readRDS(saved$rds), "load()" = restored_rdata$v)
previous_session <- "from a previous session"

for (how in names(restored_variables)) {
  restored <- restored_variables[[how]]

  test_that(sprintf("a variable restored by %s prints as one from a previous session", how), {
    expect_output(print(restored), "<Variable from a previous session: its data did not survive; recreate it in this session>", fixed = TRUE)
    expect_output(str(restored), "from a previous session", fixed = TRUE)
  })

  test_that(sprintf("a variable restored by %s has no dim and length 0, for tools that describe objects", how), {
    expect_null(dim(restored))
    expect_identical(length(restored), 0L)
    expect_type(deparse(as.call(list(as.name("f"), restored))), "character")
  })

  test_that(sprintf("reading a variable restored by %s is a value_error", how), {
    expect_bridge_error(restored$value, "value_error", previous_session)
    expect_bridge_error(restored$shape, "value_error", previous_session)
    expect_bridge_error(restored$name, "value_error", previous_session)
    expect_bridge_error(as.array(restored), "value_error", previous_session)
    expect_bridge_error(restored$numpy(), "value_error", previous_session)
    expect_bridge_error(restored@r[1, 1], "value_error", previous_session)
    expect_bridge_error(restored@py[0, 0], "value_error", previous_session)
    expect_bridge_error(op_subset(restored, 1, 1), "value_error", previous_session)
  })

  test_that(sprintf("changing a variable restored by %s is a value_error", how), {
    expect_bridge_error(restored$assign(array(2, c(2, 2))), "value_error", previous_session)
    expect_bridge_error(restored$assign_add(array(2, c(2, 2))), "value_error", previous_session)
    expect_bridge_error(restored@r[1, 1] <- 5, "value_error", previous_session)
    expect_bridge_error(restored$trainable <- FALSE, "value_error", previous_session)
  })

  test_that(sprintf("operators on a variable restored by %s are value_errors", how), {
    expect_bridge_error(restored + 1, "value_error", previous_session)
    expect_bridge_error(-restored, "value_error", previous_session)
    expect_bridge_error(restored %*% array(1, c(2, 2)), "value_error", previous_session)
    expect_bridge_error(abs(restored), "value_error", previous_session)
  })
}

test_that("a tensor restored by load() prints as one and cannot be used", {
  expect_output(print(restored_rdata$t), "<Tensor from a previous session", fixed = TRUE)
  expect_bridge_error(as.array(restored_rdata$t), "value_error", previous_session)
  expect_bridge_error(keras_variable(restored_rdata$t), "value_error", previous_session)
  expect_bridge_error(saved$v$assign(restored_rdata$t), "value_error", previous_session)
})

test_that("an initializer restored by load() prints as one and cannot be called", {
  expect_output(print(restored_rdata$init), "<Initializer from a previous session", fixed = TRUE)
  expect_bridge_error(restored_rdata$init(c(2, 2)), "value_error", previous_session)
  expect_bridge_error(keras_variable(restored_rdata$init, shape = c(2, 2)), "value_error", previous_session)
})

test_that("the live variable that was saved is untouched by all this", {
  expect_identical(as.array(saved$v), array(1, c(2, 2)))
})
