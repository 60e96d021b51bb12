# Run by an interactive R reading this file as its input, so that an error returns to the
# prompt as it would for a user: an overflow of R's C stack in R's own code, which does not
# check the stack, with the engine running (its fault handler sits in front of R's), then in
# one of the engine's callbacks into R. Prints "alive <values>" if the session and the
# variable are still usable after each.
library(kerasbridge)
v <- keras_variable(c(1, 2))
x <- list()
for (i in 1:1e6) x <- list(x)
unlist(x)
cat("alive", as.array(v$assign(v + 1)), "\n")
keras_variable(initializer = function(shape, dtype) { unlist(x); op_ones(shape) }, shape = 2)
cat("alive", as.array(v$assign(v + 1)), "\n")
