#' kerasbridge: Keras 3 variables backed by a .NET engine
#'
#' kerasbridge gives R the Keras 3 `Variable` engine, implemented in C# (.NET 10), with keras3's
#' interface and no Python: code written for keras3's variables runs unchanged.
#'
#' * Variables and tensors: [keras_variable()], [op_convert_to_tensor()], `$assign()`, `$value`,
#'   [shape()]; `x@r[...]` and `x@py[...]` indexing ([op_subset()]).
#' * keras3's ops: all 286 of its `op_*()` functions ([op_reductions], [op_math], [op_matmul],
#'   [op_reshape], [op_activations], [op_conv], [op_image_resize()], [op_ctc_loss], ...), R's
#'   operators ([tensor_ops]) and base R's functions ([base_generics]).
#' * Initializers ([initializers]), random ops and seed generators ([random],
#'   [random_seed_generator()]), configuration ([config_floatx()]), scopes ([scopes],
#'   [stateless_scope()]), the `keras` object with Python's 0-based conventions ([keras]).
#' * Saving: `saveRDS()`/`readRDS()` and `save()`/`load()` keep tensors and variables;
#'   [save_variables()] writes files NumPy, PyTorch and Keras read.
#'
#' The engine starts while the package loads, on a thread of its own; the first call that needs
#' it waits for it. Arrays cross between R and the engine in R's own
#' (column-major) order, exactly; R's `x[i, j]` is keras3's `x@r[i, j]` and NumPy's
#' `x[i-1, j-1]`.
#'
#' @examples
#' v <- keras_variable(array(1:6, c(2, 3)), dtype = "float32")
#' v$assign_add(op_ones(c(2, 3)))
#' op_sum(v, axis = 2)
#' @keywords internal
"_PACKAGE"
