# Turns the measurements into the markdown of bench/results.md: the tables, and the verdict on
# each target of the issue (item 3), misses listed with their ratio.

ratio_text <- function(r) if (is.na(r)) "\u2013" else sprintf("%.2f", r)
elements <- function(n) format(n, scientific = TRUE)

direction_text <- c(
  to_float32 = "R double array -> float32: ours `keras_variable(x, dtype = \"float32\")` (a variable holding a converted copy); NumPy `np$array(x, dtype = \"float32\", order = \"C\")` and `order = \"K\"` (a converted copy, reordered into C order or kept in R's order); floor: `(float) x[i]` into a warm float buffer",
  to_r = "float32 -> R double array: ours `as.array(v)` of a float32 variable; NumPy `py_to_r(a)` of a float32 array in C order (`a_c`) or in R's order (`a_k`), which reticulate casts to a float64 array in R's order and copies into a new R array; floor: `(double) f[i]` into a warm double buffer",
  to_float64 = "R double array -> float64: ours `keras_variable(x)` (a copy); NumPy `np$array(x, dtype = \"float64\", order = \"C\"/\"K\")` (a copy); floor: `memcpy` into a warm buffer",
  from_float64 = "float64 -> R double array: ours `as.array(v)`; NumPy `py_to_r(a)` (reticulate copies a float64 array in R's order, reordering a C-order one first); floor: `memcpy` into a warm buffer")

# Target verdict of one loop row: <= 1.0 x each NumPy peer, and from 1e7 elements <= 1.5 x the floor.
loop_misses <- function(row) {
  misses <- character()
  c_ratio <- row$ours / row$numpy_c
  k_ratio <- row$ours / row$numpy_k
  f_ratio <- row$ours / row$floor
  if (c_ratio > 1) misses <- c(misses, sprintf("C %.2f", c_ratio))
  if (!is.na(k_ratio) && k_ratio > 1) misses <- c(misses, sprintf("K %.2f", k_ratio))
  if (row$n >= 1e7 && f_ratio > 1.5) misses <- c(misses, sprintf("floor %.1f", f_ratio))
  misses
}

loop_table <- function(rows) {
  if (!nrow(rows)) return("_No rows of this kind in this run._")
  body <- do.call(rbind, lapply(seq_len(nrow(rows)), function(i) {
    r <- rows[i, ]
    misses <- loop_misses(r)
    data.frame(n = elements(r$n), shape = r$shape, calls = sprintf("%d x %d", r$calls, r$rounds),
               ours = format_seconds(r$ours), c = format_seconds(r$numpy_c),
               k = if (is.na(r$numpy_k)) "= C" else format_seconds(r$numpy_k),
               floor = format_seconds(r$floor), fresh = format_seconds(r$fresh),
               rc = ratio_text(r$ours / r$numpy_c), rk = ratio_text(r$ours / r$numpy_k),
               rf = ratio_text(r$ours / r$floor),
               met = if (length(misses)) paste0("**no** (", paste(misses, collapse = ", "), ")") else "yes")
  }))
  markdown_table(body, c("elements", "R shape", "calls x rounds", "ours", "NumPy C", "NumPy K", "floor (warm)",
                         "C loop, fresh pages", "ours / NumPy C", "ours / NumPy K", "ours / floor", "targets met?"))
}

