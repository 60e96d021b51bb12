# Evaluates `code` with R's garbage collector running at every allocation. R's JIT compiler
# stays off meanwhile: compiling a closure on its second call takes seconds under gctorture.
under_gctorture <- function(code) {
  jit <- compiler::enableJIT(0)
  gctorture(TRUE)
  on.exit({
    gctorture(FALSE)
    compiler::enableJIT(jit)
  })
  force(code)
}

# Calls a bridge entry point by name, for the few that no exported function reaches directly.
call_entry <- function(entry, ...) {
  ns <- asNamespace("kerasbridge")
  .Call(get(paste0("krb_call", ...length()), ns), entry, ...)
}
