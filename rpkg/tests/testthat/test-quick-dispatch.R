# Whether R found a `$` method by its C-level table lookup: the full search through the generic
# runs the method with `.defined` in its frame, the quick path does not.
local_dollar_probe <- function(env = parent.frame()) {
  methods::setClass("kerasbridge_dollar_probe", representation("list"), where = env)
  methods::setMethod("$", "kerasbridge_dollar_probe",
                     function(x, name) exists(".defined", envir = environment(), inherits = FALSE),
                     where = env)
  withr::defer({
    methods::removeMethod("$", "kerasbridge_dollar_probe", where = env)
    methods::removeClass("kerasbridge_dollar_probe", where = env)
  }, envir = env)
  methods::new("kerasbridge_dollar_probe", list())
}

# What caching another package's methods for `$` does to R's dispatch: the merged table is
# stored where R expects the generic's environment.
cache_methods_as_a_package_load_does <- function() {
  generic <- methods::getGeneric("$")
  methods::setPrimitiveMethods("$", base::`$`, "set", generic, environment(generic)$.MTable)
}

test_that("resetting the primitives' methods puts `$` back on R's quick dispatch", {
  probe <- local_dollar_probe()
  cache_methods_as_a_package_load_does()
  expect_true(probe$anything)
  kerasbridge:::enable_quick_dispatch()
  expect_false(probe$anything)
})

test_that("the keeper restores quick dispatch after a top-level call loaded a namespace", {
  probe <- local_dollar_probe()
  namespaces <- 10L
  keeper <- kerasbridge:::quick_dispatch_keeper(function() namespaces)
  cache_methods_as_a_package_load_does()
  expect_true(probe$anything)
  namespaces <- 11L
  expect_true(keeper())
  expect_false(probe$anything)
})

test_that("the keeper leaves dispatch alone while no namespace was loaded", {
  probe <- local_dollar_probe()
  keeper <- kerasbridge:::quick_dispatch_keeper(function() 10L)
  cache_methods_as_a_package_load_does()
  expect_true(keeper())
  expect_true(probe$anything)
  kerasbridge:::enable_quick_dispatch()
})

test_that("the keeper is registered as a task callback while the package is loaded", {
  expect_true("kerasbridge_quick_dispatch" %in% getTaskCallbackNames())
})
