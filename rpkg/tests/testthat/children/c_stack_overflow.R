# Run by an interactive R reading this file as its input, so that an error returns to the
# prompt as it would for a user: an overflow of R's C stack in R's own code, which does not
# check the stack, with the engine running (its fault handler sits in front of R's), at the
# top level or (KRB_OVERFLOW_IN=callback) in one of the engine's callbacks into R. One overflow
# per process: R 4.4's own handler does not survive a second. Prints "alive <values>" if the
# session and a variable made before are still usable.
library(kerasbridge)
v <- keras_variable(c(1, 2))
x <- list()
for (i in 1:1e6) x <- list(x)
if (Sys.getenv("KRB_OVERFLOW_IN") == "callback") keras_variable(initializer = function(shape, dtype) { unlist(x); op_ones(shape) }, shape = 2) else unlist(x)
cat("alive", as.array(v$assign(v + 1)), "\n")
