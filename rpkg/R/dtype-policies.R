# Keras's dtype policies: the dtypes a layer would compute in and keep its variables in. Nothing
# here computes with them (there are no layers); keras3 code sets and reads them.

# Keras's QUANTIZATION_MODES: a policy name starting with one of them is "<mode>_from_<source>".
quantization_modes <- c("int8", "float8", "int4", "ternary", "gptq", "awq")

dtype_policy <- function(name) {
  if (any(startsWith(name, quantization_modes))) return(quantized_dtype_policy(name))
  dtypes <- float_policy_dtypes(name)
  policy_object("DTypePolicy", name, dtypes, NULL)
}

policy_object <- function(class_name, name, dtypes, mode) {
  structure(list(name = name, compute_dtype = dtypes[[1L]], variable_dtype = dtypes[[2L]], quantization_mode = mode),
            keras_class = class_name, class = "kerasbridge_dtype_policy")
}

# DTypePolicy's _parse_name(): the compute and the variable dtype of a float policy's name.
float_policy_dtypes <- function(name) {
  switch(name, mixed_float16 = c("float16", "float32"), mixed_bfloat16 = c("bfloat16", "float32"), {
    dtype <- tryCatch(standardize_dtype(name), kerasbridge_error = function(e) NULL)
    if (is.null(dtype))
      raise_bridge_error("value_error", sprintf("Cannot convert '%s' to a mixed precision DTypePolicy. Valid policies include 'mixed_float16', 'mixed_bfloat16', and the name of any float dtype such as 'float32'.", name))
    c(dtype, dtype)
  })
}

# Keras's _get_quantized_dtype_policy_by_str(): the mode's own format is checked before the
# source, and the source before the mode's name, in Keras's order.
quantized_dtype_policy <- function(name) {
  pieces <- strsplit(paste0(name, "\u0001"), "_from_", fixed = TRUE)[[1L]]
  if (length(pieces) != 2L)
    raise_bridge_error("value_error", sprintf("Cannot convert `policy` into a valid pair (`mode`, `source_name`) to instantiate `QuantizedDTypePolicy`. Received: policy=%s", name))
  mode <- pieces[[1L]]
  source <- sub("\u0001$", "", pieces[[2L]])
  family <- quantization_modes[startsWith(mode, quantization_modes)][[1L]]
  parts <- strsplit(mode, "/", fixed = TRUE)[[1L]]
  class_name <- switch(family, float8 = "QuantizedFloat8DTypePolicy", ternary = "TernaryDTypePolicy",
                       gptq = "GPTQDTypePolicy", awq = "AWQDTypePolicy",
                       int4 = if (grepl("/", mode, fixed = TRUE)) "Int4DTypePolicy" else "QuantizedDTypePolicy",
                       "QuantizedDTypePolicy")
  if (class_name == "Int4DTypePolicy") {
    check_mode_numbers(mode, parts, "int4", "'int4/<block_size>'", "<block_size> must be an integer", "Int4DTypePolicy")
    block_size <- if (parts[[2L]] == "None") -1 else as.numeric(parts[[2L]])
    check_group_size(block_size, "block_size", "-1 (per-channel) or a positive integer (sub-channel)", mode)
    mode <- "int4"
  } else if (family %in% c("gptq", "awq")) {
    check_mode_numbers(mode, parts, family, sprintf("'%s/<weight_bits>/<group_size>'", family),
                       "<weight_bits> and <group_size> must be integers", class_name)
    bits <- as.numeric(parts[[2L]])
    if (family == "gptq" && !bits %in% c(2, 3, 4, 8))
      raise_bridge_error("value_error", sprintf("Invalid weight_bits in mode. Supported values are 2, 3, 4, and 8, but got %s from '%s'.", format(bits), mode))
    if (family == "awq" && bits != 4)
      raise_bridge_error("value_error", sprintf("Invalid weight_bits in mode. AWQ only supports 4-bit quantization, but got %s from '%s'.", format(bits), mode))
    check_group_size(as.numeric(parts[[3L]]), "group_size", if (family == "gptq") "-1 (whole-tensor) or a positive integer" else "-1 (per-channel) or a positive integer", mode)
    mode <- family
  }
  dtypes <- float_policy_dtypes(source)
  if (!mode %in% quantization_modes)
    raise_bridge_error("value_error", sprintf("Invalid quantization mode. Expected one of ('%s'). Received: mode=%s", paste(quantization_modes, collapse = "', '"), mode))
  if (mode == "int8" && dtypes[[1L]] == "float16")
    raise_bridge_error("value_error", "Quantization mode='int8' doesn't work well with compute_dtype='float16'.")
  policy_object(class_name, name, dtypes, mode)
}

# The "<family>/<n>[/<n>]" modes: the family, the count of parts, and integers in them as
# Python's int() reads them ("None" is Int4's legacy per-channel block size).
check_mode_numbers <- function(mode, parts, family, expected, integer_rule, class_name) {
  count <- if (family == "int4") 2L else 3L
  if (length(parts) != count || parts[[1L]] != family || endsWith(mode, "/"))
    raise_bridge_error("value_error", sprintf("Invalid mode for %s. Expected format %s, but got '%s'.", class_name, expected, mode))
  numbers <- parts[-1L]
  if (family == "int4") numbers <- numbers[numbers != "None"]
  if (!all(grepl("^\\s*[+-]?[0-9]+\\s*$", numbers)))
    raise_bridge_error("value_error", sprintf("Invalid mode for %s. %s. Expected format %s, but got '%s'.", class_name, integer_rule, expected, mode))
}

check_group_size <- function(size, what, supported, mode) {
  if (size < -1 || size == 0)
    raise_bridge_error("value_error", sprintf("Invalid %s in mode. Supported values are %s, but got %s from '%s'.", what, supported, format(size), mode))
}

#' @export
print.kerasbridge_dtype_policy <- function(x, ...) {
  cat(sprintf("<%s \"%s\">\n", attr(x, "keras_class"), x$name))
  invisible(x)
}