# Where the time goes in the overwriting loops: new pages touched and R's collection time per call.
diagnostics_table <- function(rows) {
  rows <- rows[!rows$keep & rows$n >= 1e5 & rows$direction %in% c("to_float32", "to_r"), ]
  bytes <- ifelse(rows$direction == "to_float32", 4, 8) * rows$n
  body <- data.frame(
    n = elements(rows$n), shape = rows$shape, direction = ifelse(rows$direction == "to_float32", "R -> float32", "float32 -> R"),
    pages = sprintf("%.0f", bytes / 4096),
    ours_faults = sprintf("%.0f", rows$ours_faults), c_faults = sprintf("%.0f", rows$numpy_c_faults),
    ours_gc = vapply(rows$ours_gc, format_seconds, ""), c_gc = vapply(rows$numpy_c_gc, format_seconds, ""),
    ours = vapply(rows$ours_mean, format_seconds, ""), share = sprintf("%.0f %%", 100 * rows$ours_gc / rows$ours_mean))
  markdown_table(body, c("elements", "R shape", "direction", "4 KiB pages in a result", "ours: page faults / call",
                         "NumPy C: page faults / call", "ours: R GC / call", "NumPy C: R GC / call", "ours / call (mean)",
                         "R GC share of ours"))
}

cold_table <- function(rows) {
  body <- data.frame(
    n = elements(rows$n), shape = rows$shape,
    direction = ifelse(rows$direction == "to_float32", "R -> float32", "float32 -> R"),
    ours = vapply(rows$ours, format_seconds, ""), c = vapply(rows$numpy_c, format_seconds, ""),
    k = ifelse(is.na(rows$numpy_k), "= C", vapply(rows$numpy_k, format_seconds, "")),
    rc = vapply(rows$ours / rows$numpy_c, ratio_text, ""), rk = vapply(rows$ours / rows$numpy_k, ratio_text, ""))
  markdown_table(body, c("elements", "R shape", "direction", "ours", "NumPy C", "NumPy K", "ours / NumPy C", "ours / NumPy K"))
}

random_table <- function(rows) {
  body <- data.frame(n = elements(rows$n), ours = vapply(rows$ours, format_seconds, ""),
                     numpy = vapply(rows$numpy, format_seconds, ""),
                     ratio = vapply(rows$ours / rows$numpy, ratio_text, ""))
  markdown_table(body, c("elements", "ours", "NumPy", "ours / NumPy"))
}

small_table <- function(small, startup, peak) {
  shown <- function(median, fastest) if (is.na(median)) "\u2013" else sprintf("%s (fastest %s)", format_seconds(median), format_seconds(fastest))
  body <- data.frame(
    work = small$work,
    ours = mapply(shown, small$ours, small$ours_min), peer = mapply(shown, small$peer, small$peer_min),
    ratio = vapply(small$ours / small$peer, ratio_text, ""), target = small$target,
    met = ifelse(is.na(small$ours), "not measured", ifelse(small$ours <= small$limit, "yes", "**no**")),
    stringsAsFactors = FALSE)
  body <- rbind(body, data.frame(
    work = sprintf("start-up: `library(kerasbridge)` + a first 3x3 variable, over a bare `Rscript -e NULL` (%s); peer: reticulate + `import(\"numpy\")` + `np$array()`",
                   format_seconds(startup$bare)),
    ours = format_seconds(startup$ours), peer = format_seconds(startup$peer),
    ratio = ratio_text(startup$ours / startup$peer), target = "<= 150 ms extra",
    met = if (startup$ours <= 0.150) "yes" else "**no**"))
  body <- rbind(body, data.frame(
    work = "peak memory added by converting 1e7 R doubles to float32, as a multiple of the 40 MB result (ours `keras_variable()`, peer `np$array(order = \"C\")`)",
    ours = sprintf("%s (%.2f x)", format_bytes(peak$ours), peak$ours / 4e7),
    peer = sprintf("%s (%.2f x)", format_bytes(peak$peer), peak$peer / 4e7),
    ratio = ratio_text(peak$ours / peak$peer), target = "<= 1.1 x result",
    met = if (peak$ours / 4e7 <= 1.1) "yes" else "**no**"))
  markdown_table(body, c("work", "ours", "peer", "ratio", "target", "met?"))
}

