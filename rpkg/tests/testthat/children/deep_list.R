# A list nested far deeper than a tensor can have axes (100,000 levels): converting it is a
# classed error, and the session goes on. Prints "<first class of the condition>", then "alive".
library(kerasbridge)
x <- 1
for (i in 1:1e5) x <- list(x)
cat(tryCatch({ op_convert_to_tensor(x); "converted" }, error = function(e) paste(class(e)[1:2], collapse = "/")), "\n")
cat(as.array(op_add(1, 1)) == 2, "\n")
cat("alive\n")
