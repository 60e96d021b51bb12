# Reads the file given as the first argument in a fresh session that has not attached
# kerasbridge: an .rds holding list(objects, check), or an .RData holding `objects` and `check`.
# check(objects) returns a named logical vector; each element is printed as "<name> TRUE|FALSE".
path <- commandArgs(TRUE)[[1]]
if (grepl("\\.rds$", path)) {
  saved <- readRDS(path)
} else {
  saved <- new.env()
  load(path, envir = saved)
}
results <- saved$check(saved$objects)
for (name in names(results)) cat(name, isTRUE(results[[name]]), "\n")
cat("attached", "package:kerasbridge" %in% search(), "\n")
