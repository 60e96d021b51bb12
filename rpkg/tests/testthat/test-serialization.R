# R's own serialization (saveRDS/readRDS, save/load, serialize/unserialize) gives back working
# kerasbridge objects, in a new R process as in this one. Version 2 streams, which carry no
# saved state, are covered by test-saved-workspace.R.

# Saves `objects` with `check` (run on the objects read back) and reads them in a fresh Rscript;
# gives the check's results as a named logical vector.
restored_in_new_process <- function(objects, check, how = c("rds", "RData")) {
  how <- match.arg(how)
  environment(check) <- globalenv()
  path <- tempfile(fileext = paste0(".", how))
  on.exit(unlink(path))
  if (how == "rds") saveRDS(list(objects = objects, check = check), path)
  else save(objects, check, file = path)
  result <- run_child("restore", path)
  expect_identical(result$status, 0L, info = result$stderr)
  lines <- strsplit(trimws(strsplit(result$stdout, "\n")[[1]]), " ")
  stats::setNames(vapply(lines, function(l) identical(l[[2]], "TRUE"), logical(1)), vapply(lines, `[[`, "", 1))
}

all_dtypes <- c("float16", "bfloat16", "float32", "float64", "int8", "int16", "int32", "int64",
                "uint8", "uint16", "uint32", "uint64", "bool", "complex64", "complex128")

values_of <- function(dtype) {
  switch(dtype,
    bool = array(c(TRUE, FALSE, TRUE, TRUE, FALSE, FALSE), c(2, 3)),
    complex64 = , complex128 = array(complex(real = c(1.5, -0, NaN, Inf, 2, -3), imaginary = c(0, 1, -1, NaN, 2.5, 0)), c(2, 3)),
    uint8 = , uint16 = , uint32 = , uint64 = array(c(0, 1, 2, 100, 200, 255), c(2, 3)),
    int8 = , int16 = , int32 = array(c(-128, 0, 1, 127, -5, 42), c(2, 3)),
    int64 = array(c(-2^53, 0, 1, 2^53, -5, 42), c(2, 3)),
    array(c(1.5, -0, NaN, Inf, -Inf, NA), c(2, 3)))
}

test_that("tensors of every dtype read back in a new process bit for bit", {
  tensors <- lapply(all_dtypes, function(d) op_cast(op_array(values_of(d)), d))
  names(tensors) <- all_dtypes
  expected <- lapply(tensors, as.array)
  check <- function(objects) {
    vapply(names(objects$tensors), function(d) {
      t <- objects$tensors[[d]]
      identical(t$dtype, d) && identical(as.array(t), objects$expected[[d]], num.eq = FALSE)
    }, logical(1))
  }
  results <- restored_in_new_process(list(tensors = tensors, expected = expected), check)
  expect_identical(results[all_dtypes], stats::setNames(rep(TRUE, 15), all_dtypes))
})

test_that("R's NA, NaN and -0 survive in a float64 tensor", {
  x <- op_array(c(NA, NaN, -0, 0))
  back <- unserialize(serialize(x, NULL))
  expect_true(identical(as.array(back), as.array(x), num.eq = FALSE))
  expect_identical(1 / as.array(back)[3], -Inf)
})

test_that("readRDS in a new process loads kerasbridge without attaching it", {
  results <- restored_in_new_process(list(op_ones(2)), function(objects) c(ones = identical(as.array(objects[[1]]), array(c(1, 1)))))
  expect_true(results[["ones"]])
  expect_false(results[["attached"]])
})

