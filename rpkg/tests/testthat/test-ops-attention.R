# Batch normalization with given statistics, scaled dot-product attention, saturating casts
# and custom-gradient functions, against formulas computed in base R.

test_that("op_batch_normalization normalizes along an axis with given statistics, offset and scale", {
  x <- rbind(c(0.1, 0.2, 0.3), c(0.4, 0.5, 0.6), c(0.7, 0.8, 0.9))
  out <- op_batch_normalization(x, mean = c(0.4, 0.5, 0.6), variance = c(0.67, 0.67, 0.67), axis = -1)
  expect_equal(as.array(out)[1, ], rep(-0.3662351, 3), tolerance = 1e-6)
  mean <- c(1, 2); variance <- c(4, 9); offset <- c(10, 20); scale <- c(2, 3)
  y <- matrix(runif(6), 2, 3)
  out <- op_batch_normalization(y, mean, variance, axis = 1, offset = offset, scale = scale, epsilon = 0)
  expect_equal(as.array(out), (y - mean) / sqrt(variance) * scale + offset)
  expect_error(op_batch_normalization(y, c(1, 2, 3), variance, axis = 1), "one value per element", class = "value_error")
  expect_error(op_batch_normalization(y, mean, variance, axis = 3), class = "value_error")
})

# Attention computed directly: for each batch, head and query position, a softmax over keys.
attention_by_hand <- function(q, k, v, mask = NULL, causal = FALSE) {
  d <- dim(q)
  out <- array(0, d)
  for (b in seq_len(d[[1L]])) for (n in seq_len(d[[3L]])) for (t in seq_len(d[[2L]])) {
    logits <- vapply(seq_len(dim(k)[[2L]]), function(s) sum(q[b, t, n, ] * k[b, s, n, ]), 0) / sqrt(d[[4L]])
    allowed <- rep(TRUE, length(logits))
    if (!is.null(mask)) allowed <- allowed & mask[b, n, t, ]
    if (causal) allowed <- allowed & seq_along(logits) <= t
    weights <- ifelse(allowed, exp(logits - max(logits[allowed])), 0)
    weights <- weights / sum(weights)
    for (h in seq_len(d[[4L]])) out[b, t, n, h] <- sum(weights * v[b, , n, h])
  }
  out
}

test_that("op_dot_product_attention weights the values by the softmax of scaled query-key products", {
  q <- array(rnorm(2 * 3 * 2 * 4), c(2, 3, 2, 4))
  k <- array(rnorm(2 * 5 * 2 * 4), c(2, 5, 2, 4))
  v <- array(rnorm(2 * 5 * 2 * 4), c(2, 5, 2, 4))
  expect_equal(as.array(op_dot_product_attention(q, k, v)), attention_by_hand(q, k, v), tolerance = 1e-6)
})

test_that("op_dot_product_attention with fewer key/value heads groups the query heads over them (GQA), as Keras documents", {
  q <- array(rnorm(2 * 3 * 4 * 2), c(2, 3, 4, 2))
  k <- array(rnorm(2 * 5 * 2 * 2), c(2, 5, 2, 2))
  v <- array(rnorm(2 * 5 * 2 * 2), c(2, 5, 2, 2))
  # Query heads 1-2 use key/value head 1, heads 3-4 head 2.
  grouped <- function(a) a[, , c(1, 1, 2, 2), , drop = FALSE]
  expect_equal(as.array(op_dot_product_attention(q, k, v)), attention_by_hand(q, grouped(k), grouped(v)), tolerance = 1e-6)
  expect_identical(as.integer(op_shape(op_dot_product_attention(op_ones(c(2, 16, 4, 32)), op_ones(c(2, 16, 1, 32)), op_ones(c(2, 16, 1, 32))))),
                   c(2L, 16L, 4L, 32L))
  expect_bridge_error(op_dot_product_attention(op_ones(c(1, 2, 3, 2)), op_ones(c(1, 2, 2, 2)), op_ones(c(1, 2, 2, 2))),
                      "value_error", "multiple of the number of key/value heads")
})

