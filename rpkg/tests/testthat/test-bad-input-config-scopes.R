# kerasbridge_diagnostics(), config_set_floatx(), the scopes and shape(): every argument given what it cannot take.
test_bad_inputs(list(
  bad_input("kerasbridge_diagnostics(settle = NA) is a type_error", kerasbridge_diagnostics(settle = NA),
            "type_error", "Argument `settle` must be a boolean (TRUE or FALSE). Received: settle=NA"),
  bad_input("kerasbridge_diagnostics(settle = \"yes\") is a type_error", kerasbridge_diagnostics(settle = "yes"),
            "type_error", "Received: settle=\"yes\""),

  bad_input("config_set_floatx(NULL) is a type_error", config_set_floatx(NULL),
            "type_error", "Argument `value` must be a string. Received: value=NULL"),
  bad_input("config_set_floatx(NA) is a type_error", config_set_floatx(NA),
            "type_error", "Received: value=NA"),
  bad_input("config_set_floatx(a number) is a type_error", config_set_floatx(32),
            "type_error", "Received: value=32"),
  bad_input("config_set_floatx(two names) is a type_error", config_set_floatx(c("float32", "float64")),
            "type_error", "Received: value=c(\"float32\", \"float64\")"),
  bad_input("config_set_floatx(an environment) is a type_error", config_set_floatx(new.env()),
            "type_error", "Received: value=<environment> of length 0"),
  bad_input("config_set_floatx(an integer dtype) is a value_error", config_set_floatx("int32"),
            "value_error", "Unknown `floatx` value: int32. Expected one of {'bfloat16', 'float16', 'float32', 'float64'}"),

  bad_input("with_name_scope(NULL) is Keras's value_error", with_name_scope(NULL, 1),
            "value_error", "Argument `name` must be a string and cannot contain character `/`. Received: name=NULL"),
  bad_input("with_name_scope(NA) is Keras's value_error", with_name_scope(NA, 1),
            "value_error", "Received: name=NA"),
  bad_input("with_name_scope(a number) is Keras's value_error", with_name_scope(1, 1),
            "value_error", "Received: name=1"),
  bad_input("with_name_scope(two names) is Keras's value_error", with_name_scope(c("a", "b"), 1),
            "value_error", "Received: name=c(\"a\", \"b\")"),
  bad_input("with_name_scope(an environment) is Keras's value_error", with_name_scope(new.env(), 1),
            "value_error", "Received: name=<environment> of length 0"),
  bad_input("with_name_scope(a name with a slash) is a value_error", with_name_scope("a/b", 1),
            "value_error", "cannot contain character `/`. Received: name=a/b"),
  bad_input("local_name_scope(a number) is Keras's value_error", local_name_scope(1),
            "value_error", "Received: name=1"),
  bad_input("local_name_scope(envir = a number) is a type_error", local_name_scope("a", envir = 1),
            "type_error", "Argument `envir` must be an environment. Received: envir=1"),
  bad_input("local_name_scope(envir = NULL) is a type_error", local_name_scope("a", envir = NULL),
            "type_error", "Received: envir=NULL"),
  bad_input("with_autocast_scope(NA) is a type_error", with_autocast_scope(NA, 1),
            "type_error", "Argument `dtype` must be a string. Received: dtype=NA"),
  bad_input("with_autocast_scope(a number) is a type_error", with_autocast_scope(1, 1),
            "type_error", "Received: dtype=1"),
  bad_input("with_autocast_scope(two dtypes) is a type_error", with_autocast_scope(c("float16", "float32"), 1),
            "type_error", "Received: dtype=c(\"float16\", \"float32\")"),
  bad_input("with_autocast_scope(an unknown dtype) is a value_error", with_autocast_scope("bad", 1),
            "value_error", "Invalid dtype: bad"),
  bad_input("with_autocast_scope(an integer dtype) is a value_error", with_autocast_scope("int32", 1),
            "value_error", "int32"),

  bad_input("shape(a string) is a value_error", shape("a"),
            "value_error", "Cannot convert '\"a\"' to a shape."),
  bad_input("shape(an environment) is a value_error", shape(new.env()),
            "value_error", "Cannot convert '<environment> of length 0' to a shape."),
  bad_input("shape(a compact sequence of 3e9 numbers) is a value_error, without expanding it", shape(1:3e9),
            "value_error", "maximum supported dimension for an ndarray is 64, found 3000000000"),
  bad_input("shape(a list with a string) is a value_error", shape(list(1, "a")),
            "value_error", "Found invalid dimension 'a'"),
  bad_input("shape(a negative number other than -1) is a value_error", shape(-2),
            "value_error", "Negative dimensions are not allowed."),
  bad_input("shape(a fraction) is a value_error", shape(1.5),
            "value_error", "Found invalid dimension '1.5'")
))

test_that("a refused local_name_scope() leaves no scope open", {
  f <- function() {
    try(local_name_scope("leaked", envir = 1), silent = TRUE)
    keras_variable(1, name = "w")$path
  }
  expect_equal(f(), "w")
})

test_that("a refused config_set_floatx() keeps the old floatx", {
  try(config_set_floatx("int32"), silent = TRUE)
  expect_equal(config_floatx(), "float32")
})
