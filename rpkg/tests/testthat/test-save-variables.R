# save_variables() and load_variables(): weight files that NumPy, h5py and PyTorch read, with
# R's element order (R's w[i, j, k] is NumPy's w[i-1, j-1, k-1]).

formats <- c(".safetensors", ".npz", ".weights.h5")

weights_file <- function(ext) {
  path <- tempfile(fileext = ext)
  withr::defer(unlink(path), envir = parent.frame())
  path
}

# Runs Python code with Debian's NumPy and h5py (scripts/test installs them); skips when absent.
# Debian's python3 first: another one on the PATH (pyenv's, say) has not got Debian's modules.
python <- function(code, ...) {
  python3 <- if (file.exists("/usr/bin/python3")) "/usr/bin/python3" else Sys.which("python3")
  if (!nzchar(python3)) skip("python3 is not installed")
  probe <- processx::run(python3, c("-c", "import numpy, h5py"), error_on_status = FALSE)
  if (probe$status != 0) skip("NumPy or h5py is not installed for python3")
  script <- tempfile(fileext = ".py")
  on.exit(unlink(script))
  writeLines(code, script)
  result <- processx::run(python3, c(script, ...), error_on_status = FALSE)
  expect_identical(result$status, 0L, info = result$stderr)
  trimws(strsplit(result$stdout, "\n")[[1]])
}

sample_weights <- function() {
  list(kernel = keras_variable(array(as.double(1:24), c(2, 3, 4)), dtype = "float32", name = "kernel"),
       "dense/bias" = op_array(c(-1L, 0L, 1L), dtype = "int64"),
       scale = matrix(c(0.5, -0, NaN, Inf), 2),
       mask = array(c(TRUE, FALSE, TRUE), 3))
}

for (ext in formats) {
  test_that(sprintf("%s files give back names, order, dtypes, shapes and values", ext), {
    path <- weights_file(ext)
    weights <- sample_weights()
    expect_identical(save_variables(weights, path), path)
    loaded <- load_variables(path)
    # HDF5 lists a group's members by name; the other formats keep the order they were given in.
    if (ext == ".weights.h5") loaded <- loaded[names(weights)]
    expect_identical(names(loaded), names(weights))
    expect_true(all(vapply(loaded, function(t) inherits(t, "kerasbridge_tensor"), logical(1))))
    expect_identical(vapply(loaded, function(t) t$dtype, ""), c(kernel = "float32", "dense/bias" = "int64", scale = "float64", mask = "bool"))
    expect_identical(as.array(loaded$kernel), array(as.double(1:24), c(2, 3, 4)))
    expect_identical(as.array(loaded[["dense/bias"]]), array(c(-1, 0, 1)))
    expect_true(identical(as.array(loaded$scale), matrix(c(0.5, -0, NaN, Inf), 2), num.eq = FALSE))
    expect_identical(as.array(loaded$mask), array(c(TRUE, FALSE, TRUE)))
  })

  test_that(sprintf("%s files load into variables, shapes checked, all or nothing, dtypes converted as Keras assigns", ext), {
    path <- weights_file(ext)
    save_variables(list(w = array(as.double(1:6), c(2, 3)), b = array(c(1, 2))), path)
    w <- keras_variable(array(0, c(2, 3)))
    b <- keras_variable(array(0, 2))
    expect_identical(load_variables(path, variables = list(w = w, b = b)), list(w = w, b = b))
    expect_identical(as.array(w), array(as.double(1:6), c(2, 3)))
    expect_identical(as.array(b), array(c(1, 2)))

    w$assign(array(0, c(2, 3)))
    wrong_shape <- keras_variable(array(0, 3))
    expect_bridge_error(load_variables(path, variables = list(w = w, b = wrong_shape)), "value_error", "cannot be loaded into its variable")
    expect_identical(as.array(w), array(0, c(2, 3)))
    other_dtype <- keras_variable(array(0L, 2), dtype = "int16")
    load_variables(path, variables = list(b = other_dtype))
    expect_identical(other_dtype$dtype, "int16")
    expect_identical(as.array(other_dtype), array(c(1L, 2L)))
    expect_bridge_error(load_variables(path, variables = list(w = w, missing = b)), "value_error", "missing")
    expect_identical(as.array(w), array(0, c(2, 3)))
  })
}

