# CTC loss and decoding, checked against the definition: every alignment of a short sequence
# enumerated, collapsed (repeats merged, blanks dropped) and its probability summed.

log_softmax_rows <- function(m) m - log(rowSums(exp(m)))

# The probability of every labelling of sequence b's first `steps` steps, by its key "1,2".
labelling_probabilities <- function(logits, b, steps, blank = 0L) {
  k <- dim(logits)[[3L]]
  lp <- log_softmax_rows(matrix(logits[b, seq_len(steps), ], steps))
  alignments <- as.matrix(expand.grid(rep(list(seq_len(k) - 1L), steps)))
  keys <- apply(alignments, 1L, function(a) {
    runs <- rle(a)$values
    paste(runs[runs != blank], collapse = ",")
  })
  probabilities <- exp(rowSums(matrix(lp[cbind(rep(seq_len(steps), each = nrow(alignments)), as.vector(alignments) + 1L)], nrow(alignments))))
  tapply(probabilities, keys, sum)
}

ctc_logits <- function() {
  set.seed(3)
  array(rnorm(2 * 4 * 3), c(2, 4, 3))
}

test_that("op_ctc_loss is minus the log of the summed probability of the target's alignments", {
  logits <- ctc_logits()
  loss <- as.array(op_ctc_loss(matrix(c(1L, 2L, 2L, 0L), 2, byrow = TRUE), logits, c(2, 1), c(4, 3)))
  expect_equal(loss[[1L]], -log(labelling_probabilities(logits, 1, 4)[["1,2"]]), tolerance = 1e-6)
  expect_equal(loss[[2L]], -log(labelling_probabilities(logits, 2, 3)[["2"]]), tolerance = 1e-6)
  repeated <- op_ctc_loss(matrix(c(1L, 1L), 1), logits[1, , , drop = FALSE], 2, 4)
  expect_equal(as.vector(as.array(repeated)), -log(labelling_probabilities(logits, 1, 4)[["1,1"]]), tolerance = 1e-6)
})

test_that("op_ctc_loss takes the blank from mask_index, 1-based", {
  logits <- ctc_logits()
  loss <- op_ctc_loss(matrix(c(0L, 1L), 1), logits[1, , , drop = FALSE], 2, 4, mask_index = 3)
  expect_equal(as.vector(as.array(loss)), -log(labelling_probabilities(logits, 1, 4, blank = 2L)[["0,1"]]), tolerance = 1e-6)
})

test_that("op_ctc_loss gives float32 for float32 scores and refuses bad shapes", {
  logits <- op_array(ctc_logits(), "float32")
  expect_identical(op_dtype(op_ctc_loss(matrix(1L, 2, 1), logits, c(1, 1), c(4, 4))), "float32")
  expect_error(op_ctc_loss(matrix(1L, 3, 1), logits, c(1, 1, 1), c(4, 4, 4)), "batch size", class = "value_error")
  expect_error(op_ctc_loss(matrix(1L, 2, 1), matrix(0, 2, 3), c(1, 1), c(4, 4)), "num_classes", class = "value_error")
  expect_error(op_ctc_loss(matrix(1L, 2, 1), logits, 1, c(4, 4)), "one length per sequence", class = "value_error")
  expect_error(op_ctc_loss(matrix(1L, 2, 1), logits, c(1, 1), c(4, 4), mask_index = 4), "mask_index", class = "value_error")
})

test_that("op_ctc_decode greedy takes the best class per step, merges repeats and drops blanks", {
  logits <- ctc_logits()
  best <- apply(logits, 1:2, which.max) - 1L
  decoded <- op_ctc_decode(logits, c(4, 3))
  ids <- as.array(decoded[[1L]])
  expect_identical(dim(ids), c(1L, 2L, 4L))
  collapse <- function(v) {
    runs <- rle(v)$values
    runs[runs != 0L]
  }
  for (b in 1:2) {
    expected <- collapse(best[b, seq_len(c(4, 3)[[b]])])
    expect_identical(ids[1, b, ], c(expected, rep(-1L, 4L - length(expected))))
  }
  expect_equal(as.vector(as.array(decoded[[2L]])), -c(sum(apply(logits[1, , ], 1, max)), sum(apply(logits[2, 1:3, ], 1, max))))
  unmerged <- as.array(op_ctc_decode(array(c(0, 0, 5, 5, 0, 0), c(1, 2, 3)), 2, merge_repeated = FALSE)[[1L]])
  expect_identical(as.vector(unmerged), c(1L, 1L))
})

