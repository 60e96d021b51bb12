#' @include ops-image-sampling.R
NULL

# Connectionist temporal classification, as Keras's NumPy backend computes it: the loss by the
# forward algorithm in log space (Keras's formulation, from optax: impossible transitions cost
# log_epsilon = -1e5 rather than -Inf), decoding greedily or by prefix beam search. Class ids
# are 0-based, as keras3 passes them; keras3 makes `mask_index` (the blank) 0-based from 1-based.

ctc_log_epsilon <- -1e5

log_add_exp <- function(a, b) {
  top <- pmax(a, b)
  ifelse(is.infinite(top) & top < 0, top, top + log1p(exp(-abs(a - b))))
}

# log_softmax over the last axis of an R array (batch, time, classes).
log_softmax_classes <- function(x) {
  top <- apply(x, 1:2, max)
  shifted <- sweep(x, 1:2, top)
  sweep(shifted, 1:2, log(apply(exp(shifted), 1:2, sum)))
}

# keras3's 1-based `mask_index` as a 0-based class id among `classes`, as keras3 converts it
# (0 stays 0, negative ones count from the end); NULL is the last class, as in Keras.
blank_class <- function(mask_index, classes) {
  if (is.null(mask_index)) return(classes - 1L)
  index <- whole_number(scalar_value(mask_index), "mask_index")
  zero <- if (index > 0L) index - 1L else if (index == 0L) 0L else index + classes
  if (zero < 0L || zero >= classes)
    raise_bridge_error("value_error", sprintf("`mask_index` must be a class between 1 and %d. Received: mask_index=%d", classes, index))
  zero
}

# A (batch, time, classes) tensor's values as a double R array, and its dtype for results.
class_scores <- function(x, name) {
  t <- tensor_of(x)
  if (op_ndim(t) != 3L)
    raise_bridge_error("value_error", sprintf("`%s` must have shape (batch_size, max_length, num_classes). Received: %s.shape=%s", name, name, shape_text(t)))
  dtype <- promoted_dtype(op_dtype(t), "float32")
  list(values = array(as.array(op_cast(t, "float64")), as.integer(op_shape(t))), dtype = dtype)
}

# One whole number per sequence of the batch.
sequence_lengths_of <- function(lengths, batch, name) {
  values <- c(whole_values(lengths, name))
  if (length(values) != batch)
    raise_bridge_error("value_error", sprintf("`%s` must hold one length per sequence (%d). Received %d.", name, batch, length(values)))
  values
}

#' CTC loss and decoding
#'
#' keras3's connectionist temporal classification ops, as Keras computes them:
#'
#' - `op_ctc_loss()`: the negative log-likelihood of each label sequence `target[b, 1:target_length[b]]`
#'   under the per-step class scores `output[b, 1:output_length[b], ]` (logits, normalised here by
#'   a log-softmax), summed over every alignment, with `mask_index` the blank class.
#' - `op_ctc_decode()`: the most likely label sequences: `"greedy"` takes the best class at each
#'   step, then (with `merge_repeated`) merges repeats and drops blanks; `"beam_search"` keeps
#'   the `beam_width` most likely prefixes and returns the `top_paths` best.
#'
#' Class ids in `target` and in the decoded sequences are 0-based, as keras3 passes them to
#' Keras; `mask_index` is 1-based (keras3 converts it), so the default blank is class id 0.
#'
#' @param target Integer labels `(batch, max_label_length)`.
#' @param output Scores `(batch, max_length, num_classes)`.
#' @param target_length,output_length The length of each label sequence and of each output.
#' @param mask_index The blank class, 1-based.
#' @param inputs Scores `(batch, max_length, num_classes)`.
#' @param sequence_lengths The length of each sequence of `inputs`.
#' @param strategy `"greedy"` or `"beam_search"`.
#' @param beam_width,top_paths For beam search: the prefixes kept at each step, and the number
#'   of sequences returned.
#' @param merge_repeated For greedy decoding: whether to merge repeated classes.
#' @return `op_ctc_loss()`: a tensor of one loss per sequence. `op_ctc_decode()`: a list of the
#'   decoded class ids, an int32 tensor `(top_paths, batch, max_length)` padded with `-1`, and
#'   their scores `(batch, top_paths)` (greedy: minus the sum of the best scores; beam search:
#'   log-probabilities).
#' @family nn ops
#' @examples
#' logits <- array(c(5, 0, 0, 0, 5, 0, 0, 0, 5), c(1, 3, 3))  # steps favour classes 0, 1, 2
#' op_ctc_decode(logits, 3)
#' op_ctc_loss(array(c(1L, 2L), c(1, 2)), logits, 2, 3)
#' @name op_ctc_loss
NULL

