# Run in a fresh Rscript by bench/R/cold.R: the first conversion of this process in each
# direction, as a script's first call meets it. Loads the side's package (ours: kerasbridge,
# which starts the engine; the peer: reticulate, which starts Python and imports NumPy) and makes
# the input first, untimed; then times x -> float32 and that result -> R, each once.
# Usage: Rscript cold_one.R ours|numpy_c|numpy_k N DIMS (DIMS e.g. "10000,1000", or "vector").
args <- commandArgs(trailingOnly = TRUE)
side <- args[[1L]]
n <- as.double(args[[2L]])
dims <- if (args[[3L]] == "vector") n else as.double(strsplit(args[[3L]], ",", fixed = TRUE)[[1L]])

if (side == "ours") {
  library(kerasbridge)
  to_float32 <- function(x) keras_variable(x, dtype = "float32")
  to_r <- function(v) as.array(v)
} else {
  np <- reticulate::import("numpy", convert = FALSE)
  order <- if (side == "numpy_c") "C" else "K"
  to_float32 <- function(x) np$array(x, dtype = "float32", order = order)
  to_r <- function(a) reticulate::py_to_r(a)
}
set.seed(1)
x <- array(rnorm(n), dims)
t0 <- Sys.time()
y <- to_float32(x)
t1 <- Sys.time()
z <- to_r(y)
t2 <- Sys.time()
cat(sprintf("%.9f %.9f\n", as.double(t1) - as.double(t0), as.double(t2) - as.double(t1)))
