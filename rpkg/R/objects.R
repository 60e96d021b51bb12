# Tensors and variables are S4 objects so that `x@r` and `x@py` work on R 4.2 as well as on
# R >= 4.3: the `r` and `py` slots hold indexers, and `[`/`[<-` on those do the work.
# Objects are made by setting attributes on a prototype, far cheaper than new().

methods::setClass("kerasbridge_object", representation("VIRTUAL", ptr = "externalptr", r = "ANY", py = "ANY"))
methods::setClass("kerasbridge_tensor", contains = "kerasbridge_object")
methods::setClass("kerasbridge_variable", contains = "kerasbridge_object")

.proto <- new.env(parent = emptyenv())

make_prototypes <- function() {
  null_ptr <- methods::new("externalptr")
  .proto$tensor <- methods::new("kerasbridge_tensor", ptr = null_ptr)
  .proto$variable <- methods::new("kerasbridge_variable", ptr = null_ptr)
}

wrap_object <- function(ptr, kind) {
  x <- .proto[[kind]]
  attr(x, "ptr") <- ptr
  attr(x, "r") <- structure(list(ptr = ptr, one_based = TRUE), class = "kerasbridge_indexer")
  attr(x, "py") <- structure(list(ptr = ptr, one_based = FALSE), class = "kerasbridge_indexer")
  x
}

wrap_tensor <- function(ptr) wrap_object(ptr, "tensor")

# The external pointer of a kerasbridge object, or the value itself for plain R data.
unwrap <- function(x) {
  if (is_kerasbridge_object(x)) x@ptr else if (inherits(x, "kerasbridge_initializer")) attr(x, "ptr") else x
}

is_kerasbridge_object <- function(x) isS4(x) && methods::is(x, "kerasbridge_object")