test_that("a variable keeps its value, dtype, shape, name, path and options", {
  v <- with(keras$name_scope("dense"),
            keras_variable(array(1:6, c(2, 3)), dtype = "float32", name = "kernel", trainable = FALSE,
                           autocast = FALSE, aggregation = "sum", synchronization = "on_read"))
  check <- function(objects) {
    v <- objects$v
    c(class = inherits(v, "kerasbridge_variable"), value = identical(as.array(v), array(as.double(1:6), c(2, 3))),
      dtype = identical(v$dtype, "float32"), shape = identical(unlist(v$shape), c(2L, 3L)),
      name = identical(v$name, "kernel"), path = identical(v$path, "dense/kernel"),
      trainable = identical(v$trainable, FALSE), autocast = identical(v$autocast, FALSE),
      aggregation = identical(v$aggregation, "sum"), synchronization = identical(v$synchronization, "on_read"),
      assignable = { v$assign(array(0, c(2, 3))); identical(sum(as.array(v)), 0) })
  }
  results <- restored_in_new_process(list(v = v), check)
  expect_true(all(results[setdiff(names(results), "attached")]))
  expect_length(results, 12)
})

test_that("save() and load() of a workspace restore tensors and variables", {
  check <- function(objects) c(tensor = identical(as.array(objects$t), array(c(2, 4))),
                               variable = identical(as.array(objects$v + 1), array(c(4, 6))))
  results <- restored_in_new_process(list(t = op_array(c(2, 4)), v = keras_variable(c(3, 5))), check, how = "RData")
  expect_true(results[["tensor"]])
  expect_true(results[["variable"]])
})

test_that("initializers come back with their config and give the same values", {
  seeded <- initializer_random_normal(stddev = 0.1, seed = 42)
  unseeded <- initializer_glorot_uniform()
  expected <- list(seeded = as.array(seeded(c(3, 3))), unseeded = as.array(unseeded(c(3, 3))),
                   config = get_config(initializer_constant(2.5)))
  check <- function(objects) {
    c(seeded = identical(as.array(objects$seeded(c(3, 3))), objects$expected$seeded),
      unseeded = identical(as.array(objects$unseeded(c(3, 3))), objects$expected$unseeded),
      config = identical(kerasbridge::get_config(objects$constant), objects$expected$config),
      usable = identical(dim(as.array(kerasbridge::keras_variable(objects$constant, shape = c(2, 2)))), c(2L, 2L)))
  }
  results <- restored_in_new_process(list(seeded = seeded, unseeded = unseeded, constant = initializer_constant(2.5),
                                          expected = expected), check)
  expect_true(all(results[c("seeded", "unseeded", "config", "usable")]))
})

test_that("an unseeded initializer comes back unseeded: its config has no seed, and a clone from it draws anew", {
  unseeded <- initializer_random_normal()
  back <- unserialize(serialize(unseeded, NULL))
  expect_null(get_config(back)$seed)
  expect_identical(as.array(back(3)), as.array(unseeded(3)))
  expect_false(identical(as.array(from_config(get_config(back))(3)), as.array(back(3))))
  expect_identical(get_config(unserialize(serialize(initializer_random_normal(seed = 5), NULL)))$seed, 5L)
})

test_that("a seed generator comes back with its state and draws on from it", {
  gen <- random_seed_generator(7, name = "gen")
  random_uniform(2, seed = gen)
  back <- unserialize(serialize(gen, NULL))
  expect_identical(as.array(back$state), as.array(gen$state))
  expect_identical(back$name, "gen")
  expect_identical(as.array(random_uniform(3, seed = back)), as.array(random_uniform(3, seed = gen)))
})

test_that("shapes come back identical", {
  s <- shape(NULL, 28, 3)
  expect_identical(unserialize(serialize(s, NULL)), s)
})

test_that("unserialize in the same session gives an independent variable", {
  v <- keras_variable(array(1, c(2, 2)))
  copy <- unserialize(serialize(v, NULL))
  copy$assign(array(5, c(2, 2)))
  expect_identical(as.array(v), array(1, c(2, 2)))
  expect_identical(as.array(copy), array(5, c(2, 2)))
  v$assign_add(array(1, c(2, 2)))
  expect_identical(as.array(copy), array(5, c(2, 2)))
})

