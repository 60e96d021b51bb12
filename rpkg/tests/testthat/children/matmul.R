# Prints what matrix products run on ("matmul") and the largest difference between op_matmul()
# and R's %*% over float32 and float64 shapes that exercise BLAS's edge cases ("error"); the
# environment chooses the implementation (KERASBRIDGE_BLAS).
library(kerasbridge)
set.seed(3)
error <- 0
for (dims in list(c(1, 1, 1), c(7, 3, 5), c(300, 130, 70), c(4, 0, 2), c(0, 3, 2))) {
  a <- matrix(runif(dims[1] * dims[2]), dims[1], dims[2])
  b <- matrix(runif(dims[2] * dims[3]), dims[2], dims[3])
  for (dtype in c("float32", "float64")) {
    product <- as.array(op_matmul(op_array(a, dtype), op_array(b, dtype)))
    if (!identical(dim(product), dim(a %*% b))) error <- Inf
    if (length(product)) error <- max(error, abs(product - a %*% b))
  }
}
cat("matmul", kerasbridge_diagnostics()$matmul, "\n")
cat("error", error, "\n")
