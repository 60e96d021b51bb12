# Runs under an R memory limit that holds an 800 MB R array but not a tensor of the same size
# beside it: asks for such tensors, then checks that the session goes on. Prints
# "<case> <class> <message>". (R takes no limit below its current collection trigger.)
library(kerasbridge)
mem.maxVSize(ceiling(gc()[2, 4]) + 900)
x <- array(0, c(1e4, 1e4))
attempt <- function(case, code) {
  err <- tryCatch({
    force(code)
    NULL
  }, error = identity)
  cat(case, if (is.null(err)) "no-error" else class(err)[1], if (is.null(err)) "" else conditionMessage(err), "\n")
  flush(stdout())
}
attempt("zeros", keras_variable("zeros", shape = c(1e4, 1e4, 2)))
attempt("random", keras_variable(initializer_random_normal(), shape = c(1e4, 1e4, 2)))
attempt("from_r", keras_variable(x))
v <- keras_variable(array(1, c(2, 2)))
cat("usable", identical(as.array(v), array(1, c(2, 2))), "\n")
