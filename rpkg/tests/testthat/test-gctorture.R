# Every entry point of the bridge runs with R's garbage collector collecting at every
# allocation: an R object .NET forgot to protect would be freed and show up as a wrong value or
# a crash. Cases are named "<entry point>: <what>"; the last test fails for an entry point that
# has no case here.
v <- keras_variable(array(as.double(1:6), c(2, 3)), name = "tortured")
t <- v$value
templates <- asNamespace("kerasbridge")$prototypes()

tortured <- list(
  "entry_names: the names the shim asks for at load" = list(
    quote(call_entry("entry_names")[[1]]), "entry_names"),
  "variable_new: from an R array" = list(
    quote(as.array(keras_variable(array(as.double(1:6), c(2, 3))))), array(as.double(1:6), c(2, 3))),
  "variable_new: from a data frame" = list(
    quote(as.array(keras_variable(data.frame(a = c(1, 2), b = 3:4)))), cbind(c(1, 2), c(3, 4))),
  "variable_new: from an initializer object" = list(
    quote(as.array(keras_variable(initializer_ones(), shape = c(2, 2), dtype = "float32"))), array(1, c(2, 2))),
  "variable_new: from an R function(shape, dtype)" = list(
    quote(as.array(keras_variable(function(shape, dtype) array(7, shape), shape = c(2, 2)))), array(7, c(2, 2))),
  "variable_new: an R initializer's error becomes the parent of a classed one" = list(
    quote(conditionMessage(tryCatch(keras_variable(function(shape, dtype) stop("tortured"), shape = 2), error = identity)$parent)),
    "tortured"),
  "variable_new: an engine error raised as a classed condition" = list(
    quote(class(tryCatch(keras_variable("nonsense"), error = identity))[1:2]), c("value_error", "kerasbridge_error")),
  "variable_field: name, dtype and shape" = list(
    quote(list(v$name, v$dtype, unlist(v$shape))), list("tortured", "float64", c(2L, 3L))),
  "variable_set_trainable: set and read back" = list(
    quote({ v$trainable <- FALSE; v$trainable }), FALSE),
  "variable_set_overwrite_with_gradient: set and read back" = list(
    quote({ v$overwrite_with_gradient <- TRUE; v$overwrite_with_gradient }), TRUE),
  "variable_assign: an R array" = list(
    quote({ v$assign(array(2, c(2, 3))); as.array(v) }), array(2, c(2, 3))),
  "variable_assign_add: an R array added" = list(
    quote({ v$assign(array(2, c(2, 3))); v$assign_add(array(1, c(2, 3))); as.array(v) }), array(3, c(2, 3))),
  "variable_assign_sub: a tensor subtracted" = list(
    quote({ v$assign(array(2, c(2, 3))); v$assign_sub(v$value); as.array(v) }), array(0, c(2, 3))),
  "integer_digits: int64 elements beyond 2^53" = list(
    quote(call_entry("integer_digits", op_add(op_array(2^53, "int64"), op_array(1L, "int64")))), "9007199254740993"),
  "to_r: a small tensor" = list(
    quote(as.array(t)), array(as.double(1:6), c(2, 3))),
  "to_r: a vector large enough for R to be asked to allocate it carefully" = list(
    quote(sum(as.array(initializer_ones()(2^17, "float64")))), 2^17),
  "tensor_field: dtype and ndim" = list(
    quote(list(t$dtype, t$ndim)), list("float64", 2L)),
  "describe: the printed header" = list(
    quote(call_entry("describe", t@ptr)), "<Tensor shape=(2, 3), dtype=float64>"),
  "usable: a tensor of this session" = list(
    quote(call_entry("usable", t)), TRUE),
  "subset_get: @r reads a row" = list(
    quote(as.array(t@r[2, ])), array(c(2, 4, 6))),
  "subset_set: @r assigns into a variable" = list(
    quote({ w <- keras_variable(array(0, c(2, 2))); w@r[2, ] <- 9; as.array(w) }), array(c(0, 9, 0, 9), c(2, 2))),
  "subset_set: @r assigns into a tensor" = list(
    quote({ u <- t; u@r[1, ] <- 0; as.array(u) }), array(c(0, 2, 0, 4, 0, 6), c(2, 3))),
  "shape_new: shape() with an unknown dimension" = list(
    quote(as.integer(shape(2, NA, 3))), c(2L, NA, 3L)),
  "config_floatx: the default" = list(
    quote(config_floatx()), "float32"),
  "config_set_floatx: set to the default" = list(
    quote(config_set_floatx("float32")), "float32"),
  "clear_session: restarts names" = list(
    quote({ clear_session(); keras_variable(1)$name }), "variable"),
  "diagnostics: the counters" = list(
    quote(names(kerasbridge_diagnostics(settle = TRUE))), c("live_handles", "live_tensor_bytes", "protected", "queued_releases", "matmul")),
  "ops_binary: arithmetic" = list(
    quote(as.array(t + 1)), array(as.double(2:7), c(2, 3))),
  "ops_unary: negation" = list(
    quote(as.array(-t)), array(-as.double(1:6), c(2, 3))),
  "op_unary: op_sqrt" = list(
    quote(as.array(op_sqrt(t * t))), array(as.double(1:6), c(2, 3))),
  "op_binary: op_maximum" = list(
    quote(as.array(op_maximum(t, 3L))), array(as.double(pmax(1:6, 3)), c(2, 3))),
  "op_round: op_round to a decimal" = list(
    quote(as.array(op_round(t / 4, 1L))), array(c(0.2, 0.5, 0.8, 1, 1.2, 1.5), c(2, 3))),
  "op_reduce: op_sum over rows" = list(
    quote(as.array(op_sum(t, axis = 1))), array(c(3, 7, 11), 3)),
  "op_cast: op_cast to int32" = list(
    quote(op_cast(t, "int32")$dtype), "int32"),
  "op_view: the bytes of an int32 tensor read as float32" = list(
    quote(keras$ops$view(op_cast(t, "int32"), "float32")$dtype), "float32"),
  "op_convert: op_array" = list(
    quote(as.array(op_array(matrix(1:4, 2)))), matrix(1:4, 2)),
  "op_full: op_full" = list(
    quote(as.array(op_full(c(2, 2), 3, dtype = "float64"))), array(3, c(2, 2))),
  "op_full_like: op_ones_like" = list(
    quote(as.array(op_ones_like(t))), array(1, c(2, 3))),
  "op_eye: op_eye" = list(
    quote(as.array(op_eye(2, dtype = "float64"))), diag(2)),
  "op_tri: op_tri" = list(
    quote(as.array(op_tri(2, dtype = "float64"))), array(c(1, 1, 0, 1), c(2, 2))),
  "op_arange: op_arange" = list(
    quote(as.array(op_arange(3L))), array(1:3, 3)),
  "op_linspace: op_linspace" = list(
    quote(as.array(op_linspace(0, 1, 3, dtype = "float64"))), array(c(0, 0.5, 1), 3)),
  "op_reshape: op_reshape in C order" = list(
    quote(as.array(op_reshape(op_arange(4L), c(2, 2)))), matrix(1:4, 2, byrow = TRUE)),
  "op_transpose: op_transpose" = list(
    quote(as.array(op_transpose(t))), t(array(as.double(1:6), c(2, 3)))),
  "op_expand_dims: op_expand_dims" = list(
    quote(dim(as.array(op_expand_dims(t, 1)))), c(1L, 2L, 3L)),
  "singular_values: op_norm of order 2" = list(
    quote(round(as.vector(as.array(op_norm(diag(c(3, 1)), ord = 2))), 6)), 3),
  "axes_normalized: a negative axis counted from the end" = list(
    quote(call_entry("axes_normalized", t, -1)), 2L),
  "axis_length: op_unstack" = list(
    quote(length(op_unstack(t, axis = 2))), 3L),
  "op_squeeze: op_squeeze" = list(
    quote(dim(as.array(op_squeeze(op_ones(c(1, 2)))))), 2L),
  "op_convert: a list of vectors and a tensor, stacked" = list(
    quote(as.array(op_convert_to_tensor(list(c(1, 2), op_array(c(3, 4)))))), rbind(c(1, 2), c(3, 4))),
  "op_where: op_where" = list(
    quote(as.array(op_where(t > 3, t, 0))), array(c(0, 0, 0, 4, 5, 6), c(2, 3))),
  "op_clip: op_clip" = list(
    quote(as.array(op_clip(t, 2, 4))), array(c(2, 2, 3, 4, 4, 4), c(2, 3))),
  "op_gelu: exact" = list(
    quote(round(as.array(op_gelu(t, FALSE))[1], 6)), 0.841345),
  "image_sample: a matrix sampled between its elements and at one" = list(
    quote(as.vector(as.array(op_image_map_coordinates(matrix(c(1, 3, 2, 4), 2), rbind(c(0.5, 0), c(0.5, 1)), order = 1)))), c(2.5, 2)),
  "op_elu: op_elu" = list(
    quote(as.array(op_elu(-t))[1]), exp(-1) - 1),
  "op_leaky_relu: op_leaky_relu" = list(
    quote(as.array(op_leaky_relu(-t))[1]), -0.2),
  "op_softmax: columns sum to 1" = list(
    quote(sum(as.array(op_softmax(t, axis = 1))[, 1])), 1),
  "op_concatenate: rows" = list(
    quote(dim(as.array(op_concatenate(list(t, t))))), c(4L, 3L)),
  "op_stack: a new first axis" = list(
    quote(dim(as.array(op_stack(list(t, t))))), c(2L, 2L, 3L)),
  "op_take: columns" = list(
    quote(as.array(op_take(t, 3, axis = 2))), array(c(5, 6), 2)),
  "op_argmax: per column" = list(
    quote(as.array(op_argmax(t, axis = 1))), array(c(2L, 2L, 2L), 3)),
  "op_argmin: per row" = list(
    quote(as.array(op_argmin(t, axis = 2))), array(c(1L, 1L), 2)),
  "op_cumsum: along rows" = list(
    quote(as.array(op_cumsum(t, axis = 1))), array(c(1, 3, 3, 7, 5, 11), c(2, 3))),
  "running_extremes: cummax" = list(
    quote(as.vector(as.array(cummax(t)))), cummax(as.vector(as.array(t)))),
  "op_cumprod: along rows" = list(
    quote(as.array(op_cumprod(t, axis = 1))), array(c(1, 2, 3, 12, 5, 30), c(2, 3))),
  "op_flip: rows" = list(
    quote(as.array(op_flip(t, axis = 1))), array(c(2, 1, 4, 3, 6, 5), c(2, 3))),
  "op_broadcast_to: a row" = list(
    quote(dim(as.array(op_broadcast_to(array(1, c(1, 3)), c(2, 3))))), c(2L, 3L)),
  "op_one_hot: classes" = list(
    quote(as.array(op_one_hot(c(2L, 1L), 2L))), array(c(0, 1, 1, 0), c(2, 2))),
  "op_dot: matrix times vector" = list(
    quote(as.array(op_dot(t, c(1, 1, 1)))), array(c(9, 12), 2)),
  "op_outer: outer" = list(
    quote(dim(as.array(op_outer(c(1, 2), c(1, 2, 3))))), c(2L, 3L)),
  "op_tensordot: one axis" = list(
    quote(dim(as.array(op_tensordot(t, op_transpose(t), axes = 2)))), c(2L, 2L)),
  "op_solve: solve" = list(
    quote(as.array(op_solve(diag(2) * 2, c(2, 4)))), array(c(1, 2), 2)),
  "allocation_check: an array too large, refused with a classed error" = list(
    quote(class(tryCatch(call_entry("allocation_check", c(2^40, 2^40), "float32", 1L), error = identity))[1:2]),
    c("memory_error", "kerasbridge_error")),
  "linalg_matrices_check: a matrix that is not square, refused" = list(
    quote(class(tryCatch(call_entry("linalg_matrices_check", matrix(1, 2, 3), TRUE), error = identity))[1:2]),
    c("value_error", "kerasbridge_error")),
  "linalg_right_hand_sides_batch: the batch axes of a and b broadcast" = list(
    quote(call_entry("linalg_right_hand_sides_batch", array(1, c(3, 2, 2)), array(1, c(4, 1, 2, 2)))), c(4L, 3L)),
  "op_inv: inverse" = list(
    quote(as.array(op_inv(diag(2) * 2))), diag(2) / 2),
  "op_det: determinant" = list(
    quote(as.vector(as.array(op_det(diag(2) * 3)))), 9),
  "op_slogdet: sign and log" = list(
    quote(vapply(op_slogdet(diag(2) * -3), as.array, 1)), c(1, log(9))),
  "op_lu_factor: factors and pivots" = list(
    quote(lapply(op_lu_factor(rbind(c(1, 2), c(3, 4))), as.vector)), list(c(3, 1 / 3, 4, 2 - 4 / 3), c(1L, 1L))),
  "op_cholesky: identity" = list(
    quote(as.array(op_cholesky(diag(2)))), diag(2)),
  "op_sort: rows" = list(
    quote(as.array(op_sort(-t))[1, ]), c(-5, -3, -1)),
  "sorted_at: op_median" = list(
    quote(as.vector(as.array(op_median(c(4, 1, 3, NaN, 2), axis = 1)))), NaN),
  "sorted_at: the middle ranks of each row" = list(
    quote(as.array(call_entry("sorted_at", -t, c(1, 2)))[1, ]), c(-3, -1)),
  "op_argsort: rows" = list(
    quote(as.array(op_argsort(-t))[1, ]), c(3L, 2L, 1L)),
  "op_searchsorted: left of an equal value" = list(
    quote(as.vector(as.array(op_searchsorted(c(1, 2, 3), 2)))), 2L),
  "put_in_storage_order: op_scatter_update" = list(
    quote(as.array(op_scatter_update(c(1, 2, 3), rbind(3, 1), c(7, 8)))), array(c(8, 2, 7), 3)),
  "complex_from_parts: op_fft's input" = list(
    quote(as.vector(as.array(op_real(call_entry("complex_from_parts", op_array(c(1, 2)), op_array(c(3, 4))))))), c(1, 2)),
  "fft_along_axis: op_fft" = list(
    quote(as.vector(as.array(op_fft(list(array(c(1, 2)), array(c(0, 0))))[[1L]]))), c(3, -1)),
  "rfft_along_axis: op_rfft" = list(
    quote(as.vector(as.array(op_rfft(array(c(1, 2, 3, 4)))[[1L]]))), c(10, -2, -2)),
  "stft_frames: op_stft" = list(
    quote(as.vector(as.array(op_stft(array(c(1, 2, 3, 4)), 2, 2, 2, window = NULL, center = FALSE)[[1L]]))), c(3, 7, -1, -1)),
  "irfft_along_axis: op_irfft" = list(
    quote(as.vector(as.array(op_irfft(list(array(c(10, -2, -2)), array(c(0, 2, 0))))))), c(1, 2, 3, 4)),
  "op_segment_reduce: op_segment_sum" = list(
    quote(as.array(op_segment_sum(c(1, 2, 4), c(1, 1, 2)))), array(c(3, 4), 2)),
  "op_top_k_indices: op_top_k" = list(
    quote(as.array(op_top_k(c(5, 9, 1), 2)$indices)), array(c(2L, 1L), 2)),
  "op_take_along_axis: rows" = list(
    quote(as.array(op_take_along_axis(t, array(1L, c(2, 1)), axis = 2))), array(c(1, 2), c(2, 1))),
  "op_triangle: op_tril" = list(
    quote(as.array(op_tril(diag(2) + 1))), array(c(2, 1, 0, 2), c(2, 2))),
  "op_diag: of a matrix" = list(
    quote(as.array(op_diag(diag(2) * 5))), array(c(5, 5), 2)),
  "op_diagonal: op_trace" = list(
    quote(as.vector(as.array(op_trace(diag(3))))), 3),
  "op_swapaxes: swap" = list(
    quote(as.array(op_swapaxes(t, 1, 2))), t(array(as.double(1:6), c(2, 3)))),
  "op_moveaxis: move" = list(
    quote(dim(as.array(op_moveaxis(t, 1, 2)))), c(3L, 2L)),
  "op_tile: tile" = list(
    quote(as.array(op_tile(c(1, 2), 2))), array(c(1, 2, 1, 2), 4)),
  "flag: a flag the R code checks" = list(
    quote(as.vector(as.array(op_argmax(c(1, 3, 2), zero_indexed = TRUE)))), 1L),
  "op_repeat: repeat" = list(
    quote(as.array(op_repeat(c(1, 2), 2))), array(c(1, 1, 2, 2), 4)),
  "op_roll: roll" = list(
    quote(as.array(op_roll(1:3, 1))), array(c(3L, 1L, 2L), 3)),
  "op_binary_crossentropy: probabilities" = list(
    quote(round(as.array(op_binary_crossentropy(c(1, 0), c(0.5, 0.5))), 6)), array(round(log(2), 6), 2)),
  "op_categorical_crossentropy: one row" = list(
    quote(round(as.array(op_categorical_crossentropy(array(c(0, 1), c(1, 2)), array(c(0.5, 0.5), c(1, 2)))), 6)), array(round(log(2), 6), 1)),
  "op_sparse_categorical_crossentropy: one row" = list(
    quote(round(as.array(op_sparse_categorical_crossentropy(array(0L, 1), array(c(0.5, 0.5), c(1, 2)))), 6)), array(round(log(2), 6), 1)),
  "op_slice: a block" = list(
    quote(as.array(op_slice(t, c(1, 2), c(2, 1)))), array(c(3, 4), c(2, 1))),
  "op_slice_update: a block" = list(
    quote(as.array(op_slice_update(t, c(1, 1), array(0, c(1, 1))))[1, 1]), 0),
  "op_pad: one on each side" = list(
    quote(dim(as.array(op_pad(t, 1)))), c(4L, 5L)),
  "op_einsum: a trace" = list(
    quote(as.vector(as.array(op_einsum("ii", diag(2))))), 2),
  "name_scope_open: with_name_scope" = list(
    quote(with_name_scope("s", keras_variable(1, name = "w")$path)), "s/w"),
  "scope_close: the scope is closed afterwards" = list(
    quote({ with_name_scope("s", NULL); keras_variable(1, name = "w")$path }), "w"),
  "local_name_scope_open: local_name_scope" = list(
    quote((function() { local_name_scope("b"); keras_variable(1, name = "w")$path })()), "b/w"),
  "autocast_scope_open: with_autocast_scope" = list(
    quote(with_autocast_scope("float16", keras_variable(c(1, 2), dtype = "float32")$value$dtype)), "float16"),
  "initializer_from_config: an initializer with settings" = list(
    quote(format(initializer_random_normal(stddev = 0.1, seed = 42))), "<Initializer RandomNormal(seed=42, mean=0.0, stddev=0.1)>"),
  "initializer_call: calling an initializer" = list(
    quote(as.array(initializer_constant(3)(c(2, 2), "int32"))), array(3L, c(2, 2))),
  "random_normal: a seeded sample" = list(
    quote(identical(as.array(random_normal(3, seed = 1)), as.array(random_normal(3, seed = 1)))), TRUE),
  "random_uniform: within its bounds" = list(
    quote(all(as.array(random_uniform(5, 2, 3, seed = 1)) >= 2)), TRUE),
  "random_truncated_normal: within two stddev" = list(
    quote(all(abs(as.array(random_truncated_normal(5, seed = 1))) <= 2)), TRUE),
  "random_integer: within its bounds" = list(
    quote(all(as.array(random_integer(5, 0, 2, seed = 1)) %in% 0:1)), TRUE),
  "random_categorical: one certain class" = list(
    quote(as.array(random_categorical(rbind(c(0, -1e9)), 2, seed = 1))), matrix(1L, 1, 2)),
  "random_shuffle: a permutation" = list(
    quote(sort(as.array(random_shuffle(1:4, seed = 1)))), array(1:4)),
  "random_dropout: rate 0 keeps everything" = list(
    quote(as.array(random_dropout(c(1, 2), 0, seed = 1))), array(c(1, 2))),
  "random_gamma: positive" = list(
    quote(all(as.array(random_gamma(3, 2, seed = 1)) > 0)), TRUE),
  "random_beta: in the unit interval" = list(
    quote(all(as.array(random_beta(3, 2, 3, seed = 1)) <= 1)), TRUE),
  "random_binomial: certain successes" = list(
    quote(as.array(random_binomial(2, 4, 1, seed = 1))), array(c(4, 4))),
  "random_seed_generator: a named generator" = list(
    quote(format(random_seed_generator(3, name = "g")$state$path)), "g/seed_generator_state"),
  "seed_generator_next: the state before advancing" = list(
    quote(as.array(random_seed_generator(5)$`next`())), array(c(5, 0))),
  "seed_generator_field: the name" = list(
    quote(random_seed_generator(3, name = "h")$name), "h"),
  "set_random_seed: repeats unseeded draws" = list(
    quote({ set_random_seed(2); a <- as.array(random_normal(2)); set_random_seed(2); identical(a, as.array(random_normal(2))) }), TRUE),
  "stateless_scope_open: reads see the mapped value" = list(
    quote({ w <- keras_variable(1); with_stateless_scope(list(list(w, 5)), as.numeric(w)) }), 5),
  "stateless_scope_value: an assignment recorded" = list(
    quote({ w <- keras_variable(1); s <- stateless_scope(); with(s, w$assign(2)); as.vector(as.array(s$get_current_value(w))) }), 2),
  "config_epsilon: the default" = list(
    quote(config_epsilon()), 1e-7),
  "config_set_epsilon: set to the default" = list(
    quote({ config_set_epsilon(1e-7); config_epsilon() }), 1e-7),
  "config_image_data_format: the default" = list(
    quote(config_image_data_format()), "channels_last"),
  "config_set_image_data_format: set to the default in capitals" = list(
    quote({ config_set_image_data_format("CHANNELS_LAST"); config_image_data_format() }), "channels_last"),
  "config_interactive_logging: the default" = list(
    quote(config_is_interactive_logging_enabled()), TRUE),
  "config_set_interactive_logging: enabled again" = list(
    quote({ config_disable_interactive_logging(); config_enable_interactive_logging(); config_is_interactive_logging_enabled() }), TRUE),
  "standardize_data_format: NULL is the configured format" = list(
    quote(call_entry("standardize_data_format", NULL)), "channels_last"),
  "nonzero_positions: a matrix's non-zero elements" = list(
    quote(as.array(op_nonzero(matrix(c(0, 2, 3, 0), 2)))), array(c(1L, 2L, 2L, 1L), c(2, 2))),
  "object_config: an initializer's config" = list(
    quote(get_config(initializer_constant(2))$value), 2),
  "initializer_attributes: a preset's fixed scale" = list(
    quote(initializer_he_uniform(seed = 1)$scale), 2),
  "object_state: a variable serialized" = list(
    quote(length(serialize(keras_variable(array(as.double(1:6), c(2, 3)), name = "s"), NULL)) > 48), TRUE),
  "object_restore: a tensor, a variable and an initializer unserialized" = list(
    quote({
      back <- unserialize(serialize(list(op_array(1:3), keras_variable(2, name = "r"), initializer_constant(3)), NULL))
      list(as.array(back[[1]]), back[[2]]$name, as.array(back[[3]](1)))
    }), list(array(1:3), "r", array(3))),
  "variables_save: a named list to a .npz file" = list(
    quote({ path <- tempfile(fileext = ".npz"); save_variables(list(a = array(c(1, 2)), b = v), path); file.exists(path) }), TRUE),
  "variables_load: a .safetensors file read back" = list(
    quote({ path <- tempfile(fileext = ".safetensors"); save_variables(list(a = array(c(1, 2))), path); as.array(load_variables(path)$a) }),
    array(c(1, 2))),
  "loaded_names: the names of a file's tensors" = list(
    quote({ path <- tempfile(fileext = ".npz"); save_variables(list(x = array(1), y = array(2)), path); names(load_variables(path)) }),
    c("x", "y")),
  "loaded_tensor: each of a file's tensors" = list(
    quote({ path <- tempfile(fileext = ".weights.h5"); save_variables(list(x = array(3)), path); as.array(load_variables(path)[[1]]) }),
    array(3)),
  "variables_load_into: a file's arrays assigned to variables" = list(
    quote({
      path <- tempfile(fileext = ".npz"); save_variables(list(w = array(5, c(2, 3))), path)
      w <- keras_variable(array(0, c(2, 3))); load_variables(path, list(w = w)); as.array(w)
    }), array(5, c(2, 3))),
  "register_progress: registering the settings function again" = list(
    quote({ call_entry("register_progress", asNamespace("kerasbridge")$progress_settings); TRUE }), TRUE),
  # Last: registering is what a new load of the package does, after which the objects made
  # before (v and t above) belong to an unloaded session.
  "register_prototypes: registering again keeps new wrappers working" = list(
    quote({ do.call(call_entry, c("register_prototypes", templates)); keras_variable(1L)$dtype }), "int32")
)

for (case in names(tortured)) {
  test_that(sprintf("%s works under gctorture", case), {
    # Once as usual first, so that R's own first-use work (method tables, caches) is not tortured too.
    eval(tortured[[case]][[1]])
    expect_identical(under_gctorture(eval(tortured[[case]][[1]])), tortured[[case]][[2]])
  })
}

test_that("every bridge entry point has a case above", {
  covered <- unique(sub(":.*", "", names(tortured)))
  expect_setequal(covered, call_entry("entry_names"))
})
