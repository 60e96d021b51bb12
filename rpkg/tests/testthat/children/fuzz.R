# The fuzzer: calls kerasbridge's R API with random arguments, case after case, in this child
# process, so that a crash shows as a dead child. Case i of seed s draws from its own random
# stream, builds its own objects and can be replayed alone.
#
#   Rscript fuzz.R SEED FIRST COUNT LOG [verbose]
#
# Before each case its number and call go to LOG (flushed), so that after a crash the LOG's last
# line names the case. A call that fails must fail with a kerasbridge_error, and a failed
# assignment must leave its variable as it was; anything else is printed as "finding: ...".
# The last line printed is "done <cases> <findings>".
library(kerasbridge)

args <- commandArgs(TRUE)
seed <- as.integer(args[[1]])
first <- as.numeric(args[[2]])
count <- as.numeric(args[[3]])
log <- file(args[[4]], open = "w")
verbose <- length(args) > 4

# ---- random values of every R type

# One of the arguments, chosen at random; only that one is evaluated.
pick <- function(...) ...elt(sample.int(...length(), 1))

random_number <- function() {
  pick(0, 1, -1, 2.5, -3, 1e6, -1e10, 1e300, .Machine$double.xmin, NaN, Inf, -Inf, NA_real_, 7L, -2L,
       .Machine$integer.max, NA_integer_, TRUE, FALSE, NA)
}

# Dimensions of at most `limit` elements. The default keeps operands small, so that two broadcast
# together stay quick; where one value is made, `big` allows past a million elements, where
# conversions work in chunks. Absurd shapes are drawn elsewhere, and fail fast.
big <- 3e6
random_dims <- function(limit = 1e3) {
  repeat {
    dims <- sample(c(0, 1, 1, 2, 2, 3, 5, 10, 100, 1e6), sample(0:4, 1), replace = TRUE)
    if (prod(dims) <= limit) return(dims)
  }
}

random_shape <- function() {
  pick(random_dims(big), random_dims(), random_dims(), as.integer(random_dims()), NULL, NA, c(2, NA), -1,
       c(1.5, 2), c(1e6, 1e6), c(1e6, 1e6, 1e6), 1e11, rep(1, 65), "a", list(2, 3), list(2, "a"),
       new.env(), function() 2, TRUE, c(Inf, 1))
}

random_dtype <- function() {
  pick(NULL, "float16", "bfloat16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8",
       "uint16", "uint32", "uint64", "bool", "complex64", "complex128", "string", "nonsense", NA,
       NA_character_, 32, c("float32", "int32"), list("float32"))
}

random_array <- function(limit = 1e3) {
  dims <- random_dims(limit)
  n <- prod(dims)
  values <- pick(
    runif(n, -10, 10), sample(-5:5, n, replace = TRUE), sample(c(TRUE, FALSE), n, replace = TRUE),
    sample(c(1, NA, NaN, Inf, -Inf, 0.5), n, replace = TRUE), sample(c(1L, NA), n, replace = TRUE),
    sample(c(TRUE, NA), n, replace = TRUE), complex(real = runif(n), imaginary = runif(n)),
    as.raw(sample(0:255, n, replace = TRUE)), rep("a", n), seq_len(n))
  if (length(dims) == 0 || runif(1) < 0.3) values else array(values, dims)
}

random_value <- function(depth = 0, limit = 1e3) {
  if (depth > 2) return(random_number())
  pick(
    random_number(), random_number(), random_array(limit), random_array(), random_array(),
    NULL, character(0), numeric(0), "ones", "glorot_uniform", "nonsense", c("a", "b"), NA_character_,
    list(1, 2), list(random_value(depth + 1)), new.env(), quote(x), quote(f(x)), y ~ x,
    factor(c("a", "b")), data.frame(a = 1:2), 1:3e9, sum, function() 1,
    random_tensor(), random_tensor(), random_variable(), random_restored(), random_initializer(),
    random_r_initializer(depth))
}

random_tensor <- function() {
  value <- tryCatch(keras_variable(random_array(), dtype = pick(NULL, "float32", "int32", "bool")), error = function(e) NULL)
  if (is.null(value)) keras_variable(array(1, c(2, 2)))$value else value$value
}

random_variable <- function() {
  tryCatch(keras_variable(random_array(), dtype = pick(NULL, "float32", "int32", "float64")),
           error = function(e) keras_variable(array(1, c(2, 2))))
}

