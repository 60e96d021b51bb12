# The bad-input matrix: each case is one call given what it cannot take, the Keras-like class of
# the error it must raise, and text its message must contain (what was received, in most cases).
bad_input <- function(behaviour, call, class, message) {
  list(behaviour = behaviour, call = substitute(call), class = class, message = message)
}

# One test per case, named for its behaviour; `env` holds the fixtures the calls use.
test_bad_inputs <- function(cases, env = parent.frame()) {
  for (case in cases) {
    test_that(case$behaviour, {
      expect_bridge_error(eval(case$call, env), case$class, case$message, fixed = TRUE)
    })
  }
}

# Expects `code` to fail with a kerasbridge error of `class` whose message contains `message`,
# and `variable` to hold afterwards what it held before.
expect_refused_unchanged <- function(variable, code, class, message) {
  before <- as.array(variable)
  expect_bridge_error(code, class, message, fixed = TRUE)
  expect_identical(as.array(variable), before)
}

# An object as a saved workspace from before kerasbridge saved objects' state gives it back:
# serialization version 2 writes no saved state, so its pointer points nowhere.
from_previous_session <- function(x) unserialize(serialize(x, NULL, version = 2))