test_that("an object written twice in one stream comes back as one object", {
  v <- keras_variable(c(1, 2))
  back <- unserialize(serialize(list(v, v, list(v)), NULL))
  back[[1]]$assign(c(7, 8))
  expect_identical(as.array(back[[2]]), array(c(7, 8)))
  expect_identical(as.array(back[[3]][[1]]), array(c(7, 8)))
})

test_that("a variable's value and indexers work after unserialize", {
  v <- unserialize(serialize(keras_variable(array(1:12, c(3, 4))), NULL))
  expect_identical(as.array(v@r[2, ]), array(c(2L, 5L, 8L, 11L)))
  v@r[1, 1] <- 100L
  expect_identical(as.array(v$value)[1, 1], 100L)
})

test_that("a large tensor's data is written once", {
  x <- op_array(array(as.double(seq_len(1e6)), c(1000, 1000)))
  bytes <- length(serialize(x, NULL))
  expect_gt(bytes, 8e6)
  expect_lt(bytes, 8e6 + 1e5)
  v <- keras_variable(x)
  expect_lt(length(serialize(v, NULL)), 8e6 + 1e5)
  expect_identical(as.array(unserialize(serialize(v, NULL))), as.array(x))
})

# The stream holds the saved state's fields as R values: these find one and change it.
replace_bytes <- function(stream, from, to) {
  at <- which(vapply(seq_len(length(stream) - length(from) + 1), function(i) all(stream[i:(i + length(from) - 1)] == from), logical(1)))
  expect_length(at, 1)
  stream[at:(at + length(from) - 1)] <- to
  stream
}

string_bytes <- function(s) c(as.raw(c(0, 0, 0, nchar(s))), charToRaw(s))

test_that("a state of a later format is a value_error saying to update kerasbridge", {
  stream <- serialize(op_array(c(1, 2)), NULL, xdr = TRUE)
  # format = 1L: an integer vector (type 13) of length 1 holding 1, then kind = "tensor".
  format_one <- as.raw(c(0, 0, 0, 13, 0, 0, 0, 1, 0, 0, 0, 1))
  stream <- replace_bytes(stream, format_one, as.raw(c(0, 0, 0, 13, 0, 0, 0, 1, 0, 0, 0, 99)))
  expect_bridge_error(unserialize(stream), "value_error", "saved in format 99, by a later version of kerasbridge")
})

test_that("a damaged state is a value_error and the session keeps working", {
  stream <- serialize(op_array(c(1, 2)), NULL, xdr = TRUE)
  stream <- replace_bytes(stream, string_bytes("tensor"), string_bytes("tensoR"))
  expect_bridge_error(unserialize(stream), "value_error", "saved state is damaged")
  expect_identical(as.array(op_array(c(1, 2)) + 1), array(c(2, 3)))
})

test_that("a saved pair whose pointer is gone is a classed value_error, raised by the C code that reads it", {
  stream <- rawToChar(serialize(op_array(c(1.5, 2.5)), NULL, ascii = TRUE))
  # The pair (a list, type 19, of two) holds the object's pointer, a reference (767), then its
  # state; the pointer becomes NULL (254).
  no_pointer <- sub("\n19\n2\n767\n531\n", "\n19\n2\n254\n531\n", stream, fixed = TRUE)
  skip_if(identical(no_pointer, stream), "this R writes the saved pair otherwise")
  expect_bridge_error(unserialize(charToRaw(no_pointer)), "value_error", "saved state of a kerasbridge object is damaged")
  expect_identical(as.array(op_array(c(1, 2)) + 1), array(c(2, 3)))
})

