# Runs long bridge work inside tryCatch(interrupt = ...) after printing "ready"; the parent sends
# SIGINT. Reports what was caught, how long the work ran, whether the variable holds all old or
# all new values, and whether it is usable afterwards. The mode is the first argument.
library(kerasbridge)
report <- function(key, value) {
  cat(key, format(value), "\n")
  flush(stdout())
}
old <- array(0, 1e7)
new <- array(1, 1e7)
v <- keras_variable(old, dtype = "float32")
work <- switch(commandArgs(TRUE)[[1]],
  initializer = function() keras_variable(initializer_orthogonal(seed = 1), shape = c(3000, 3000)),
  assign = function() repeat {
    v$assign(new)
    v$assign(old)
  },
  to_r = function() repeat as.array(v),
  r_function = function() keras_variable(function(shape, dtype) {
    Sys.sleep(30)
    array(0, shape)
  }, shape = 2)
)
cat("ready\n")
flush(stdout())
started <- Sys.time()
outcome <- tryCatch({
  work()
  "finished"
}, interrupt = function(e) "interrupted")
report("outcome", outcome)
report("seconds", as.numeric(Sys.time() - started, units = "secs"))
values <- as.array(v)
report("consistent", all(values == 0) || all(values == 1))
invisible(v$assign(new))
report("usable", all(as.array(v) == 1))
