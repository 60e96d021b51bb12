test_that("an unknown initializer name is a value_error", {
  expect_bridge_error(keras_variable("nonsense"), "value_error", "Could not interpret initializer identifier: nonsense")
})

test_that("assigning a value of another shape is a value_error and leaves the variable unchanged", {
  v <- keras_variable(array(1, c(3, 3)))
  expect_bridge_error(v$assign(array(0, c(2, 2))), "value_error", "must match")
  expect_identical(as.array(v), array(1, c(3, 3)))
})

test_that("index 0 with @r is a value_error", {
  v <- keras_variable(array(1, c(3, 3)))
  value <- v$value
  expect_bridge_error(value@r[0, 1], "value_error", "Index 0")
})

test_that("a name with a slash is rejected with Keras's message", {
  expect_bridge_error(keras_variable(1, name = "a/b"), "value_error", "cannot contain character `/`. Received: name=a/b")
})

test_that("an initializer without a shape is rejected", {
  expect_bridge_error(keras_variable(initializer_ones()), "value_error", "`shape` argument should be specified")
})

test_that("a non-logical trainable is a type_error", {
  expect_bridge_error(keras_variable(1, trainable = NA), "type_error", "must be a boolean")
})

test_that("an unsupported initializer type is a type_error", {
  expect_bridge_error(keras_variable(quote(a_symbol)), "type_error", "initializer")
})

test_that("an initializer function returning the wrong shape is a value_error", {
  expect_bridge_error(keras_variable(function(shape, dtype) array(1, c(5, 5)), shape = c(2, 2)), "value_error", "shape")
})


test_that("the session keeps working after errors", {
  for (i in 1:20) try(keras_variable("nonsense"), silent = TRUE)
  expect_equal(keras_variable(array(1, c(2, 2)))$dtype, "float64")
})

test_that("an index out of bounds is an index_error", {
  v <- keras_variable(array(1, c(3, 3)))
  expect_bridge_error(v@r[5, 1], "index_error", "index 5 is out of bounds for axis 1 with size 3")
  expect_bridge_error(v@py[3, 0], "index_error", "index 3 is out of bounds for axis 0 with size 3")
})

test_that("another package's external pointer is refused, not read as an engine object", {
  foreign <- getDLLRegisteredRoutines("stats")$.Call[[1L]]$address
  v <- keras_variable(array(1, c(2, 2)))
  expect_bridge_error(keras_variable(foreign), "type_error", "kerasbridge object")
  expect_bridge_error(v$assign(foreign), "type_error", "kerasbridge object")
  expect_bridge_error(v + foreign, "type_error", "kerasbridge object")
  expect_equal(as.array(v), array(1, c(2, 2)))
})

test_that("an entry point the engine does not have is a value_error naming it", {
  expect_bridge_error(call_entry("no_such_entry"), "value_error", "no entry point named \"no_such_entry\"", fixed = TRUE)
})

test_that("an entry point named by anything but one string is a type_error", {
  expect_bridge_error(call_entry(3L), "type_error", "single string")
  expect_bridge_error(call_entry(c("config_floatx", "config_floatx")), "type_error", "single string")
  expect_bridge_error(call_entry(NA_character_), "type_error", "single string")
})

test_that("an entry point named by a string built at run time is found like a literal", {
  expect_identical(call_entry(paste0("config_", "floatx")), config_floatx())
})

test_that("the engine starts on its own thread while the package loads, and the first call waits for it", {
  child <- run_child("start")
  lines <- strsplit(child$stdout, "\n")[[1]]
  expect_identical(child_value(lines, "loaded"), "yes")
  expect_identical(child_value(lines, "first"), "10")
  expect_true("alive" %in% trimws(lines), info = child$stderr)
})

test_that("the runtime has finished starting when loadNamespace() returns, and its hook is gone", {
  skip_if_not(dir.exists("/proc/self/task"), "no /proc to list the threads")
  child <- run_child("start_ended")
  lines <- strsplit(child$stdout, "\n")[[1]]
  expect_identical(child_value(lines, "starting_in_user_hook"), "0")
  expect_identical(child_value(lines, "starting_after_load"), "0")
  expect_identical(child_value(lines, "hooks_after_load"), "1")
  expect_identical(child_value(lines, "starting_after_attach"), "0")
  expect_identical(child_value(lines, "first"), "10")
  expect_true("alive" %in% trimws(lines), info = child$stderr)
})