test_that("a file saved by kerasbridge 0.1.0 (saved state format 1) still loads", {
  # Written on 2026-12-04 by:
  #   set_random_seed(1)
  #   saveRDS(list(t = op_array(array(c(1.5, NA, -0, NaN, 2, 3), c(2, 3)), dtype = "float32"),
  #                v = with(keras$name_scope("block"), keras_variable(array(1:4, c(2, 2)), name = "w", trainable = FALSE)),
  #                init = initializer_constant(3), gen = random_seed_generator(5, name = "g")),
  #           "saved-format-1.rds")
  saved <- readRDS(test_path("fixtures", "saved-format-1.rds"))
  expect_identical(saved$t$dtype, "float32")
  expect_identical(as.array(saved$t), array(c(1.5, NaN, 0, NaN, 2, 3), c(2, 3)))
  expect_identical(as.array(saved$v), array(1:4, c(2, 2)))
  expect_identical(saved$v$path, "block/w")
  expect_false(saved$v$trainable)
  expect_identical(as.array(saved$init(2)), array(c(3, 3)))
  expect_identical(as.array(saved$gen$state), array(c(5, 0)))
})

test_that("tensors travel to socket-cluster workers and back", {
  cluster <- parallel::makePSOCKcluster(1)
  on.exit(parallel::stopCluster(cluster))
  parallel::clusterCall(cluster, .libPaths, .libPaths())
  x <- op_array(array(1:6, c(2, 3)), dtype = "float32")
  back <- parallel::clusterCall(cluster, function(t) kerasbridge::op_multiply(t, 2), x)[[1]]
  expect_identical(back$dtype, "float32")
  expect_identical(as.array(back), array(as.double(1:6) * 2, c(2, 3)))
})

test_that("a state whose names or config are of the wrong type is a classed error and the session keeps working", {
  stream <- rawToChar(serialize(op_array(c(1.5, 2.5)), NULL, ascii = TRUE))
  # The record's names, a character vector (type 16) of five strings, become integers 1 to 5.
  names_as_integers <- sub("names\n16\n5\n262153\n6\nformat\n262153\n4\nkind\n262153\n5\ndtype\n262153\n5\nshape\n262153\n4\ndata",
                           "names\n13\n5\n1\n2\n3\n4\n5", stream, fixed = TRUE)
  expect_false(identical(names_as_integers, stream))
  expect_bridge_error(unserialize(charToRaw(names_as_integers)), "value_error", "damaged")
  init_stream <- rawToChar(serialize(initializer_ones(), NULL, ascii = TRUE))
  # Ones' config, an empty named list, becomes the integer vector c(a = 5L).
  config_as_integer <- sub("531\n0\n1026\n1\n262153\n5\nnames\n16\n0\n254",
                           "525\n1\n5\n1026\n1\n262153\n5\nnames\n16\n1\n262153\n1\na\n254", init_stream, fixed = TRUE)
  expect_false(identical(config_as_integer, init_stream))
  expect_bridge_error(unserialize(charToRaw(config_as_integer)), "type_error", "named list")
  for (i in 1:50) x <- op_array(runif(5e4)) + 1
  expect_identical(dim(as.array(x)), 50000L)
})

test_that("an object that cannot be saved warns and the rest of the workspace is saved", {
  scope <- stateless_scope(initialize_variables = FALSE)
  w <- NULL
  with(scope, w <- keras_variable(initializer_ones(), shape = 2))
  t <- op_array(c(1, 2))
  path <- tempfile(fileext = ".RData")
  on.exit(unlink(path))
  expect_warning(save(w, t, file = path), "not initialized yet")
  restored <- new.env()
  load(path, envir = restored)
  expect_identical(as.array(restored$t), array(c(1, 2)))
  expect_bridge_error(as.array(restored$w), "value_error", "previous session")
})

test_that("an initializer drawing from a seed generator keeps the generator's state", {
  gen <- random_seed_generator(1)
  init <- initializer_random_normal(seed = gen)
  init(3)
  copy <- unserialize(serialize(init, NULL))
  expect_identical(as.array(copy(3)), as.array(init(3)))
})

test_that("objects made before the package was unloaded and loaded again still serialize", {
  result <- run_child("unload-serialize")
  expect_identical(result$status, 0L, info = result$stderr)
  expect_match(result$stdout, "saved TRUE", fixed = TRUE)
  expect_match(result$stdout, "restored 2 3", fixed = TRUE)
})