#' @rdname op_ctc_loss
#' @export
op_ctc_loss <- function(target, output, target_length, output_length, mask_index = 1L) {
  scores <- class_scores(output, "output")
  dims <- dim(scores$values)
  labels <- tensor_of(target)
  if (op_ndim(labels) != 2L || axis_length(labels, 1L) != dims[[1L]])
    raise_bridge_error("value_error", sprintf("`target` must have shape (batch_size, max_label_length) with the batch size of `output` (%d). Received: target.shape=%s", dims[[1L]], shape_text(labels)))
  labels <- matrix(whole_values(labels, "target"), dims[[1L]])
  n <- ncol(labels)
  blank <- blank_class(mask_index, dims[[3L]])
  label_lengths <- pmin(pmax(sequence_lengths_of(target_length, dims[[1L]], "target_length"), 0), n)
  for (b in seq_len(dims[[1L]])) {
    used <- labels[b, seq_len(label_lengths[[b]])]
    if (any(used < 0 | used >= dims[[3L]]))
      raise_bridge_error("index_error", sprintf("Label %d of sequence %d is not a class id between 0 and %d.", used[used < 0 | used >= dims[[3L]]][[1L]], b, dims[[3L]] - 1L))
  }
  output_lengths <- sequence_lengths_of(output_length, dims[[1L]], "output_length")
  if (dims[[1L]] == 0L) return(op_zeros(0L, dtype = scores$dtype))
  logprobs <- log_softmax_classes(scores$values)
  repeats <- if (n > 1L) cbind((labels[, -n, drop = FALSE] == labels[, -1L, drop = FALSE]) * 1, 0) else matrix(0, dims[[1L]], n)
  # The blank-ended (phi, one more column: the empty prefix) and label-ended (emit) scores.
  phi <- cbind(0, matrix(ctc_log_epsilon, dims[[1L]], n))
  emit <- matrix(ctc_log_epsilon, dims[[1L]], n)
  add_to_phi <- function(phi, scores) cbind(phi[, 1L], log_add_exp(phi[, -1L, drop = FALSE], scores))
  # Where each label's log-probability is read at a step; labels that are not classes (padding
  # past a sequence's length) read 0, as Keras's one-hot of them is all zeros.
  known <- which(labels >= 0 & labels < dims[[3L]])
  rows <- row(labels)[known]
  for (step in seq_len(dims[[2L]])) {
    emit_step <- matrix(0, dims[[1L]], n)
    emit_step[known] <- logprobs[cbind(rows, step, labels[known] + 1L)]
    phi_step <- logprobs[, step, blank + 1L]
    moved <- add_to_phi(phi, emit + ctc_log_epsilon * repeats)
    next_emit <- log_add_exp(moved[, -(n + 1L), drop = FALSE] + emit_step, emit + emit_step)
    next_phi <- add_to_phi(moved + phi_step, emit + phi_step + ctc_log_epsilon * (1 - repeats))
    done <- step > output_lengths
    emit[!done, ] <- next_emit[!done, ]
    phi[!done, ] <- next_phi[!done, ]
  }
  final <- add_to_phi(phi, emit)
  op_array(array(-final[cbind(seq_len(dims[[1L]]), label_lengths + 1)], dims[[1L]]), scores$dtype)
}

#' @rdname op_ctc_loss
#' @export
op_ctc_decode <- function(inputs, sequence_lengths, strategy = "greedy", beam_width = 100L, top_paths = 1L,
                          merge_repeated = TRUE, mask_index = 1L) {
  # The strategy first, as Keras's backends choose it before they read anything else.
  if (!is.character(strategy) || length(strategy) != 1L || !strategy %in% c("greedy", "beam_search"))
    raise_bridge_error("value_error", sprintf("Invalid strategy %s. Supported values are 'greedy' and 'beam_search'.", shown(strategy)))
  scores <- class_scores(inputs, "inputs")
  dims <- dim(scores$values)
  lengths <- sequence_lengths_of(sequence_lengths, dims[[1L]], "sequence_lengths")
  blank <- blank_class(mask_index, dims[[3L]])
  if (strategy == "greedy") return(greedy_decode(scores, lengths, flag(merge_repeated, "merge_repeated"), blank))
  width <- whole_number(scalar_value(beam_width), "beam_width")
  paths <- whole_number(scalar_value(top_paths), "top_paths")
  if (width < 1L || paths < 1L || paths > 2 * width)
    raise_bridge_error("value_error", sprintf("`beam_width` and `top_paths` must be positive, `top_paths` at most twice `beam_width`. Received: beam_width=%d, top_paths=%d", width, paths))
  allocation_check(c(paths, dims[[1L]], dims[[2L]]), "int32")
  beam_decode(scores, lengths, width, paths, blank)
}

# The decoded sequences as keras3's pair: ids (paths, batch, time), -1 after each sequence, and
# the scores (batch, paths).
decoded_pair <- function(sequences, path_scores, dims, dtype, paths) {
  ids <- array(-1L, c(paths, dims[[1L]], dims[[2L]]))
  for (b in seq_along(sequences)) for (p in seq_along(sequences[[b]])) {
    s <- sequences[[b]][[p]]
    if (length(s)) ids[p, b, seq_along(s)] <- as.integer(s)
  }
  list(op_array(ids, "int32"), op_array(matrix(as.numeric(path_scores), dims[[1L]], paths, byrow = TRUE), dtype))
}

