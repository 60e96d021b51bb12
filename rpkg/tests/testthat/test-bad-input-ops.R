# Ops given arguments they cannot take (cases found by fuzzing): classed errors, never R's own.
x <- op_ones(c(2L, 3L))

test_bad_inputs(list(
  bad_input("a shape holding a vector far longer than any shape is refused before R expands it", shape(list(1:3e9)),
            "value_error", "Found invalid dimension '<double> of length 3000000000'"),
  bad_input("%*% of a one-column tensor and NULL is a type_error", op_ones(c(2, 1)) %*% NULL,
            "type_error", "Cannot convert NULL to a tensor"),
  bad_input("%*% of a one-column tensor and an environment is a type_error", op_ones(c(2, 1)) %*% new.env(),
            "type_error", "Cannot convert <environment>"),
  bad_input("op_scan with a negative length is a value_error", op_scan(function(c, x) list(c, c), 0, length = -1),
            "value_error", "`length` must not be negative. Received: length=-1"),
  bad_input("op_pad with NULL widths is a type_error", op_pad(x, NULL),
            "type_error", "`pad_width` must be whole numbers"),
  bad_input("op_pad with a function for widths is a type_error", op_pad(1:3, sum),
            "type_error", "Received: pad_width=.Primitive(\"sum\")"),
  bad_input("op_tensordot summing more axes than x1 has is a value_error", op_tensordot(op_ones(3), op_ones(3), axes = 1e10),
            "value_error", "`axes` cannot sum more axes than x1 has (1; keras3's axes = n sums n - 1). Received: axes=1e+10"),
  bad_input("op_quantile with a function for q is a value_error", op_quantile(1:3, sum),
            "value_error", "Quantiles must be in the range [0, 1]"),
  bad_input("op_segment_sum with complex segment ids is a type_error",
            op_segment_sum(c(1, 2, 3), op_array(complex(real = c(0, 1, 1), imaginary = 0)), 3),
            "type_error", "Indices must be whole numbers. Received: a tensor of dtype complex")
))

# Cases from the fuzz audit of non-UTF-8 strings, unclassed errors and misnamed arguments.
text_not_utf8 <- rawToChar(as.raw(c(0xff, 0xfe)))
images <- op_ones(c(1L, 4L, 4L, 1L))
carry_out <- function(carry, x) list(carry, carry)

test_bad_inputs(list(
  bad_input("op_max_pool with a padding that is not valid UTF-8 is a value_error", op_max_pool(images, 2L, padding = text_not_utf8),
            "value_error", "Received: padding=\"\\xff\\xfe\""),
  bad_input("op_conv with a padding that is not valid UTF-8 is a value_error", op_conv(images, op_ones(c(2L, 2L, 1L, 1L)), padding = text_not_utf8),
            "value_error", "Received: padding=\"\\xff\\xfe\""),
  bad_input("op_image_extract_patches with a padding that is not valid UTF-8 is a value_error",
            op_image_extract_patches(images, 2L, padding = text_not_utf8), "value_error", "Received: padding=\"\\xff\\xfe\""),
  bad_input("as_tensor with a function for shape is a value_error", as_tensor(1:6, shape = function(x) 1),
            "value_error", "Cannot convert '<closure> of length 1' to a shape."),
  bad_input("as_tensor with an S4 object for shape is a value_error", as_tensor(1:6, shape = methods::getClass("numeric")),
            "value_error", "to a shape."),
  bad_input("op_scan with an empty list of xs and no length is a value_error", op_scan(carry_out, 0, xs = list()),
            "value_error", "Got no `xs` to scan over and `length` not provided. Received: xs=list()"),
  bad_input("op_scan with an initializer for length is a type_error", op_scan(carry_out, 0, length = initializer_ones()),
            "type_error", "`length` must be a whole number. Received: length=<Initializer Ones()>"),
  bad_input("op_vectorize with a function for excluded is a type_error", op_vectorize(function(x) x, excluded = function(...) 1),
            "type_error", "`excluded` must hold argument positions or names. Received: excluded=function"),
  bad_input("op_tensordot with an empty list of axes is a value_error", op_tensordot(op_ones(c(2, 2)), op_ones(c(2, 2)), axes = list()),
            "value_error", "a list of two vectors of axes. Received: axes=list()"),
  bad_input("op_cond with an initializer for a branch is a type_error", op_cond(TRUE, initializer_ones(), function() 2),
            "type_error", "missing 1 required positional argument: 'shape'"),
  bad_input("op_add with an initializer as x2 names x2", op_add(op_ones(1), initializer_ones()),
            "type_error", "Argument `x2` must be a tensor or variable. Received: an initializer"),
  bad_input("op_add with an initializer as x1 names x1", op_add(initializer_ones(), 1),
            "type_error", "Argument `x1` must be a tensor or variable. Received: an initializer")
))