# The item-3 verdicts, one line each.
target_lines <- function(loops, small, startup, peak) {
  warm <- loops[loops$direction %in% c("to_float32", "to_r"), ]
  count <- function(rows, test) sum(vapply(seq_len(nrow(rows)), function(i) test(rows[i, ]), TRUE))
  label <- function(r) sprintf("%s %s %s%s", elements(r$n), r$shape,
                               ifelse(r$direction == "to_float32", "R->f32", "f32->R"), if (r$keep) " kept" else "")
  misses <- function(rows, test, ratio) {
    bad <- rows[!vapply(seq_len(nrow(rows)), function(i) test(rows[i, ]), TRUE), ]
    if (!nrow(bad)) return("")
    paste0(" Missed: ", paste(sprintf("%s (%.2f)", vapply(seq_len(nrow(bad)), function(i) label(bad[i, ]), ""),
                                      vapply(seq_len(nrow(bad)), function(i) ratio(bad[i, ]), 0)), collapse = "; "), ".")
  }
  c_ok <- function(r) r$ours <= r$numpy_c
  k_rows <- warm[!is.na(warm$numpy_k), ]
  k_ok <- function(r) r$ours <= r$numpy_k
  f_rows <- warm[warm$n >= 1e7, ]
  f_ok <- function(r) r$ours <= 1.5 * r$floor
  measured <- !is.na(small$ours)
  small_ok <- measured & small$ours <= small$limit
  c(sprintf("- **Loop <= 1.0 x NumPy `order = \"C\"`** (every size, shape, direction; overwritten and kept loops): %d of %d rows met.%s",
            count(warm, c_ok), nrow(warm), misses(warm, c_ok, function(r) r$ours / r$numpy_c)),
    sprintf("- **Loop <= 1.0 x NumPy `order = \"K\"`** (matrices, where K differs from C): %d of %d rows met.%s",
            count(k_rows, k_ok), nrow(k_rows), misses(k_rows, k_ok, function(r) r$ours / r$numpy_k)),
    sprintf("- **Loop <= 1.5 x the floor from 1e7 elements**: %d of %d rows met.%s",
            count(f_rows, f_ok), nrow(f_rows), misses(f_rows, f_ok, function(r) r$ours / r$floor)),
    sprintf("- **Peak memory of a 1e7 float64 -> float32 conversion <= 1.1 x the result**: %s (%.2f x).",
            if (peak$ours / 4e7 <= 1.1) "met" else "**missed**", peak$ours / 4e7),
    sprintf("- **Small calls** (issue 6's absolute targets, checked against the median loop): %d of %d met%s; start-up %s (+%s, target +150 ms).",
            sum(small_ok), sum(measured),
            if (all(small_ok[measured])) "" else paste0(" (missed: ", paste(sprintf("%s %s", small$label[measured & !small_ok],
                                                                     vapply(small$ours[measured & !small_ok], format_seconds, "")), collapse = ", "), ")"),
            if (startup$ours <= 0.150) "met" else "**missed**", format_seconds(startup$ours)))
}

# Ours and the floor in a session without reticulate, beside ours in the main run.
alone_table <- function(alone, loops) {
  rows <- alone$rows
  main <- loops[!loops$keep, ]
  key <- function(r) paste(r$n, r$shape, r$direction)
  in_main <- main[match(key(rows), key(main)), ]
  body <- data.frame(
    n = elements(rows$n), shape = rows$shape,
    direction = ifelse(rows$direction == "to_float32", "R -> float32", "float32 -> R"),
    ours = vapply(rows$ours, format_seconds, ""), floor = vapply(rows$floor, format_seconds, ""),
    rf = vapply(rows$ours / rows$floor, ratio_text, ""),
    share = sprintf("%.0f %%", 100 * rows$ours_gc / rows$ours_mean),
    main = vapply(in_main$ours, format_seconds, ""),
    main_share = sprintf("%.0f %%", 100 * in_main$ours_gc / in_main$ours_mean))
  markdown_table(body, c("elements", "R shape", "direction", "ours, no reticulate", "floor (same process)",
                         "ours / floor", "R GC share", "ours in the main run", "R GC share there"))
}