test_that("op_dot_product_attention masks keys, and with is_causal the keys after each query", {
  q <- array(rnorm(1 * 4 * 1 * 3), c(1, 4, 1, 3))
  mask <- array(rep(c(TRUE, FALSE), each = 4), c(1, 1, 4, 4))
  expect_equal(as.array(op_dot_product_attention(q, q, q, mask = mask)), attention_by_hand(q, q, q, mask = mask), tolerance = 1e-6)
  expect_equal(as.array(op_dot_product_attention(q, q, q, is_causal = TRUE)), attention_by_hand(q, q, q, causal = TRUE), tolerance = 1e-6)
})

test_that("op_dot_product_attention keeps float32 inputs float32 and refuses other ranks and flash attention", {
  q <- op_array(array(runif(16), c(1, 2, 2, 4)), "float32")
  expect_identical(op_dtype(op_dot_product_attention(q, q, q)), "float32")
  expect_error(op_dot_product_attention(matrix(1, 2, 2), matrix(1, 2, 2), matrix(1, 2, 2)), "4D", class = "value_error")
  expect_error(op_dot_product_attention(q, q, q, flash_attention = TRUE), class = "value_error")
})

test_that("op_saturate_cast clips to the target dtype's range before casting", {
  x <- op_array(c(-256, 1, 257), "float32")
  out <- op_saturate_cast(x, "uint8")
  expect_identical(op_dtype(out), "uint8")
  expect_equal(as.vector(as.array(out)), c(0, 1, 255))
  expect_equal(as.vector(as.array(op_saturate_cast(op_array(c(-5L, 300L)), "int8"))), c(-5, 127))
  expect_equal(as.vector(as.array(op_saturate_cast(op_array(c(7e4, -7e4, 1), "float32"), "float16"))), c(65504, -65504, 1))
  # float32 cannot hold 2^31 - 1: the greatest float32 below 2^31 is the bound.
  expect_equal(as.vector(as.array(op_saturate_cast(op_array(c(3e9, 5), "float32"), "int32"))), c(2147483520, 5))
})

test_that("op_saturate_cast from 64-bit integers keeps the values the target holds: int64's extremes, uint64's beyond 2^63", {
  i64 <- op_array(c(-3, 0, 5), "int64")
  for (dtype in c("int64", "float32", "float64"))
    expect_equal(as.vector(as.array(op_saturate_cast(i64, dtype))), c(-3, 0, 5))
  half <- op_array(2^62, "int64")
  most <- half - 1L + half
  expect_true(as.array(op_saturate_cast(most, "int64") == most))
  expect_true(as.array(op_saturate_cast(-most - 1L, "int64") == -most - 1L))
  expect_equal(as.vector(as.array(op_saturate_cast(op_array(c(1e19, 5), "uint64"), "uint64"))), c(1e19, 5))
})

test_that("op_cast to NULL casts to floatx, as Keras's standardize_dtype(None)", {
  expect_identical(op_dtype(op_cast(array(1L, 1), NULL)), config_floatx())
})

test_that("op_cast wraps out-of-range floats around where op_saturate_cast clips, as keras3's example shows", {
  x <- op_array(c(-22.5, 276.32355), "float32")
  expect_identical(as.vector(as.array(op_cast(x, "uint8"))), c(234L, 20L))
  expect_identical(as.vector(as.array(op_saturate_cast(x, "uint8"))), c(0L, 255L))
})

test_that("op_custom_gradient's function returns the forward value", {
  log1pexp <- op_custom_gradient(function(x) {
    e <- op_exp(x)
    list(op_log(1 + e), function(upstream) upstream * (1 - 1 / (1 + e)))
  })
  expect_equal(as.vector(as.array(log1pexp(op_array(c(0, 1), "float64")))), log1p(exp(c(0, 1))))
  expect_error(op_custom_gradient(function(x) x)(1), "list\\(value, grad_fn\\)", class = "value_error")
  expect_error(op_custom_gradient(1), "should be a callable", class = "type_error")
})

test_that("review: op_batch_normalization broadcasts one-value statistics; attention refuses a soft cap as Keras", {
  x <- matrix(runif(6), 2, 3)
  expect_equal(as.array(op_batch_normalization(x, mean = 0.5, variance = 1, axis = 2, epsilon = 0)), x - 0.5)
  q <- array(1, c(1, 2, 1, 2))
  expect_error(op_dot_product_attention(q, q, q, attn_logits_soft_cap = 5), "only supported", class = "value_error")
})
