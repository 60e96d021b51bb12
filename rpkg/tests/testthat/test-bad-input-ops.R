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
