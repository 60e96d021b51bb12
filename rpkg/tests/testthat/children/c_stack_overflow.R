# Run by an interactive R reading this file as its input, so that an error returns to the
# prompt as it would for a user: overflows of R's C stack in R's own code, which does not check
# the stack, with the engine running (its fault handler sits in front of R's), first at the top
# level, then in one of the engine's callbacks into R. R >= 4.3's handler leaves SIGSEGV at its
# default action after the first (plain R 4.4 ends at the second); the engine call between them
# puts the routing back. Prints "alive <values>" after each if the session and a variable made
# before are still usable, and "blocked <before> <after>": the signals R's thread blocks (R's
# jump to the top level keeps the mask the fault was handled with).
library(kerasbridge)
blocked <- function() sub("^SigBlk:\\s*", "", grep("^SigBlk", readLines("/proc/thread-self/status"), value = TRUE))
v <- keras_variable(c(1, 2))
before <- blocked()
x <- list()
for (i in 1:1e6) x <- list(x)
unlist(x)
cat("alive", as.array(v$assign(v + 1)), "\n")
keras_variable(initializer = function(shape, dtype) { unlist(x); op_ones(shape) }, shape = 2)
cat("alive", as.array(v$assign(v + 1)), "\n")
cat("blocked", before, blocked(), "\n")
