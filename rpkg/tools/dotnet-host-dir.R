# Prints the folder of the .NET SDK that holds nethost.h, hostfxr.h and libnethost.a.
dotnet <- Sys.which("dotnet")
if (!nzchar(dotnet)) stop("kerasbridge needs the .NET SDK 10: 'dotnet' is not on the PATH")
root <- dirname(normalizePath(dotnet))
packs <- Sys.glob(file.path(root, "packs", "Microsoft.NETCore.App.Host.*", "*", "runtimes", "*", "native"))
packs <- packs[file.exists(file.path(packs, "libnethost.a"))]
if (length(packs) == 0) stop("kerasbridge: no .NET app host pack with libnethost.a under ", root)
cat(packs[order(numeric_version(basename(dirname(dirname(dirname(packs))))), decreasing = TRUE)][1])