test_that("NumPy reads .npz and .npy files with R's element positions", {
  path <- weights_file(".npz")
  w <- array(as.double(1:24), c(2, 3, 4))
  save_variables(list(w = w, i = array(1:6, c(3, 2))), path)
  out <- python(c("import sys, numpy as np",
                  "f = np.load(sys.argv[1])",
                  "print(f['w'].shape, f['w'].dtype, f['w'][1, 2, 3], f['w'][0, 1, 2])",
                  "print(f['i'].shape, f['i'].dtype, f['i'][2, 1])"), path)
  expect_identical(out[[1]], sprintf("(2, 3, 4) float64 %s %s", format(w[2, 3, 4], nsmall = 1), format(w[1, 2, 3], nsmall = 1)))
  expect_identical(out[[2]], "(3, 2) int32 6")

  single <- weights_file(".npy")
  save_variables(list(w = w), single)
  expect_identical(python(c("import sys, numpy as np", "a = np.load(sys.argv[1])", "print(a.shape, a[1, 0, 3])"), single),
                   sprintf("(2, 3, 4) %s", format(w[2, 1, 4], nsmall = 1)))
})

test_that("h5py sees a .weights.h5 file laid out as Keras's, with R's element positions", {
  path <- weights_file(".weights.h5")
  w <- array(as.double(1:6), c(2, 3))
  save_variables(list("dense/kernel" = keras_variable(w, dtype = "float32")), path)
  out <- python(c("import sys, h5py",
                  "f = h5py.File(sys.argv[1], 'r')",
                  "d = f['dense/vars/kernel']",
                  "print(d.shape, d.dtype, d[1, 2], d[0, 1])"), path)
  expect_identical(out, sprintf("(2, 3) float32 %s %s", format(w[2, 3], nsmall = 1), format(w[1, 2], nsmall = 1)))
})

test_that("a .safetensors file has the header the specification gives, data in C order", {
  path <- weights_file(".safetensors")
  w <- array(as.double(1:6), c(2, 3))
  save_variables(list(w = keras_variable(w, dtype = "float32")), path)
  out <- python(c("import sys, json, struct, numpy as np",
                  "b = open(sys.argv[1], 'rb').read()",
                  "n = struct.unpack('<Q', b[:8])[0]",
                  "h = json.loads(b[8:8 + n])",
                  "e = h['w']",
                  "a = np.frombuffer(b[8 + n + e['data_offsets'][0]:8 + n + e['data_offsets'][1]], '<f4').reshape(e['shape'])",
                  "print(e['dtype'], e['shape'], a[1, 2], a[0, 1])"), path)
  expect_identical(out, sprintf("F32 [2, 3] %s %s", format(w[2, 3], nsmall = 1), format(w[1, 2], nsmall = 1)))
})

test_that("files NumPy writes load in R with the same element positions, either order", {
  path <- weights_file(".npz")
  python(c("import sys, numpy as np",
           "a = np.arange(24, dtype='<i4').reshape(2, 3, 4)",
           "np.savez(sys.argv[1], c=a, f=np.asfortranarray(a), big=a.astype('>f8'))"), path)
  loaded <- load_variables(path)
  expected <- aperm(array(0:23, c(4, 3, 2)), 3:1)
  expect_identical(as.array(loaded$c), expected)
  expect_identical(as.array(loaded$f), expected)
  expect_identical(loaded$big$dtype, "float64")
  expect_identical(as.array(loaded$big), expected + 0)

  compressed <- weights_file(".npz")
  python(c("import sys, numpy as np", "np.savez_compressed(sys.argv[1], x=np.array([[1.5, 2.5]], dtype='float16'))"), compressed)
  expect_identical(as.array(load_variables(compressed)$x), matrix(c(1.5, 2.5), 1))
})

test_that("a Keras-layout file h5py writes loads in R", {
  path <- weights_file(".weights.h5")
  python(c("import sys, h5py, numpy as np",
           "f = h5py.File(sys.argv[1], 'w')",
           "g = f.create_group('layers/dense/vars')",
           "g['0'] = np.arange(6, dtype='float32').reshape(2, 3)",
           "g['1'] = np.array([0.5, -0.5], dtype='float32')",
           "f.close()"), path)
  loaded <- load_variables(path)
  expect_setequal(names(loaded), c("layers/dense/0", "layers/dense/1"))
  expect_identical(as.array(loaded[["layers/dense/0"]]), matrix(c(0, 3, 1, 4, 2, 5), 2))
})

test_that("overwrite = FALSE refuses an existing file and leaves it as it was", {
  path <- weights_file(".npz")
  save_variables(list(a = c(1, 2)), path)
  expect_bridge_error(save_variables(list(a = c(3, 4)), path), "file_exists_error", "already exists (pass overwrite = TRUE to force save)", fixed = TRUE)
  expect_identical(as.array(load_variables(path)$a), array(c(1, 2)))
  save_variables(list(a = c(3, 4)), path, overwrite = TRUE)
  expect_identical(as.array(load_variables(path)$a), array(c(3, 4)))
})

test_that("saving over a directory is a file_exists_error, or with overwrite = TRUE an is_a_directory_error", {
  path <- weights_file(".npz")
  dir.create(path)
  expect_bridge_error(save_variables(list(a = 1), path), "file_exists_error", "already exists")
  expect_bridge_error(save_variables(list(a = 1), path, overwrite = TRUE), "is_a_directory_error", "Is a directory")
})

