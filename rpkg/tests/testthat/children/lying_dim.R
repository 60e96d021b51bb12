# R objects whose dim attribute lies about their length, as an edited serialize() stream can
# make them (R's own functions refuse to): every use is a classed error, never a read past the
# data. Prints "<case> <first class of the condition>" per case, then "alive".
library(kerasbridge)
with_dim <- function(x, dim) {
  attr(x, "foo") <- dim
  bytes <- serialize(x, NULL)
  at <- grepRaw("foo", bytes, fixed = TRUE)
  bytes[at:(at + 2L)] <- charToRaw("dim")
  unserialize(bytes)
}
v <- keras_variable(array(0, c(2, 2)))
cases <- list(
  "longer-dim" = quote(keras_variable(with_dim(1:3, c(2L, 2L)))),
  "huge-dim" = quote(keras_variable(with_dim(1, c(20000L, 20000L)))),
  "shorter-dim" = quote(keras_variable(with_dim(as.double(1:5), c(2L, 2L)))),
  "double-dim" = quote(keras_variable(with_dim(as.double(1:4), c(2, 2)))),
  "negative-dim" = quote(keras_variable(with_dim(as.double(1:4), c(-2L, -2L)))),
  "na-dim" = quote(keras_variable(with_dim(as.double(1:4), c(NA_integer_, 2L)))),
  "assign" = quote(v$assign(with_dim(as.double(1:3), c(2L, 2L)))),
  "operator" = quote(v$value + with_dim(as.double(1:3), c(2L, 2L))),
  "mask-index" = quote(v@r[with_dim(c(TRUE, FALSE, TRUE), c(2L, 2L))])
)
for (case in names(cases)) {
  outcome <- tryCatch({ eval(cases[[case]]); "no-error" }, error = function(e) paste(class(e)[1:2], collapse = "/"))
  cat(case, outcome, "\n")
}
cat("unchanged", identical(as.array(v), array(0, c(2, 2))), "\n")
cat("alive\n")
