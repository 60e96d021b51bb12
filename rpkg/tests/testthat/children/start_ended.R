# Loads the package's namespace, then attaches it, and prints how many threads named "krb-start"
# (the thread starting .NET) the process has when a user's onLoad hook runs (just before
# loadNamespace() changes the environment, which the start must not overlap) and after each
# step, and the onLoad hooks left (the user's stays). Prints "<key> <value>" lines, "alive" last.
say <- function(key, value) cat(key, paste(as.character(value), collapse = " "), "\n")
starting <- function() {
  names <- vapply(list.files("/proc/self/task", full.names = TRUE),
                  function(task) tryCatch(readLines(file.path(task, "comm")), error = function(e) ""), "")
  sum(names == "krb-start")
}
event <- packageEvent("kerasbridge", "onLoad")
setHook(event, function(pkgname, pkgpath) say("starting_in_user_hook", starting()))
invisible(loadNamespace("kerasbridge"))
say("starting_after_load", starting())
say("hooks_after_load", length(getHook(event)))
library(kerasbridge)
say("starting_after_attach", starting())
say("first", sum(as.array(keras_variable(array(1:4, c(2, 2))))))
cat("alive\n")
