# Compiles bench/floor.c into `tmp` and returns its routines as native symbols, so that a timed
# `.Call` pays no symbol lookup (the library's path in attribute "library"). -O3 -march=native: the floor should be the best a plain loop
# does on this CPU (vectorised with the same AVX2 the engine's TensorPrimitives use), not what
# R's default -O2 happens to give.
load_floor <- function(source, tmp) {
  dir.create(tmp, showWarnings = FALSE, recursive = TRUE)
  makevars <- file.path(tmp, "floor.mk")
  writeLines("CFLAGS = -O3 -march=native", makevars)
  # Compiled from a copy in `tmp`, so that the object file lands there too, not beside the source.
  copy <- file.path(tmp, basename(source))
  file.copy(source, copy, overwrite = TRUE)
  library <- file.path(tmp, paste0("floor", .Platform$dynlib.ext))
  out <- suppressWarnings(system2(file.path(R.home("bin"), "R"), c("CMD", "SHLIB", "-o", shQuote(library), shQuote(copy)),
                                  stdout = TRUE, stderr = TRUE, env = paste0("R_MAKEVARS_USER=", shQuote(makevars))))
  if (!file.exists(library) || !is.null(attr(out, "status")))
    stop("bench: compiling ", source, " failed:\n", paste(out, collapse = "\n"))
  structure(floor_symbols(dyn.load(library)), library = library)
}

floor_symbols <- function(info) {
  names <- c("floor_buffer", "floor_to_float", "floor_to_double", "floor_copy",
             "floor_to_float_fresh", "floor_to_double_fresh", "floor_copy_fresh")
  stats::setNames(lapply(names, function(name) getNativeSymbolInfo(name, info)$address), names)
}