random_restored <- function() unserialize(serialize(pick(random_variable(), random_tensor(), initializer_ones()), NULL))

random_initializer <- function() {
  make <- pick(initializer_zeros, initializer_ones, initializer_constant, initializer_identity,
               initializer_random_normal, initializer_random_uniform, initializer_truncated_normal,
               initializer_variance_scaling, initializer_glorot_normal, initializer_glorot_uniform,
               initializer_he_normal, initializer_he_uniform, initializer_lecun_normal,
               initializer_lecun_uniform, initializer_orthogonal)
  arguments <- formals(make)
  for (name in names(arguments)) if (runif(1) < 0.3) arguments[name] <- list(random_setting())
  tryCatch(do.call(make, as.list(arguments)), error = function(e) initializer_ones())
}

random_setting <- function() {
  pick(random_number(), NULL, "fan_in", "fan_avg", "uniform", "bad", c(1, 2), list(1), new.env(), sum)
}

random_r_initializer <- function(depth) {
  pick(
    function(shape, dtype) array(runif(prod(shape)), shape),
    function(shape, dtype) stop("fuzzed initializer failed"),
    function(shape, dtype) random_value(depth + 1),
    function(shape, dtype) array(0, c(shape, 2)),
    function(shape, dtype) { warning("fuzzed warning"); array(1, shape) },
    function() 1
  )
}

random_index <- function() {
  pick(quote(expr = ), quote(expr = ), 1, 2, -1, 0, 3, 1e10, -Inf, NA, NA_real_, 1.5, "a", c(1, 2), c(2, 1, 2),
       c(TRUE, FALSE), TRUE, NA, quote(1:2), quote(2:NA), quote(NA:1), quote(-2:-1), quote(3:1), quote(1.5:2),
       quote(newaxis), quote(all_dims()), quote(..), list(1), new.env(), random_tensor())
}

# ---- the operations a case can run; each returns a call to evaluate

operations <- list(
  make = function() call("keras_variable", literal(random_value(limit = big)), shape = random_shape(), dtype = random_dtype(),
                         trainable = pick(TRUE, FALSE, NA, 1, "yes", NULL), autocast = pick(TRUE, FALSE, NA),
                         aggregation = pick("none", "mean", NULL, "bad", 1, NA),
                         synchronization = pick("auto", "none", NULL, "bad", 1),
                         name = pick(NULL, "w", "a/b", "", 1, NA, c("a", "b"))),
  make_from_initializer = function() call("keras_variable", random_initializer(), shape = random_shape(), dtype = random_dtype()),
  call_initializer = function() as.call(list(random_initializer(), random_shape(), random_dtype())),
  read = function() {
    x <- pick(random_variable(), random_tensor())
    pick(call("as.array", x), call("$", x, "value"), call("$", x, pick("shape", "dtype", "ndim", "name", "nonsense")),
         call("print", x), call("format", x), call("str", x), call("dim", x), call("length", x))
  },
  subset = function() {
    x <- pick(random_variable(), random_tensor(), unserialize(serialize(pick(random_variable(), random_tensor()), NULL)))
    index <- replicate(sample(0:4, 1), random_index(), simplify = FALSE)
    as.call(c(list(as.name("["), call("@", x, as.name(pick("r", "py")))), index))
  },
  op_subset = function() {
    index <- replicate(sample(0:3, 1), random_index(), simplify = FALSE)
    as.call(c(list(as.name("op_subset"), literal(pick(random_variable(), random_tensor(), random_value()))), index))
  },
  ops = function() {
    operator <- pick("+", "-", "*", "/", "^", "%%", "%/%", "==", "!=", "<", ">=", "&", "|", "%*%")
    other <- pick(random_value(), random_tensor(), random_variable())
    # Data frames and factors have Ops methods of their own: R then dispatches to neither, and
    # raises its own error.
    if (is.data.frame(other) || is.factor(other)) other <- random_tensor()
    call(operator, pick(random_variable(), random_tensor()), literal(other))
  },
  unary = function() call(pick("-", "!", "abs", "round"), pick(random_variable(), random_tensor())),
  config = function() call("config_set_floatx", literal(pick("float32", "float64", "float16", "int32", NA, NULL, 1, random_value()))),
  scope = function() {
    code <- quote(keras_variable(1, name = "scoped")$path)
    pick(call("with_name_scope", literal(pick("s", "a/b", NA, 1, NULL, random_value())), code),
         call("with_autocast_scope", literal(pick("float16", NULL, "int32", NA, random_value())), code),
         as.call(list(call("function", NULL, as.call(c(as.name("local_name_scope"),
           pick(list("s"), list(1), list(NA), list("s", envir = 1), list("s", envir = NULL))))))))
  },
  shape = function() as.call(c(list(as.name("shape")), replicate(sample(0:3, 1), literal(pick(random_number(), random_value())), simplify = FALSE)))
)

