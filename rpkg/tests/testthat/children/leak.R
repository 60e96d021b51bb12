# Makes and drops 100,000 small and 200 large variables; prints how much resident memory grew (MB).
library(kerasbridge)
resident_mb <- function() {
  status <- grep("^VmRSS:", readLines("/proc/self/status"), value = TRUE)
  as.numeric(gsub("[^0-9]", "", status)) / 1024
}
small <- array(1, c(2, 2))
large <- array(1, 1e6)
for (i in 1:100) v <- keras_variable(small)
invisible(gc())
before <- resident_mb()
for (i in 1:100000) v <- keras_variable(small)
for (i in 1:200) v <- keras_variable(large)
for (i in 1:200) v <- keras_variable("ones", shape = 1e6, dtype = "float64")
rm(v)
invisible(gc())
cat("growth", resident_mb() - before, "\n")
