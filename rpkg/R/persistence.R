#' Save and load weights as files NumPy, PyTorch and Keras read
#'
#' `save_variables()` writes a named list of variables, tensors or R arrays to one file;
#' `load_variables()` reads one back, as a named list of tensors, or into variables you already
#' have. The format follows the file's extension:
#'
#' * `.safetensors`: the safetensors format (Hugging Face, PyTorch, torch for R's `torch_save()`
#'   since 0.12), data in C order;
#' * `.npz`: NumPy's archive of arrays (`numpy.load()`), one `<name>.npy` member each; `.npy`: a
#'   single NumPy array (the list holds one element; loading names it after the file);
#' * `.weights.h5`: HDF5, laid out as Keras 3's weight files: the array `"dense/kernel"` is the
#'   dataset `dense/vars/kernel`, and loading a Keras file names `layers/dense/vars/0` as
#'   `"layers/dense/0"`.
#'
#' **Element order is R's.** R's `w[i, j, k]` is NumPy's `w[i-1, j-1, k-1]` and PyTorch's
#' `w[i-1][j-1][k-1]`: the shape is the same on both sides, and each element keeps its
#' position. The files are written so that NumPy, h5py and PyTorch see the array R sees
#' (`.npy`/`.npz` mark R's order as Fortran order, which NumPy reads as it is).
#'
#' Every dtype the format has is kept exactly, bit for bit. NumPy has no bfloat16: `.npy` and
#' `.npz` refuse it; safetensors and HDF5 files keep it as Keras and PyTorch do.
#'
#' @param x A named list of variables, tensors or R arrays (R arrays convert as in
#'   [op_convert_to_tensor()]).
#' @param filepath The file, ending in `.safetensors`, `.npz`, `.npy` or `.weights.h5`.
#' @param overwrite Whether an existing file may be replaced; if `FALSE` (the default), saving
#'   to an existing file is an error.
#' @param variables `NULL`, or a named list of variables to assign the file's arrays to, by
#'   name. Every variable must have its array in the file, of the same shape; an array of another
#'   dtype is converted to its variable's, as Keras's `load_weights()` assigns it. All are checked
#'   before any is assigned, so on any mismatch none is.
#' @return `save_variables()`: `filepath`, invisibly. `load_variables()`: a named list of tensors
#'   in the file's order; with `variables`, the variables, invisibly.
#' @section Errors:
#' A missing file is a `file_not_found_error`, an existing one with `overwrite = FALSE` a
#' `file_exists_error`, a directory with `overwrite = TRUE` an `is_a_directory_error`, a place
#' the user may not write a `permission_error`; a symbolic link is written through (the file it
#' names is replaced), and a replaced file keeps its permissions. A damaged file, an unknown
#' extension or a mismatch with `variables` is a `value_error` (all also of class
#' `kerasbridge_error`).
#' @examples
#' w <- keras_variable(array(1:6, c(2, 3)), dtype = "float32", name = "kernel")
#' b <- keras_variable(c(0.5, -0.5), name = "bias")
#' path <- tempfile(fileext = ".safetensors")
#' save_variables(list(kernel = w, bias = b), path)
#' loaded <- load_variables(path)
#' loaded$kernel
#'
#' # Into existing variables: shapes must match, dtypes convert.
#' w$assign(array(0, c(2, 3)))
#' load_variables(path, variables = list(kernel = w))
#' as.array(w)
#' @export
save_variables <- function(x, filepath, overwrite = FALSE) {
  .Call(krb_call3, "variables_save", x, expanded_path(filepath), overwrite)
  invisible(filepath)
}

#' @rdname save_variables
#' @export
load_variables <- function(filepath, variables = NULL) {
  filepath <- expanded_path(filepath)
  if (!is.null(variables)) {
    .Call(krb_call2, "variables_load_into", filepath, variables)
    return(invisible(variables))
  }
  loaded <- .Call(krb_call1, "variables_load", filepath)
  names <- .Call(krb_call1, "loaded_names", loaded)
  tensors <- lapply(seq_along(names), function(i) .Call(krb_call2, "loaded_tensor", loaded, i))
  names(tensors) <- names
  tensors
}

# `~` expanded in a path; anything but one string is left for the engine's type_error, which
# path.expand() would pre-empt with an unclassed error.
expanded_path <- function(filepath)
  if (is.character(filepath) && length(filepath) == 1L && !is.na(filepath)) path.expand(filepath) else filepath