# Assignments are checked: a failure leaves the variable as it was, a success keeps its shape and
# dtype. They run where `x` is the variable and `value` the value, as a user would write them.
assignment <- function() {
  env <- new.env(parent = globalenv())
  env$x <- random_variable()
  env$value <- random_value(limit = big)
  how <- pick("assign", "assign_add", "assign_sub", "r", "py", "op_subset")
  index <- replicate(sample(1:3, 1), random_index(), simplify = FALSE)
  code <- switch(how,
    r = , py = call("<-", as.call(c(list(as.name("["), call("@", quote(x), as.name(how))), index)), quote(value)),
    op_subset = call("<-", as.call(c(list(as.name("op_subset"), quote(x)), index)), quote(value)),
    as.call(list(call("$", quote(x), how), quote(value))))
  list(env = env, code = code, text = sprintf("x <- %s; value <- %s; %s", describe(env$x), describe(env$value), describe(code)))
}

# A one-line rendering of a case for the log: long vectors show as their type and length.
describe <- function(code) {
  text <- paste(deparse(abridged(code), width.cutoff = 200L, nlines = 3L), collapse = " ")
  if (nchar(text) > 300) paste0(substr(text, 1, 300), "...") else text
}

abridged <- function(x) {
  if (is.call(x)) return(as.call(lapply(as.list(x), function(part) if (missing(part)) part else abridged(part))))
  if (is.atomic(x) && length(x) > 10) return(as.name(sprintf("<%s of length %.0f>", typeof(x), length(x))))
  if (isS4(x)) return(as.name(utils::capture.output(str(x))))
  if (is.list(x) && !is.data.frame(x)) return(lapply(x, abridged))
  x
}

# A value as an argument of a call: symbols and calls are quoted, so the call passes them as values.
literal <- function(value) if (is.symbol(value) || is.call(value)) call("quote", value) else value

findings <- 0
finding <- function(case, what, text) {
  findings <<- findings + 1
  cat(sprintf("finding: seed %d case %.0f: %s\n  in %s\n", seed, case, what, text))
}

# Runs a case's code; warnings are muffled, what it prints is dropped.
evaluate <- function(code, env) {
  sink(nullfile())
  on.exit(sink())
  withCallingHandlers(
    tryCatch({
      eval(code, env)
      list(ok = TRUE)
    }, error = function(e) list(ok = FALSE, error = e)),
    warning = function(w) invokeRestart("muffleWarning"))
}

run_case <- function(case) {
  set.seed((seed * 7919 + case) %% .Machine$integer.max)
  checked <- runif(1) < 0.3
  planned <- if (checked) assignment() else {
    code <- operations[[sample.int(length(operations), 1)]]()
    list(env = new.env(parent = globalenv()), code = code, text = describe(code))
  }
  writeLines(sprintf("case %.0f: %s", case, planned$text), log)
  flush(log)
  if (verbose) cat(sprintf("case %.0f: %s\n", case, planned$text))
  before <- if (checked) as.array(planned$env$x)
  outcome <- evaluate(planned$code, planned$env)
  if (!outcome$ok && !inherits(outcome$error, "kerasbridge_error"))
    finding(case, paste("an error that is not a kerasbridge_error:", conditionMessage(outcome$error)), planned$text)
  if (checked) {
    after <- as.array(planned$env$x)
    if (!outcome$ok && !identical(after, before)) finding(case, "a failed assignment changed the variable", planned$text)
    if (outcome$ok && (!identical(dim(after), dim(before)) || typeof(after) != typeof(before)))
      finding(case, "an assignment changed the variable's shape or type", planned$text)
  }
  config_set_floatx("float32")
}

for (case in seq(first, length.out = count)) run_case(case)

# Whatever the cases made, R's collector releases: no handle outlives its R object.
invisible(gc())
counters <- kerasbridge_diagnostics(settle = TRUE)
if (counters$live_handles > 0) finding(NA, sprintf("%d .NET handles still alive after gc()", counters$live_handles), "gc()")
cat("done", count, findings, "\n")
