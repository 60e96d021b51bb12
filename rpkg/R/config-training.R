#' Keras's settings for layers and training
#'
#' keras3's `config_*()` functions for what Keras's layers, models and `fit()` read: the dtype
#' policy layers compute in, flash attention in attention layers, limits on epochs and steps,
#' traceback filtering, unsafe deserialization of saved lambdas, and JAX's NNX. This package has
#' variables and ops but no layers or training, so nothing here reads them: they are kept, with
#' Keras's defaults and checks, so that keras3 code which sets them runs unchanged.
#'
#' * `config_dtype_policy()` gives the global policy (`name`, `compute_dtype`,
#'   `variable_dtype`, `quantization_mode`): [config_floatx()] until set;
#'   `config_set_dtype_policy()` takes `"mixed_float16"`, `"mixed_bfloat16"` or a dtype name, as
#'   Keras's `DTypePolicy`, and Keras's quantized policies `"<mode>_from_<source>"` (modes
#'   `int8`, `float8`, `int4` or `int4/<block_size>`, `ternary`,
#'   `gptq/<weight_bits>/<group_size>`, `awq/4/<group_size>`), which compute as their source.
#' * `config_is_flash_attention_enabled()` is `NULL` (Keras's "on where supported") until
#'   disabled (`FALSE`).
#' * `config_max_epochs()` and `config_max_steps_per_epoch()` are `NULL` (no limit) unless set
#'   here or by the environment variables `KERAS_MAX_EPOCHS` and `KERAS_MAX_STEPS_PER_EPOCH`.
#' * `config_is_traceback_filtering_enabled()` is `TRUE` until disabled;
#'   `config_is_nnx_enabled()` is `FALSE` (there is no JAX here).
#' * `config_set_backend()` takes only `"kerasbridge"`: the engine cannot be exchanged for
#'   another backend.
#'
#' @param policy A dtype policy name, or a policy from `config_dtype_policy()`.
#' @param max_epochs,max_steps_per_epoch A whole number, or `NULL` for no limit.
#' @param backend The backend's name.
#' @return The getters give the setting; the setters give `NULL`, invisibly.
#' @examples
#' config_dtype_policy()$name
#' config_set_dtype_policy("mixed_float16")
#' config_dtype_policy()$compute_dtype
#' config_set_dtype_policy("float32")
#' config_set_max_epochs(2)
#' config_max_epochs()
#' config_set_max_epochs(NULL)
#' @name config_training
NULL

training_settings <- new.env(parent = emptyenv())

# A limit as Keras reads it from the environment at start-up: a whole number, or NULL.
limit_from_environment <- function(variable) {
  value <- Sys.getenv(variable)
  if (!nzchar(value)) return(NULL)
  limit <- suppressWarnings(as.numeric(value))
  if (is.na(limit) || limit != trunc(limit) || abs(limit) > .Machine$integer.max)
    raise_bridge_error("value_error", sprintf("invalid literal for int() with base 10: '%s' (the environment variable %s)", value, variable))
  as.integer(limit)
}

setting <- function(name, default) if (exists(name, envir = training_settings, inherits = FALSE)) training_settings[[name]] else default

set_setting <- function(name, value) {
  assign(name, value, envir = training_settings)
  invisible()
}

#' @rdname config_training
#' @export
config_dtype_policy <- function() setting("dtype_policy", dtype_policy(config_floatx()))

#' @rdname config_training
#' @export
config_set_dtype_policy <- function(policy) {
  if (inherits(policy, "kerasbridge_dtype_policy")) policy <- policy$name
  if (!is.character(policy) || length(policy) != 1L || is.na(policy))
    raise_bridge_error("value_error", sprintf("Invalid `policy` argument. Expected the string name of a policy (such as 'mixed_float16') or a `DTypePolicy` instance. Received: policy=%s", shown(policy)))
  set_setting("dtype_policy", dtype_policy(policy))
}

#' @rdname config_training
#' @export
config_enable_flash_attention <- function() set_setting("flash_attention", NULL)

#' @rdname config_training
#' @export
config_disable_flash_attention <- function() set_setting("flash_attention", FALSE)

#' @rdname config_training
#' @export
config_is_flash_attention_enabled <- function() setting("flash_attention", NULL)

# A whole number or NULL, as keras3 passes it (as_integer()).
limit_value <- function(value, name) {
  if (is.null(value)) return(NULL)
  if (!is.numeric(value) || length(value) != 1L || is.na(value) || abs(value) > .Machine$integer.max)
    raise_bridge_error("type_error", sprintf("`%s` must be a whole number or NULL. Received: %s=%s", name, name, shown(value)))
  as.integer(value)
}

#' @rdname config_training
#' @export
config_max_epochs <- function() setting("max_epochs", limit_from_environment("KERAS_MAX_EPOCHS"))

#' @rdname config_training
#' @export
config_set_max_epochs <- function(max_epochs) set_setting("max_epochs", limit_value(max_epochs, "max_epochs"))

#' @rdname config_training
#' @export
config_max_steps_per_epoch <- function() setting("max_steps_per_epoch", limit_from_environment("KERAS_MAX_STEPS_PER_EPOCH"))

#' @rdname config_training
#' @export
config_set_max_steps_per_epoch <- function(max_steps_per_epoch)
  set_setting("max_steps_per_epoch", limit_value(max_steps_per_epoch, "max_steps_per_epoch"))

#' @rdname config_training
#' @export
config_is_traceback_filtering_enabled <- function() setting("traceback_filtering", TRUE)

#' @rdname config_training
#' @export
config_enable_traceback_filtering <- function() set_setting("traceback_filtering", TRUE)

#' @rdname config_training
#' @export
config_disable_traceback_filtering <- function() set_setting("traceback_filtering", FALSE)

#' @rdname config_training
#' @export
config_enable_unsafe_deserialization <- function() set_setting("unsafe_deserialization", TRUE)

#' @rdname config_training
#' @export
config_is_nnx_enabled <- function() FALSE

#' @rdname config_training
#' @export
config_set_backend <- function(backend) {
  if (!identical(backend, "kerasbridge"))
    raise_bridge_error("value_error", sprintf("kerasbridge runs Keras's ops on its own .NET engine, which cannot be exchanged for another backend. Received: backend=%s", shown(backend)))
  invisible()
}