test_that("op_ctc_decode beam search finds the most probable labellings and their log-probabilities", {
  logits <- ctc_logits()
  decoded <- op_ctc_decode(logits, c(4, 3), strategy = "beam_search", beam_width = 50, top_paths = 3)
  ids <- as.array(decoded[[1L]])
  scores <- as.array(decoded[[2L]])
  for (b in 1:2) {
    truth <- sort(labelling_probabilities(logits, b, c(4, 3)[[b]]), decreasing = TRUE)[1:3]
    expect_equal(scores[b, ], log(as.vector(truth)), tolerance = 1e-6)
    found <- vapply(1:3, function(p) paste(ids[p, b, ids[p, b, ] >= 0L], collapse = ","), "")
    expect_identical(found, names(truth))
  }
})

test_that("op_ctc_decode refuses unknown strategies and impossible beams", {
  logits <- ctc_logits()
  expect_error(op_ctc_decode(logits, c(4, 4), strategy = "best"), "Invalid strategy", class = "value_error")
  # Keras's test_invalid_strategy_ctc_decode: the strategy is refused before the lengths are read.
  expect_error(op_ctc_decode(logits, c(4, 4, 1), strategy = "invalid"), "Invalid strategy", class = "value_error")
  expect_error(op_ctc_decode(logits, c(4, 4), strategy = "beam_search", beam_width = 2, top_paths = 5), "top_paths", class = "value_error")
  expect_error(op_ctc_decode(logits, 4), "one length per sequence", class = "value_error")
})

test_that("op_ctc_decode takes a beam as wide as R's integers allow", {
  logits <- ctc_logits()
  wide <- op_ctc_decode(logits, c(4, 4), strategy = "beam_search", beam_width = .Machine$integer.max)
  expect_identical(as.array(wide[[1L]]), as.array(op_ctc_decode(logits, c(4, 4), strategy = "beam_search")[[1L]]))
})

test_that("op_ctc_loss gives one loss per sequence, a batch of one included", {
  loss <- op_ctc_loss(matrix(1L, 1, 1), array(c(1, 1), c(1, 1, 2)), 1, 1)
  expect_identical(as.integer(op_shape(loss)), 1L)
  expect_equal(as.vector(as.array(loss)), log(2))
})

test_that("op_ctc_loss refuses labels that are not classes", {
  expect_error(op_ctc_loss(matrix(5L, 1, 1), array(c(1, 1), c(1, 1, 2)), 1, 1), "not a class id", class = "index_error")
  # Past the target's length, labels are padding and not read.
  expect_equal(as.vector(as.array(op_ctc_loss(matrix(c(1L, -1L), 1), array(c(1, 1), c(1, 1, 2)), 1, 1))), log(2))
})

test_that("op_ctc_decode takes mask_index as keras3 converts it: 0 is the first class, NULL the last", {
  logits <- ctc_logits()
  expect_identical(as.array(op_ctc_decode(logits, c(4, 4), mask_index = 0)[[1L]]), as.array(op_ctc_decode(logits, c(4, 4))[[1L]]))
  expect_identical(as.array(op_ctc_decode(logits, c(4, 4), mask_index = NULL)[[1L]]), as.array(op_ctc_decode(logits, c(4, 4), mask_index = 3)[[1L]]))
})

test_that("op_ctc_decode beam search breaks ties as Keras and reports unreachable paths empty", {
  tie <- op_ctc_decode(array(c(1, 1), c(1, 1, 2)), 1, strategy = "beam_search", beam_width = 1)
  expect_identical(as.vector(as.array(tie[[1L]])), -1L)
  expect_equal(as.vector(as.array(tie[[2L]])), log(0.5))
  none <- op_ctc_decode(array(0, c(1, 3, 2)), 3, strategy = "beam_search", beam_width = 4, top_paths = 4)
  expect_identical(as.array(none[[1L]])[4, 1, ], rep(-1L, 3))
  expect_identical(as.array(none[[2L]])[1, 4], -Inf)
})

test_that("a batch of no sequences decodes and scores to empty results", {
  none <- op_zeros(c(0, 5, 4))
  for (strategy in c("greedy", "beam_search")) {
    decoded <- op_ctc_decode(none, op_zeros(0, dtype = "int32"), strategy = strategy)
    expect_identical(as.integer(op_shape(decoded[[1L]])), c(1L, 0L, 5L))
    expect_identical(as.integer(op_shape(decoded[[2L]])), c(0L, 1L))
  }
  expect_no_warning(loss <- op_ctc_loss(op_zeros(c(0, 3), dtype = "int32"), none, op_zeros(0, dtype = "int32"), op_zeros(0, dtype = "int32")))
  expect_identical(as.integer(op_shape(loss)), 0L)
})
