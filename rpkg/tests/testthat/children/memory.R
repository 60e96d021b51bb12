# Runs under a .NET heap limit (DOTNET_GCHeapHardLimit, set by the parent): asks for tensors
# larger than the limit, then checks that the session goes on. Prints "<case> <class> <message>".
library(kerasbridge)
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
attempt("from_r", keras_variable(array(0, c(1e4, 1e4))))
v <- keras_variable(array(1, c(2, 2)))
cat("usable", identical(as.array(v), array(1, c(2, 2))), "\n")
