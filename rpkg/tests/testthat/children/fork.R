# Forks the session in one of the ways package parallel does, as named by the first argument,
# and prints what the children and the parent saw as "<key> <value>" lines; "alive" last, once
# the parent has used the engine again after the forks.
library(kerasbridge)
library(parallel)
case <- commandArgs(trailingOnly = TRUE)[[1]]
say <- function(key, value) cat(key, paste(as.character(value), collapse = " "), "\n")
rounds <- 5

# Until its first use the engine is still starting (on a thread of its own) or not attached.
v <- if (!case %in% c("mclapply-before-any-object", "before-first-use")) keras_variable(array(1:6, c(2, 3)), name = "kernel")

switch(case,
  "mclapply-before-any-object" = ,
  "mclapply" = for (i in seq_len(rounds)) {
    say("squares", unlist(mclapply(1:4, function(i) i^2, mc.cores = 2)))
  },
  "mcparallel" = for (i in seq_len(rounds)) {
    jobs <- list(mcparallel(sum(as.array(v))), mcparallel(v$name))
    say("collected", unlist(mccollect(jobs)))
  },
  # Killed as soon as its pid is known, often before the child has run at all.
  "pskill" = for (i in seq_len(4 * rounds)) {
    job <- mcparallel(Sys.sleep(30))
    tools::pskill(job$pid)
    say("killed", length(suppressWarnings(mccollect(job, wait = TRUE))))
  },
  "before-first-use" = {
    job <- mcparallel(class(tryCatch(keras_variable(1), error = identity)))
    say("child-classes", mccollect(job)[[1]])
    for (i in seq_len(4 * rounds)) {
      job <- mcparallel(Sys.sleep(30))
      tools::pskill(job$pid)
      say("killed", length(suppressWarnings(mccollect(job, wait = TRUE))))
    }
  },
  "fork-cluster" = {
    cl <- makeForkCluster(2)
    say("read", unlist(parLapply(cl, 1:2, function(i) as.array(v)[i])))
    err <- tryCatch(clusterEvalQ(cl, keras_variable(1)), error = conditionMessage)
    say("refused", grepl("does not run in a forked child", err))
    stopCluster(cl)
  },
  "engine-in-child" = {
    classes <- mclapply(1:2, function(i) class(tryCatch(v$assign(v$value), error = identity)), mc.cores = 2)
    say("classes", classes[[1]])
    job <- mcparallel(keras_variable(1))
    say("child-error", class(mccollect(job)[[1]])[1])
  },
  "reads-in-child" = {
    dtypes <- c("float16", "bfloat16", "float32", "float64", "int8", "int16", "int32", "int64",
                "uint8", "uint16", "uint32", "uint64", "bool", "complex64", "complex128")
    values <- lapply(dtypes, function(d) {
      x <- if (startsWith(d, "complex")) array(complex(real = 0:5, imaginary = 5:0), c(2, 3)) else array(c(0, 1, 2, 3, 1, 0), c(2, 3))
      keras_variable(x, dtype = d, name = paste0("v_", d))
    })
    seen <- function(x) list(as.array(x), dim(x), x$shape, x$dtype, x$name, x$path, x$trainable,
                             as.array(x$value), x$value$dtype, unlist(x$value$shape), format(x), format(x$value),
                             length(x), as.vector(x))
    here <- lapply(values, seen)
    there <- mclapply(seq_along(values), function(i) seen(values[[i]]), mc.cores = 2)
    for (i in seq_along(dtypes)) say(paste0("same-", dtypes[i]), identical(here[[i]], there[[i]]))
  },
  # What workers return comes back through R's serialization, from the catalogue.
  "returned-from-child" = {
    dtypes <- c("float16", "bfloat16", "float32", "float64", "int8", "int16", "int32", "int64",
                "uint8", "uint16", "uint32", "uint64", "bool", "complex64", "complex128")
    tensors <- lapply(dtypes, function(d) op_cast(op_array(array(c(0, 1, 2, 3, 1, 0), c(2, 3))), d))
    w <- keras_variable(array(c(1.5, NaN, -0, 4), c(2, 2)), dtype = "float32", name = "w", trainable = FALSE,
                        aggregation = "sum", synchronization = "on_read")
    back <- mclapply(1:2, function(i) list(tensors = tensors, w = w, value = w$value), mc.cores = 2)[[1]]
    for (i in seq_along(dtypes))
      say(paste0("back-", dtypes[i]), identical(back$tensors[[i]]$dtype, dtypes[i]) &&
            identical(as.array(back$tensors[[i]]), as.array(tensors[[i]]), num.eq = FALSE))
    seen <- function(x) list(as.array(x), x$dtype, x$name, x$path, x$trainable, x$autocast, x$aggregation, x$synchronization)
    say("back-variable", identical(seen(back$w), seen(w), num.eq = FALSE))
    say("back-value", identical(as.array(back$value), as.array(w$value), num.eq = FALSE) && inherits(back$value, "kerasbridge_tensor"))
    back$w$assign(array(0, c(2, 2)))
    say("independent", identical(as.array(w)[1, 1], 1.5))
  },
  # A tensor of 400 KB, and one of 40 MB, whose R vector the engine asks huge pages for.
  "reads-large-in-child" = for (n in c(1e5, 1e7)) {
    large <- keras_variable(array(seq_len(n) %% 251, n), dtype = "float32")
    t <- large$value * 2
    here <- list(as.array(large), as.array(t))
    there <- mccollect(mcparallel(list(as.array(large), as.array(t))))[[1]]
    say(paste0("same-", format(n, scientific = FALSE)), identical(here, there))
  },
  "reads-transpose-in-child" = {
    m <- matrix(seq_len(3e5) %% 251, 500, 600)
    view <- op_transpose(op_array(m, "float32"))
    there <- mccollect(mcparallel(as.array(view)))[[1]]
    say("same-transpose", identical(there, t(m)) && identical(as.array(view), t(m)))
  }
)
v2 <- keras_variable(array(1, c(2, 2)))
v2$assign_add(array(1, c(2, 2)))
say("parent", sum(as.array(v2)))
cat("alive\n")
