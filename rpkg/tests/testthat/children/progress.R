# Runs long engine work in a session whose progress options are given as arguments
# ("default", "on", "off", "quiet": on with interactive logging disabled), with the bar shown at once when on, and says whether R's console
# (its messages, here the process's stderr) got a progress bar.
library(kerasbridge)
how <- commandArgs(TRUE)[[1]]
if (how == "on") options(kerasbridge.progress = TRUE, cli.progress_show_after = 0)
if (how == "quiet") {
  options(kerasbridge.progress = TRUE, cli.progress_show_after = 0)
  config_disable_interactive_logging()
}
if (how == "off") options(kerasbridge.progress = FALSE, cli.progress_show_after = 0)
x <- op_ones(c(4e7), dtype = "float32")
y <- op_cast(x, "float64")
s <- op_sum(y)
cat("done", as.array(s), "\n")
