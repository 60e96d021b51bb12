# Values a variable cannot take, through every way of assigning: each is a kerasbridge error
# saying what was received, and the variable keeps its value.
v <- keras_variable(array(c(1, 2, 3, 4), c(2, 2)))
i <- keras_variable(array(1:4, c(2, 2)))

bad_values <- list(
  "a string" = list(value = "a", class = "type_error", message = "Cannot convert <character> of length 1 to a tensor"),
  "a character array" = list(value = array("a", c(2, 2)), class = "type_error", message = "Cannot convert <character> of length 4"),
  "NULL" = list(value = NULL, class = "type_error", message = "Cannot convert NULL to a tensor"),
  "a list of text" = list(value = list("a"), class = "type_error", message = "Cannot convert <character> of length 1"),
  "a list of differing shapes" = list(value = list(1, c(2, 3)), class = "value_error", message = "differ in shape"),
  "an environment" = list(value = new.env(), class = "type_error", message = "Cannot convert <environment> of length 0"),
  "a function" = list(value = sum, class = "type_error", message = "Cannot convert <builtin> of length 1"),
  "a tensor from a previous session" = list(value = from_previous_session(v$value), class = "value_error",
                                            message = "from a previous session")
)

assignments <- list(
  "$assign()" = function(value) v$assign(value),
  "$assign_add()" = function(value) v$assign_add(value),
  "$assign_sub()" = function(value) v$assign_sub(value),
  "@r[1, ] <-" = function(value) v@r[1, ] <- value,
  "@py[, 0] <-" = function(value) v@py[, 0] <- value,
  "op_subset(v, 2, 2) <-" = function(value) op_subset(v, 2, 2) <- value
)

for (how in names(assignments)) {
  for (what in names(bad_values)) {
    bad <- bad_values[[what]]
    test_that(sprintf("%s %s is a %s and leaves the variable unchanged", how, what, bad$class), {
      expect_refused_unchanged(v, assignments[[how]](bad$value), bad$class, bad$message)
    })
  }
}

test_that("$assign() of the wrong shape is a value_error and leaves the variable unchanged", {
  expect_refused_unchanged(v, v$assign(1:3), "value_error", "Received: value.shape=(3,)")
})

test_that("$assign_add() of a shape that does not broadcast is a value_error and leaves the variable unchanged", {
  expect_refused_unchanged(v, v$assign_add(array(1, c(3, 3))), "value_error", "Input shapes are: [2, 2] and [3, 3]")
})

test_that("@r<- of values that do not broadcast is a value_error and leaves the variable unchanged", {
  expect_refused_unchanged(v, v@r[1, ] <- 1:3, "value_error", "could not broadcast input array from shape (3,) into shape (2,)")
})

test_that("@r<- out of bounds is an index_error and leaves the variable unchanged", {
  expect_refused_unchanged(v, v@r[5, ] <- 1, "index_error", "index 5 is out of bounds")
})

test_that("$assign() of NA to an int32 variable from doubles is a value_error and leaves it unchanged", {
  expect_refused_unchanged(i, i$assign(c(NA, 1, 2, 3)), "value_error", "Cannot convert NA or NaN to dtype int32")
})

test_that("$assign() of a value out of int32's range is a value_error and leaves the variable unchanged", {
  expect_refused_unchanged(i, i$assign(array(1e10, c(2, 2))), "value_error", "Value 10000000000 is out of range for dtype int32")
})

test_that("$trainable <- a value that is neither a flag nor a number is a type_error and leaves trainable unchanged", {
  for (value in list(NA, "a", NULL, NA_real_, c(TRUE, FALSE))) {
    expect_bridge_error(v$trainable <- value, "type_error", "Argument `trainable` must be a boolean", fixed = TRUE)
  }
  expect_true(v$trainable)
})

test_that("setting another attribute is an attribute_error", {
  expect_bridge_error(v$shape <- 1, "attribute_error", "Attribute `shape` of a Variable cannot be set; only `trainable`, `overwrite_with_gradient`, `constraint` and `regularizer` can.", fixed = TRUE)
  expect_identical(as.integer(v$shape), c(2L, 2L))
})

test_that("replacing a slot is an attribute_error", {
  expect_bridge_error(v@ptr <- 1, "attribute_error", "Slot `ptr` of a variable cannot be replaced.", fixed = TRUE)
})

test_that("reading an unknown attribute is an attribute_error in Python's words", {
  expect_bridge_error(v$unknown, "attribute_error", "'Variable' object has no attribute 'unknown'", fixed = TRUE)
  expect_bridge_error(v$value$unknown, "attribute_error", "'Tensor' object has no attribute 'unknown'", fixed = TRUE)
})

test_that("operators with values that cannot be tensors are type_errors", {
  expect_bridge_error(v + "a", "type_error", "Cannot convert <character> of length 1", fixed = TRUE)
  expect_bridge_error(v + NULL, "type_error", "Cannot convert NULL", fixed = TRUE)
  expect_bridge_error(v * new.env(), "type_error", "Cannot convert <environment>", fixed = TRUE)
  expect_bridge_error(v %*% list("a"), "type_error", "Cannot convert <character> of length 1", fixed = TRUE)
})

test_that("setting an attribute of a tensor is an attribute_error, as for a variable", {
  expect_bridge_error({ t <- op_ones(2); t$foo <- 1 }, "attribute_error", "Attribute `foo` of a tensor cannot be set: tensors are immutable. Received: foo=1", fixed = TRUE)
})

test_that("setting trainable on a tensor is an attribute_error", {
  expect_bridge_error({ t <- op_ones(2); t$trainable <- NULL }, "attribute_error", "Received: trainable=NULL", fixed = TRUE)
})
