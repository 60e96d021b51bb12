# The usages of keras3's keras_variable() reference documentation.
library(kerasbridge)

initial_array <- array(1, c(3, 3))
variable_from_array <- keras_variable(initializer = initial_array)

variable_from_initializer <- keras_variable(
  initializer = initializer_ones(),
  shape = c(3, 3),
  dtype = "float32"
)

new_value <- array(0, c(3, 3))
variable_from_array$assign(new_value)

value <- variable_from_array$value
value@r[1, ] <- 99
invisible(variable_from_array$assign(value))
variable_from_array

non_trainable_variable <- keras_variable(
  initializer = array(1, c(3, 3)),
  dtype = "float32",
  trainable = FALSE
)

cat("\nAttributes of variable_from_array:\n")
str(list(
  shape = variable_from_array$shape, ndim = variable_from_array$ndim,
  dtype = variable_from_array$dtype, trainable = variable_from_array$trainable,
  autocast = variable_from_array$autocast, aggregation = variable_from_array$aggregation,
  name = variable_from_array$name, path = variable_from_array$path
))
variable_from_initializer
non_trainable_variable$name
non_trainable_variable$trainable