test_that("an overflow of R's C stack in code that does not check it is R's error, and the session goes on", {
  # .NET's own SIGSEGV handler would end the process ("Stack overflow."), as it did before the
  # package routed such faults back to R's handler.
  child <- run_interactive_child("c_stack_overflow", timeout = 120)
  expect_equal(child$status, 0, info = child$stderr)
  expect_identical(lengths(regmatches(child$stderr, gregexpr("segfault from C stack overflow", child$stderr, fixed = TRUE))), 2L)
  lines <- trimws(strsplit(child$stdout, "\n")[[1]])
  expect_identical(grep("^alive", lines, value = TRUE), c("alive 2 3", "alive 3 4"))
  # The signals R's thread blocks are those it blocked before: R's jump keeps the mask.
  blocked <- strsplit(grep("^blocked ", lines, value = TRUE), " ")[[1]]
  expect_identical(blocked[[3]], blocked[[2]])
})

test_that("a runtime that cannot start under an address-space limit says so, and the session goes on", {
  skip_if_not(nzchar(Sys.which("bash")), "no bash to set ulimit -v")
  child <- processx::run("bash", c("-c", paste("ulimit -v 1500000; exec", shQuote(rscript()), "--vanilla", shQuote(child_script("start")))),
                         env = child_env(character()), error_on_status = FALSE, timeout = 60)
  lines <- strsplit(child$stdout, "\n")[[1]]
  expect_match(child_value(lines, "first"), "^runtime_error .*address space is limited to 1464 MB \\(ulimit -v\\)")
  expect_identical(child_value(lines, "again"), child_value(lines, "first"))
  expect_true("alive" %in% trimws(lines), info = child$stderr)
})

test_that("an interrupt while the package registers with the engine at its first use is made good at the next use", {
  child <- run_child("registration_interrupted")
  lines <- strsplit(child$stdout, "\n")[[1]]
  expect_identical(child_value(lines, "first"), "simpleError", info = child$stderr)
  expect_identical(child_value(lines, "later"), "kerasbridge_variable 2 3", info = child$stderr)
})

test_that("a runtime that cannot start is a classed error at every use, and the session goes on", {
  dotnet <- Sys.which("dotnet")
  skip_if_not(nzchar(dotnet), "no dotnet on the PATH")
  host <- file.path(dirname(normalizePath(dotnet)), "host")
  skip_if_not(dir.exists(host), "no hostfxr beside dotnet")
  # A .NET root with hostfxr and an empty runtime folder: found, but it cannot start.
  root <- tempfile("dotnet-root")
  on.exit(unlink(root, recursive = TRUE), add = TRUE)
  dir.create(file.path(root, "shared", "Microsoft.NETCore.App", "10.0.99"), recursive = TRUE)
  file.symlink(host, file.path(root, "host"))
  child <- run_child("start", env = c(DOTNET_ROOT = root))
  lines <- strsplit(child$stdout, "\n")[[1]]
  expect_identical(child_value(lines, "loaded"), "yes")
  expect_match(child_value(lines, "first"), "^runtime_error kerasbridge needs the .NET 10 runtime")
  expect_identical(child_value(lines, "again"), child_value(lines, "first"))
  expect_true("alive" %in% trimws(lines), info = child$stderr)
})

test_that("an error naming a tensor or variable argument calls it by its R class, not by the engine's pointer", {
  expect_error(save_variables(keras_variable(1), tempfile(fileext = ".npz")), class = "value_error",
               regexp = "Received: x=<kerasbridge_variable>", fixed = TRUE)
})

test_that("an error names the call the user made to the package, not the helper that found the problem", {
  err <- tryCatch(op_one_hot(c(1, 2), 3, axis = 0), error = identity)
  expect_identical(conditionCall(err)[[1]], quote(op_one_hot))
  wrapper <- function(x) op_add(x, "a")
  err <- tryCatch(wrapper(1), error = identity)
  expect_identical(conditionCall(err), quote(op_add(x, "a")))
  err <- tryCatch(op_map(op_ones(2), function(e) op_reshape(e, c(3, 3))), error = identity)
  expect_identical(conditionCall(err), quote(op_reshape(e, c(3, 3))))
  err <- tryCatch(with_name_scope("block", { a <- 1; op_add(a, "x") }), error = identity)
  expect_identical(conditionCall(err), quote(op_add(a, "x")))
  err <- tryCatch(with_stateless_scope(op_add(1, "x")), error = identity)
  expect_identical(conditionCall(err), quote(op_add(1, "x")))
})
