# A loop converting a 1e7 float32 tensor to R arrays, and one making float32 variables of 1e7
# R doubles, results overwritten, as a user writes them: prints the median of the minor page
# faults of each of their last 30 calls, the resident memory at the end, and the resident memory
# once the session has not called the engine for a while (5 s).
library(kerasbridge)
faults <- function() as.numeric(strsplit(readLines("/proc/self/stat"), " ")[[1]][10])
resident_mb <- function() {
  status <- grep("^VmRSS:", readLines("/proc/self/status"), value = TRUE)
  as.numeric(gsub("[^0-9]", "", status)) / 1024
}
# A median, because now and then a call does find its memory fresh (R's collector or glibc
# rearranging the heap: some 500-1,000 faults, about one call in eight here), and a mean over
# few calls swings with how many of those it happens to hold.
median_faults <- function(call) {
  for (i in 1:5) call()
  median(vapply(1:30, function(i) {
    before <- faults()
    call()
    faults() - before
  }, numeric(1)))
}
a <- op_array(array(seq_len(1e7) %% 7, 1e7), "float32")
cat("faults-per-call", median_faults(function() r <<- as.array(a)), "\n")
cat("right", identical(r, array(as.double(seq_len(1e7) %% 7), 1e7)), "\n")
x <- array(seq_len(1e7) %% 5, 1e7)
cat("variable-faults-per-call", median_faults(function() v <<- keras_variable(x, dtype = "float32")), "\n")
cat("variable-right", identical(as.array(v), x), "\n")
rm(r, v, x)
invisible(gc())
cat("resident-after-loop", resident_mb(), "\n")
Sys.sleep(5)
cat("resident-when-idle", resident_mb(), "\n")
