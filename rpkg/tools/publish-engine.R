# Publishes the .NET engine (the bridge assembly and what it depends on) into the installed
# package, where the C shim starts it with hostfxr; with a second argument "portable" (as
# scripts/release runs it), without code compiled ahead of time, which is platform-specific. The sources are built from a private copy
# so that build outputs of a development checkout (or of another path to the same files)
# never mix with this build.
args <- commandArgs(trailingOnly = TRUE)
target <- file.path(args[1], "dotnet")
# A release tarball ships the engine built (inst/dotnet, installed as it is): then neither the
# SDK nor the network is needed, and nothing is written outside the library.
if (file.exists(file.path("..", "inst", "dotnet", "KerasRBridge.Bridge.dll"))) quit(save = "no")
if (!nzchar(Sys.which("dotnet")))
  stop("kerasbridge: building the package from its sources needs the .NET SDK 10 ('dotnet' on the PATH); ",
       "a release tarball (scripts/release) needs only the .NET 10 runtime")
work <- tempfile("kerasbridge-engine-")
dir.create(work)
on.exit(unlink(work, recursive = TRUE), add = TRUE)
sources <- normalizePath(file.path("..", "tools", "engine-src"))
files <- list.files(sources, recursive = TRUE, all.files = TRUE)
files <- files[!grepl("(^|/)(bin|obj)/", files)]
for (dir in unique(dirname(files))) dir.create(file.path(work, dir), recursive = TRUE, showWarnings = FALSE)
stopifnot(all(file.copy(file.path(sources, files), file.path(work, files))))
project <- file.path(work, "KerasRBridge.Bridge", "KerasRBridge.Bridge.csproj")
# dotnet and MSBuild leave scratch folders in the temporary directory: they get one of their own,
# removed with the copy, so that installing leaves nothing behind there.
scratch <- file.path(work, "tmp")
dir.create(scratch)
publish <- function(...) {
  system2("dotnet", c("publish", shQuote(project), "-c", "Release", "-o", shQuote(target),
                      "-p:KrbNativeHelper=false", "-p:GenerateDocumentationFile=false",
                      paste0("-p:KrbDescriptionFile=", shQuote(normalizePath(file.path("..", "DESCRIPTION")))),
                      "--nologo", "-v", "quiet", ...),
          env = paste0("TMPDIR=", shQuote(scratch)))
}
# Ahead-of-time code needs the crossgen package from NuGet; without it, the JIT does the work.
portable <- identical(args[2], "portable")
status <- if (portable) publish() else publish("-p:KrbReadyToRun=true")
if (status != 0 && !portable) {
  message("kerasbridge: ahead-of-time compilation unavailable; publishing the engine for the JIT")
  unlink(target, recursive = TRUE)
  status <- publish()
}
if (status != 0) stop("kerasbridge: building the .NET engine failed (dotnet publish exit status ", status, ")")
