# Run in a fresh Rscript: prints the peak resident memory, in bytes, that converting 1e7 R
# doubles to float32 adds over the resident memory before it. `ours` converts with
# keras_variable(), `peer` with NumPy through reticulate. Everything but the conversion
# (package load, engine start, the input) happens first, then the kernel's peak counter is
# reset through /proc/self/clear_refs, so the peak belongs to the conversion alone.
side <- commandArgs(trailingOnly = TRUE)[[1L]]
n <- 1e7

status_kb <- function(field) {
  line <- grep(paste0("^", field, ":"), readLines("/proc/self/status"), value = TRUE)
  as.double(sub("^[^:]*:[[:space:]]*([0-9]+) kB$", "\\1", line)) * 1024
}

convert <- if (side == "ours") {
  library(kerasbridge)
  function(x) keras_variable(x, dtype = "float32")
} else {
  np <- reticulate::import("numpy", convert = FALSE)
  function(x) np$array(x, dtype = "float32", order = "C")
}
invisible(convert(array(1, c(3, 3))))
x <- array(rnorm(n), n)
invisible(gc())
# kerasbridge keeps freed heap memory for reuse until R has not called its engine for 2-4 s: the
# input's freed temporaries would otherwise hold the conversion's memory, and the peak would not
# show it. The peer waits as long.
Sys.sleep(5)
writeLines("5", "/proc/self/clear_refs")
before <- status_kb("VmRSS")
result <- convert(x)
cat(sprintf("%.0f\n", status_kb("VmHWM") - before))
