# Makes 8,000 float32 variables of 40 KB in a loop without gc(), as a fresh session would; prints
# the most tensors alive at once ("most") and whether the last one reads back right ("right").
library(kerasbridge)
x <- array(runif(1e4), c(100, 100))
most <- 0
for (i in 1:8000) {
  v <- keras_variable(x, dtype = "float32")
  if (i %% 100 == 0) most <- max(most, kerasbridge_diagnostics()$live_handles)
}
cat("most", most, "\n")
cat("right", isTRUE(all.equal(as.array(v), x, tolerance = 1e-7)), "\n")
