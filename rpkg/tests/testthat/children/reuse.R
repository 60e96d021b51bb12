# A loop converting a 1e7 float32 tensor to R arrays, and one making float32 variables of 1e7
# R doubles, results overwritten, as a user writes them: prints the minor page faults of their
# last calls, the resident memory at the end, and the resident memory once the session has not
# called the engine for a while (5 s).
library(kerasbridge)
faults <- function() as.numeric(strsplit(readLines("/proc/self/stat"), " ")[[1]][10])
resident_mb <- function() {
  status <- grep("^VmRSS:", readLines("/proc/self/status"), value = TRUE)
  as.numeric(gsub("[^0-9]", "", status)) / 1024
}
a <- op_array(array(seq_len(1e7) %% 7, 1e7), "float32")
for (i in 1:10) r <- as.array(a)
before <- faults()
for (i in 1:10) r <- as.array(a)
cat("faults-per-call", (faults() - before) / 10, "\n")
cat("right", identical(r, array(as.double(seq_len(1e7) %% 7), 1e7)), "\n")
x <- array(seq_len(1e7) %% 5, 1e7)
for (i in 1:10) v <- keras_variable(x, dtype = "float32")
before <- faults()
for (i in 1:10) v <- keras_variable(x, dtype = "float32")
cat("variable-faults-per-call", (faults() - before) / 10, "\n")
cat("variable-right", identical(as.array(v), x), "\n")
rm(r, v, x)
invisible(gc())
cat("resident-after-loop", resident_mb(), "\n")
Sys.sleep(5)
cat("resident-when-idle", resident_mb(), "\n")
