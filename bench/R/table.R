# Formatting of the results as markdown; sprintf formats numbers the same in every locale
# because R keeps LC_NUMERIC at "C".

format_seconds <- function(s) {
  if (is.na(s)) return("\u2013")
  if (s < 1e-3) sprintf("%.2f \u00b5s", s * 1e6) else sprintf("%.1f ms", s * 1e3)
}

format_bytes <- function(b) sprintf("%.1f MB", b / 1e6)

# One row of the main table. `ours` and `peer` are already formatted; `met` is TRUE or FALSE.
result_row <- function(work, ours, peer, ratio, target, met) {
  data.frame(work = work, ours = ours, peer = peer,
             ratio = if (is.na(ratio)) "\u2013" else sprintf("%.2f", ratio),
             target = target, met = if (met) "yes" else "**no**")
}

markdown_table <- function(df, header = names(df)) {
  c(paste0("| ", paste(header, collapse = " | "), " |"),
    paste0("|", paste(rep("---", length(header)), collapse = "|"), "|"),
    apply(df, 1L, function(row) paste0("| ", paste(row, collapse = " | "), " |")))
}
