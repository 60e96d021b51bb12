# `$` on tensors and variables is dispatched as S3 methods (R does so for S4 objects too), so
# the package changes nothing in how other packages' methods are dispatched.

test_that("loading the package registers no task callback and defines no S4 method for `$`", {
  expect_false(any(grepl("kerasbridge", getTaskCallbackNames())))
  expect_false(methods::existsMethod("$", "kerasbridge_variable"))
  expect_false(methods::existsMethod("$", "kerasbridge_tensor"))
})

test_that("`$` reaches variables and tensors while another class has S4 methods for `$`", {
  env <- environment()
  methods::setClass("kerasbridge_dollar_probe", representation("list"), where = env)
  methods::setMethod("$", "kerasbridge_dollar_probe", function(x, name) paste("probe", name), where = env)
  withr::defer({
    methods::removeMethod("$", "kerasbridge_dollar_probe", where = env)
    methods::removeClass("kerasbridge_dollar_probe", where = env)
  })
  probe <- methods::new("kerasbridge_dollar_probe", list())
  v <- keras_variable(array(1:4, c(2, 2)), name = "dispatched")
  expect_identical(probe$anything, "probe anything")
  expect_identical(v$name, "dispatched")
  expect_identical(v$value$dtype, "int32")
  v$trainable <- FALSE
  expect_false(v$trainable)
})

test_that("tab completion lists a variable's attributes and methods", {
  v <- keras_variable(1)
  expect_true(all(c("assign", "value", "shape") %in% utils:::.DollarNames(v, "")))
})
