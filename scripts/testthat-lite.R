# The expectations of testthat that the package's tests use, written in base R, for R versions
# on which Debian's testthat cannot load (R-devel hides entry points its compiled rlang calls).
# scripts/run-testthat.R sources this file when library(testthat) fails, then runs the same test
# files with run_lite(); each expectation here has testthat's (edition 3) meaning.

lite <- new.env()
local(envir = lite, {
  results <- list()
  current <- NULL

  record <- function(ok, what, info = NULL) {
    if (is.null(current)) {
      if (!ok) stop(what, call. = FALSE)
      return(invisible(ok))
    }
    if (!ok) current$failures <<- c(current$failures, paste(c(what, info), collapse = "\n"))
    current$expectations <<- current$expectations + 1L
    invisible(ok)
  }

  label <- function(expr) paste(deparse(expr, width.cutoff = 80L, nlines = 1L), collapse = "")

  skip <- function(message = "skipped") stop(structure(class = c("skip", "condition"), list(message = message, call = NULL)))
  skip_if_not <- function(condition, message = "condition not met") if (!isTRUE(condition)) skip(message)
  skip_if_not_installed <- function(pkg, minimum_version = NULL)
    if (!requireNamespace(pkg, quietly = TRUE)) skip(paste(pkg, "cannot be loaded"))
  skip_on_cran <- function() invisible()
  skip_if <- function(condition, message = "condition met") if (isTRUE(condition)) skip(message)
  skip_on_os <- function(os) {
    here <- switch(Sys.info()[["sysname"]], Windows = "windows", Darwin = "mac", Linux = "linux", SunOS = "solaris", "")
    if (here %in% os) skip(paste("on", here))
  }

  test_path <- function(...) file.path(getwd(), ...)

  test_that <- function(desc, code) {
    current <<- new.env()
    current$failures <- character()
    current$expectations <- 0L
    outcome <- tryCatch({
      # As testthat: with options(warn = 2) a warning becomes an error, so it is left alone.
      withCallingHandlers(eval(substitute(code), new.env(parent = parent.frame())),
                          warning = function(w) if (getOption("warn") < 2) invokeRestart("muffleWarning"),
                          message = function(m) invokeRestart("muffleMessage"))
      "done"
    }, skip = function(s) paste("skip:", conditionMessage(s)),
       error = function(e) paste("error:", conditionMessage(e)))
    failures <- current$failures
    if (startsWith(outcome, "error:")) failures <- c(failures, outcome)
    status <- if (length(failures)) "failed" else if (startsWith(outcome, "skip:")) "skipped" else "passed"
    results[[length(results) + 1L]] <<- list(test = desc, status = status, detail = c(failures, if (status == "skipped") outcome))
    if (status == "failed") cat("FAILED:", desc, "\n", paste0("  ", failures, collapse = "\n"), "\n", sep = "")
    current <<- NULL
    invisible(status == "passed")
  }

  expect <- function(ok, failure_message, info = NULL) record(isTRUE(ok), failure_message, info)
  expect_s4_class <- function(object, class)
    record(isS4(object) && methods::is(object, class), paste(label(substitute(object)), "is not an S4 object of class", class))
  expect_true <- function(object, info = NULL) record(isTRUE(object), paste(label(substitute(object)), "is not TRUE"), info)
  expect_false <- function(object, info = NULL) record(isFALSE(object), paste(label(substitute(object)), "is not FALSE"), info)
  expect_null <- function(object, info = NULL) record(is.null(object), paste(label(substitute(object)), "is not NULL"), info)
  # What testthat's waldo compares: the package's compare_proxy() view of an object, where it
  # has one for the object's class (a tensor's values), else the object.
  compared <- function(x) {
    # An S4 object's S3 methods are its classes' and their superclasses'.
    for (cls in if (isS4(x)) methods::is(x) else class(x)) {
      method <- get0(paste0("compare_proxy.", cls), envir = package_namespace, inherits = FALSE)
      if (is.function(method)) return(method(x, "x")$object)
    }
    x
  }
  expect_identical <- function(object, expected, info = NULL, label = NULL)
    record(identical(compared(object), compared(expected)), paste(label(substitute(object)), "is not identical to", label(substitute(expected))), info)
  expect_equal <- function(object, expected, tolerance = sqrt(.Machine$double.eps), info = NULL, label = NULL, ignore_attr = FALSE) {
    bare <- function(x) {
      x <- compared(x)
      if (isTRUE(ignore_attr) && is.atomic(x)) attributes(x) <- NULL
      x
    }
    same <- isTRUE(all.equal(bare(expected), bare(object), tolerance = tolerance))
    record(same, paste(label(substitute(object)), "does not equal", label(substitute(expected))), info)
  }
  expect_length <- function(object, n, info = NULL)
    record(length(object) == n, sprintf("%s has length %d, not %d", label(substitute(object)), length(object), n), info)
  expect_lt <- function(object, expected, info = NULL) record(isTRUE(object < expected), paste(object, "is not <", expected), info)
  expect_lte <- function(object, expected, info = NULL) record(isTRUE(object <= expected), paste(object, "is not <=", expected), info)
  expect_gt <- function(object, expected, info = NULL) record(isTRUE(object > expected), paste(object, "is not >", expected), info)
  expect_gte <- function(object, expected, info = NULL) record(isTRUE(object >= expected), paste(object, "is not >=", expected), info)
  expect_match <- function(object, regexp, ..., all = TRUE, info = NULL) {
    hits <- grepl(regexp, object, ...)
    record(length(object) > 0 && if (all) all(hits) else any(hits), paste(label(substitute(object)), "does not match", regexp), info)
  }
  expect_no_match <- function(object, regexp, ..., info = NULL)
    record(!any(grepl(regexp, object, ...)), paste(label(substitute(object)), "matches", regexp), info)
  expect_named <- function(object, expected, info = NULL)
    record(identical(names(object), expected), paste(label(substitute(object)), "does not have names", paste(expected, collapse = ", ")), info)
  expect_type <- function(object, type) record(identical(typeof(object), type), paste("type is", typeof(object), "not", type))
  expect_s3_class <- function(object, class) record(inherits(object, class), paste(label(substitute(object)), "does not inherit from", class))
  expect_setequal <- function(object, expected)
    record(all(object %in% expected) && all(expected %in% object), paste(label(substitute(object)), "and", label(substitute(expected)), "differ as sets"))
  expect_invisible <- function(call) record(!withVisible(call)$visible, paste(label(substitute(call)), "is visible"))
  expect_output <- function(object, regexp, ..., info = NULL) {
    out <- paste(utils::capture.output(object), collapse = "\n")
    record(grepl(regexp, out, ...), paste0("output does not match ", regexp, ": ", out), info)
  }

  # The first condition of `type` that matches is caught (an error stops the code, a warning is
  # muffled and the code goes on); it is returned, invisibly.
  expect_condition_of <- function(type, object, regexp, class, ..., info) {
    caught <- NULL
    matches <- function(cond) (is.null(class) || inherits(cond, class)) &&
      (is.null(regexp) || grepl(regexp, conditionMessage(cond), ...))
    if (type == "error") {
      caught <- tryCatch({ force(object); NULL }, error = function(e) e)
    } else {
      withCallingHandlers(force(object), warning = function(w) {
        if (is.null(caught) && matches(w)) {
          caught <<- w
          invokeRestart("muffleWarning")
        }
      })
    }
    what <- paste0("no ", type, if (!is.null(class)) paste0(" of class ", class), if (!is.null(regexp)) paste0(" matching ", regexp))
    record(!is.null(caught) && matches(caught),
           if (is.null(caught)) what else paste0(what, "; got: ", conditionMessage(caught), " (", paste(class(caught), collapse = "/"), ")"), info)
    invisible(caught)
  }
  expect_error <- function(object, regexp = NULL, class = NULL, ..., info = NULL)
    expect_condition_of("error", object, regexp, class, ..., info = info)
  expect_warning <- function(object, regexp = NULL, class = NULL, ..., info = NULL)
    expect_condition_of("warning", object, regexp, class, ..., info = info)
  expect_no_warning <- function(object) {
    warned <- NULL
    withCallingHandlers(object, warning = function(w) {
      warned <<- conditionMessage(w)
      invokeRestart("muffleWarning")
    })
    record(is.null(warned), paste("warned:", warned))
  }
})

# Runs the test files of `dir` (helpers first) as testthat would for an installed package; returns
# the counts "passed failed skipped", in tests.
run_lite <- function(dir, package) {
  lite$package_namespace <- asNamespace(package)
  attach(lite, name = "testthat-lite", warn.conflicts = FALSE)
  old <- setwd(dir)
  on.exit(setwd(old))
  shared <- new.env(parent = asNamespace(package))
  for (file in c(sort(list.files(".", "^helper.*\\.[rR]$")), sort(list.files(".", "^test.*\\.[rR]$")))) {
    cat("==", file, "\n")
    env <- if (startsWith(file, "helper")) shared else new.env(parent = shared)
    tryCatch(sys.source(file, envir = env, keep.source = FALSE), error = function(e) {
      lite$results[[length(lite$results) + 1L]] <- list(test = file, status = "failed", detail = conditionMessage(e))
      cat("FAILED: ", file, ": ", conditionMessage(e), "\n", sep = "")
    }, skip = function(s) cat("skipped the rest of", file, ":", conditionMessage(s), "\n"))
  }
  status <- vapply(lite$results, function(r) r$status, "")
  c(passed = sum(status == "passed"), failed = sum(status == "failed"), skipped = sum(status == "skipped"))
}
