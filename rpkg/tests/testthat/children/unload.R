# Unloads the package in the way the first argument names, collects garbage, loads it again,
# and reports what objects made before the unload do now, as "<key> <value>" lines; "alive"
# last. A crash would end the process before that.
library(kerasbridge)
way <- commandArgs(trailingOnly = TRUE)[[1]]
say <- function(key, value) cat(key, paste(as.character(value), collapse = " "), "\n")
first_class <- function(expr) tryCatch({ force(expr); "no-error" }, error = function(e) class(e)[1])
v <- keras_variable(array(1:4, c(2, 2)), name = "before")
t <- v$value
big <- keras_variable(array(0, 1e6))
init <- initializer_ones()
gen <- random_seed_generator(1)
lib <- dirname(find.package("kerasbridge"))
switch(way,
  "detach" = detach("package:kerasbridge", unload = TRUE),
  "pkgload" = pkgload::unload("kerasbridge"),
  "dynam" = {
    library.dynam.unload("kerasbridge", find.package("kerasbridge"))
    invisible(gc())
    say("after-dynam-unload", first_class(v$name))
    unloadNamespace("kerasbridge")
  },
  "other-library" = {
    # A second copy of the same package, in another library.
    lib <- tempfile("library-")
    dir.create(lib)
    file.copy(find.package("kerasbridge"), lib, recursive = TRUE)
    detach("package:kerasbridge", unload = TRUE)
  }
)
invisible(gc())
rm(big)
invisible(gc())
library(kerasbridge, lib.loc = lib)
say("loaded-from", normalizePath(dirname(find.package("kerasbridge"))) == normalizePath(lib))
w <- keras_variable(array(5:8, c(2, 2)), name = "after")
say("old-variable", first_class(v$name))
say("old-tensor", first_class(as.array(t)))
say("old-initializer", first_class(init(c(2, 2))))
say("old-assign", first_class(v$assign(array(0L, c(2, 2)))))
say("old-message", grepl("unloaded session", tryCatch(v$name, error = conditionMessage)))
say("old-seed-generator", grepl("unloaded session", tryCatch(random_normal(2, seed = gen), error = conditionMessage)))
say("old-prints", grepl("unloaded session", paste(capture.output(print(v)), collapse = " ")))
say("new-variable", c(w$name, as.array(w)))
say("new-from-old-value", first_class(keras_variable(t)))
rm(v, t, init, gen)
invisible(gc())
for (i in 1:3) u <- keras_variable(array(i, 1e5))
say("new-still", sum(as.array(w)))
cat("alive\n")
