# The package's R side registers with the engine at the first use (object templates, progress
# settings). A Ctrl-C there, as an error here, left every later object a bare pointer for the
# session; the next use now registers again. Prints "first <condition class>" and then
# "later <class of a variable> <its values + 1>".
library(kerasbridge)
ns <- asNamespace("kerasbridge")
registering <- get("register_prototypes", ns)
unlockBinding("register_prototypes", ns)
assign("register_prototypes", function() stop("interrupted while registering"), envir = ns)
first <- tryCatch({ keras_variable(1); "no error" }, error = function(e) class(e)[[1]])
assign("register_prototypes", registering, envir = ns)
v <- keras_variable(c(1, 2))
cat("first", first, "\n")
cat("later", class(v), as.array(v + 1), "\n")