greedy_decode <- function(scores, lengths, merge_repeated, blank) {
  dims <- dim(scores$values)
  sequences <- vector("list", dims[[1L]])
  totals <- numeric(dims[[1L]])
  for (b in seq_len(dims[[1L]])) {
    steps <- seq_len(min(max(lengths[[b]], 0), dims[[2L]]))
    best <- apply(scores$values[b, steps, , drop = FALSE], 2L, which.max) - 1L
    totals[[b]] <- -sum(apply(scores$values[b, steps, , drop = FALSE], 2L, max))
    keep <- best != blank
    if (merge_repeated) keep <- keep & c(TRUE, best[-1L] != best[-length(best)])
    sequences[[b]] <- list(best[keep])
  }
  decoded_pair(sequences, totals, dims, scores$dtype, paths = 1L)
}

labels_of <- function(key) if (nzchar(key)) as.integer(strsplit(key, ",", fixed = TRUE)[[1L]]) else integer()

# The positions of the `n` best scores, best first. Equal scores are ordered as Keras orders
# them: it numbers the classes from the last (`flipped`), sorts the paths so numbered, padded
# with -1, and keeps the last of a stable ascending sort, so the greater such path comes first.
# (Its first step sorts the classes themselves, the blank included: `first_step`.)
best_first <- function(scores, labels, n, classes, blank, first_step = FALSE) {
  flipped <- lapply(labels, function(l) if (first_step && !length(l)) classes - 1L - blank else classes - 1L - l)
  longest <- max(1L, lengths(flipped))
  padded <- vapply(flipped, function(l) c(l, rep(-1, longest - length(l))), numeric(longest))
  tie <- do.call(order, unname(as.list(as.data.frame(t(matrix(padded, longest))))))
  rank <- integer(length(scores))
  rank[tie] <- seq_along(tie)
  rev(tail(order(scores, rank), n))
}

# Prefix beam search: each prefix keeps the log-probability of the alignments that end it with
# its last label (emit) and with a blank (mask). A label repeating the last one extends only the
# blank-ended alignments; otherwise it extends both. Same prefixes merge; the `width` best stay.
beam_decode <- function(scores, lengths, width, paths, blank) {
  dims <- dim(scores$values)
  logprobs <- log_softmax_classes(scores$values)
  classes <- setdiff(seq_len(dims[[3L]]) - 1L, blank)
  # The log of the summed probabilities of `values` for each of `into`'s keys.
  merge <- function(keys, values, into) {
    groups <- split(values, factor(keys, levels = into))
    unname(vapply(groups, function(v) {
      top <- if (length(v)) max(v) else -Inf
      if (is.infinite(top)) top else top + log(sum(exp(v - top)))
    }, 0))
  }
  sequences <- vector("list", dims[[1L]])
  best_scores <- vector("list", dims[[1L]])
  for (b in seq_len(dims[[1L]])) {
    beam <- list(keys = "", labels = list(integer()), emit = -Inf, mask = 0)
    for (step in seq_len(dims[[2L]])) {
      if (step > 1L && step > lengths[[b]]) break
      lp <- logprobs[b, step, ]
      total <- log_add_exp(beam$emit, beam$mask)
      tails <- vapply(beam$labels, function(l) if (length(l)) l[[length(l)]] else -1L, 0L)
      grid <- expand.grid(s = seq_along(beam$keys), c = classes)
      repeated <- tails[grid$s] == grid$c
      extended <- ifelse(repeated, beam$mask[grid$s], total[grid$s]) + lp[grid$c + 1L]
      new_keys <- paste0(beam$keys[grid$s], ifelse(nzchar(beam$keys[grid$s]), ",", ""), grid$c)
      emit_keys <- c(new_keys, beam$keys[grid$s[repeated]])
      emit_values <- c(extended, (beam$emit[grid$s] + lp[grid$c + 1L])[repeated])
      mask_keys <- beam$keys
      mask_values <- total + lp[[blank + 1L]]
      keys <- unique(c(emit_keys, mask_keys))
      emit <- merge(emit_keys, emit_values, keys)
      mask <- merge(mask_keys, mask_values, keys)
      labels <- lapply(keys, labels_of)
      keep <- best_first(log_add_exp(emit, mask), labels, width, dims[[3L]], blank, first_step = step == 1L)
      beam <- list(keys = keys[keep], labels = labels[keep], emit = emit[keep], mask = mask[keep])
    }
    total <- log_add_exp(beam$emit, beam$mask)
    ranked <- best_first(total, beam$labels, paths, dims[[3L]], blank)
    # A path no alignment reaches is reported empty, as Keras's padding rows are.
    found <- ifelse(is.finite(total[ranked]), beam$labels[ranked], list(integer()))
    sequences[[b]] <- c(found, rep(list(integer()), paths - length(ranked)))
    best_scores[[b]] <- c(total[ranked], rep(-Inf, paths - length(ranked)))
  }
  decoded_pair(sequences, unlist(best_scores), dims, scores$dtype, paths)
}
