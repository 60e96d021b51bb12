# Loads the package, whose .NET runtime starts on a thread of its own, and uses the engine; with
# a .NET root whose runtime cannot start (the test's DOTNET_ROOT), the first use says why, every
# later use says it again, and the session goes on. Prints "<key> <value>" lines, "alive" last.
say <- function(key, value) cat(key, paste(as.character(value), collapse = " "), "\n")
loaded <- tryCatch({
  library(kerasbridge)
  "yes"
}, error = conditionMessage)
say("loaded", loaded)
for (attempt in c("first", "again")) {
  used <- tryCatch(sum(as.array(keras_variable(array(1:4, c(2, 2))))), error = function(e) paste(class(e)[[1L]], conditionMessage(e)))
  say(attempt, used)
}
cat("alive\n")
