# Unloads kerasbridge's namespace and code (as pkgload::unload() does), loads it again, and
# saves a workspace holding an object made before: R must still measure and write it. Then an
# object serialized while the namespace was unloaded is read back and used after a new load.
library(kerasbridge)
old <- op_array(c(1, 2))
path <- getNamespaceInfo("kerasbridge", "path")
unloadNamespace("kerasbridge")
library.dynam.unload("kerasbridge", path)
library(kerasbridge)
invisible(object.size(old))
file <- tempfile(fileext = ".RData")
save(old, file = file)
cat("saved", file.exists(file), "\n")
stream <- serialize(op_array(c(1, 2)), NULL)
unloadNamespace("kerasbridge")
back <- unserialize(stream)
library(kerasbridge)
cat("restored", as.array(back + 1), "\n")
