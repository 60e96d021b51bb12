# A loop converting a 1e7 float32 tensor to R arrays, results overwritten, as a user writes it:
# prints the minor page faults of its last calls, the resident memory at the end of the loop,
# and the resident memory once the session has not called the engine for a while (5 s).
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
rm(r)
invisible(gc())
cat("resident-after-loop", resident_mb(), "\n")
Sys.sleep(5)
cat("resident-when-idle", resident_mb(), "\n")
