# The machine a run happened on, as markdown list items.

first_line <- function(command, args = character()) {
  out <- tryCatch(suppressWarnings(system2(command, args, stdout = TRUE, stderr = FALSE)), error = function(e) character())
  if (length(out)) out[[1L]] else "unknown"
}

# The commit the package was built from, as this checkout says, marked when the engine's or the
# package's sources differ from it.
source_commit <- function() {
  commit <- first_line("git", c("rev-parse", "--short", "HEAD"))
  dirty <- suppressWarnings(system2("git", c("status", "--porcelain", "--untracked-files=no", "--", "src", "rpkg"), stdout = TRUE, stderr = FALSE))
  if (length(dirty)) paste(commit, "(with uncommitted changes)") else commit
}

machine_description <- function(np) {
  cpu <- grep("^model name", readLines("/proc/cpuinfo"), value = TRUE)
  runtimes <- grep("^Microsoft.NETCore.App ", suppressWarnings(system2("dotnet", "--list-runtimes", stdout = TRUE)), value = TRUE)
  mem_kb <- as.double(sub("^MemTotal: *([0-9]+) kB$", "\\1", grep("^MemTotal:", readLines("/proc/meminfo"), value = TRUE)))
  c(
    sprintf("- date: %s", format(Sys.time(), "%Y-%m-%d %H:%M UTC", tz = "UTC")),
    sprintf("- CPU: %s, nproc %s, %.0f GB RAM", if (length(cpu)) trimws(sub("^[^:]*:", "", cpu[[1L]])) else "unknown",
            first_line("nproc"), mem_kb / 1024^2),
    sprintf("- OS: %s", utils::osVersion),
    sprintf("- %s; .NET SDK %s, runtime %s", R.version.string, first_line("dotnet", "--version"),
            paste(sub("^Microsoft.NETCore.App ([^ ]+).*$", "\\1", runtimes), collapse = ", ")),
    sprintf("- peer: reticulate %s, Python %s (%s), NumPy %s", utils::packageVersion("reticulate"),
            reticulate::py_config()$version, reticulate::py_config()$python, reticulate::py_to_r(np$`__version__`)),
    sprintf("- ours: kerasbridge %s from %s, built from commit %s", utils::packageVersion("kerasbridge"),
            dirname(system.file(package = "kerasbridge")), source_commit())
  )
}