test_that("a missing file, a wrong extension and damaged files are classed errors", {
  expect_bridge_error(load_variables(file.path(tempdir(), "none.safetensors")), "file_not_found_error", "none.safetensors")
  expect_bridge_error(save_variables(list(a = 1), tempfile(fileext = ".csv")), "value_error", ".csv")
  for (ext in c(formats, ".npy")) {
    path <- weights_file(ext)
    save_variables(list(a = array(as.double(1:100))), path)
    bytes <- readBin(path, "raw", file.size(path))
    writeBin(bytes[seq_len(length(bytes) %/% 2)], path)
    expect_bridge_error(load_variables(path), "value_error")
  }
  expect_identical(as.vector(as.array(op_add(1, 1))), 2)
})

test_that("a missing directory names the user's path, and a path that is not a string is a type_error", {
  missing <- file.path(tempdir(), "no-such-directory", "w.safetensors")
  expect_bridge_error(save_variables(list(a = 1), missing), "file_not_found_error", missing, fixed = TRUE)
  expect_bridge_error(save_variables(list(a = 1), 123), "type_error", "filepath")
  expect_bridge_error(load_variables(NULL), "type_error", "filepath")
})

test_that("the list must be named, and only variables take loaded values", {
  path <- weights_file(".npz")
  expect_bridge_error(save_variables(list(1, 2), path), "value_error", "named")
  save_variables(list(a = c(1, 2)), path)
  expect_bridge_error(load_variables(path, variables = list(a = op_array(c(0, 0)))), "type_error", "must be a variable. Received: a tensor", fixed = TRUE)
})

test_that("bfloat16 is kept by safetensors and refused by NumPy's formats", {
  x <- op_cast(op_array(c(1.5, -2)), "bfloat16")
  path <- weights_file(".safetensors")
  save_variables(list(x = x), path)
  expect_identical(load_variables(path)$x$dtype, "bfloat16")
  expect_bridge_error(save_variables(list(x = x), weights_file(".npz")), "value_error", "bfloat16")
})

test_that("a .npz member whose data fails its CRC-32 is a value_error, as NumPy's zipfile refuses it", {
  path <- weights_file(".npz")
  save_variables(list(w = array(c(1, 2, 3, 4), c(2, 2))), path)
  bytes <- readBin(path, "raw", file.size(path))
  data_start <- grepRaw("\x93NUMPY", bytes) + 128L
  bytes[data_start + 7L] <- as.raw(0xC0)
  writeBin(bytes, path)
  expect_bridge_error(load_variables(path), "value_error", "fails its CRC-32 check")
})

test_that("HDF5 numbers laid out in bits as no dtype is (another exponent bias, a bit offset) are refused, not misread", {
  for (case in c("t = h5py.h5t.IEEE_F32LE.copy(); t.set_ebias(126)",
                 "t = h5py.h5t.STD_I32LE.copy(); t.set_precision(16); t.set_offset(8)")) {
    path <- weights_file(".weights.h5")
    python(c("import sys, h5py, numpy as np",
             "f = h5py.File(sys.argv[1], 'w')",
             case,
             "d = h5py.h5d.create(f.create_group('a/vars').id, b'0', t, h5py.h5s.create_simple((3,)))",
             "d.write(h5py.h5s.ALL, h5py.h5s.ALL, np.array([1, 2, 3], t.dtype))",
             "f.close()"), path)
    expect_bridge_error(load_variables(path), "value_error", "laid out in bits as no dtype is")
  }
})

test_that("empty tensors of a .safetensors file, which share their offsets, keep the file's order", {
  path <- weights_file(".safetensors")
  names <- paste0("e", 1:20)
  save_variables(setNames(lapply(names, function(n) op_zeros(0L)), names), path)
  expect_identical(names(load_variables(path)), names)
})

test_that("saving where the user may not write is a permission_error, as Python's PermissionError", {
  # sysfs refuses new files even to root, where a read-only mount would be another error.
  probe <- tryCatch(file.create("/sys/kernel/w.safetensors"), warning = conditionMessage)
  skip_if_not(grepl("Permission denied", probe), "no sysfs that refuses new files with EACCES")
  expect_bridge_error(save_variables(list(a = 1), "/sys/kernel/w.safetensors"), "permission_error", "Permission denied: '/sys/kernel/w.safetensors'", fixed = TRUE)
})

test_that("a file saved over with overwrite = TRUE keeps its permissions", {
  path <- weights_file(".npz")
  save_variables(list(a = c(1, 2)), path)
  Sys.chmod(path, "600")
  save_variables(list(a = c(3, 4)), path, overwrite = TRUE)
  expect_identical(format(file.info(path)$mode), "600")
  expect_identical(as.array(load_variables(path)$a), array(c(3, 4)))
})
