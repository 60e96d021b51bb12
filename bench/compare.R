# Measures kerasbridge (ours) and reticulate + NumPy (the peer keras3 users take today) the way
# users run code, in one R process and in turns, with the physical floor (bench/floor.c) measured
# beside them, and writes bench/results.md with the verdict on each target of the issue.
# Usage: Rscript bench/compare.R [output.md]. Needs kerasbridge, reticulate and NumPy; reticulate
# must use a Python that has NumPy (RETICULATE_PYTHON, /usr/bin/python3 by default here).
output <- commandArgs(trailingOnly = TRUE)[1L]
if (is.na(output)) output <- "bench/results.md"
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))))
for (f in c("timing.R", "machine.R", "table.R", "floor.R", "loops.R", "cold.R", "small_calls.R", "random.R",
            "ops.R", "peak.R", "alone.R", "report.R"))
  source(file.path(here, "R", f))
if (!nzchar(Sys.getenv("RETICULATE_PYTHON"))) Sys.setenv(RETICULATE_PYTHON = "/usr/bin/python3")

suppressPackageStartupMessages(library(kerasbridge))
np <- reticulate::import("numpy", convert = FALSE)
fl <- load_floor(file.path(here, "floor.c"), file.path(here, "tmp"))
gc.time(TRUE)
started <- Sys.time()

# Small calls first, while this process holds only what loading the packages made.
message("bench: small calls")
small <- small_call_rows(np, asNamespace("kerasbridge"))
message("bench: start-up (fresh processes)")
startup <- startup_row()
message("bench: float32 normals")
random <- random_rows(np)
message("bench: conversion loops")
loops <- run_loops(np, fl)
# After the conversion loops, so that the memory the ops' large results (2048 x 2048 products)
# leave in this process does not change the state those loops start from, run to run.
message("bench: ops")
ops <- ops_rows(np)
matmul_on <- matmul_libraries()
message("bench: cold conversions (fresh processes)")
cold <- cold_rows(here)
message("bench: peak memory (fresh processes)")
peak <- peak_memory(here)
message("bench: ours without reticulate (a fresh process)")
alone <- alone_rows(here, attr(fl, "library"))
minutes <- (as.double(Sys.time()) - as.double(started)) / 60

warm <- function(direction, keep) loops[loops$direction == direction & loops$keep == keep, ]
section <- function(title, direction, keep, note = NULL)
  c(sprintf("### %s", title), "", direction_text[[direction]], if (!is.null(note)) c("", note), "",
    loop_table(warm(direction, keep)), "")
kept_note <- "Every result kept in a list (`kept[i] <- list(...)`) until the next loop of that side starts; sizes up to 1e6."

report <- c(
  "# Benchmarks", "",
  "Written by `scripts/bench` (`bench/compare.R`, then BenchmarkDotNet). Ours is `kerasbridge`; the peer is",
  "reticulate + NumPy, what keras3 users convert with today. Everything in this file comes from one run.", "",
  "How it is measured: as users run code. Loops of one call whose result is overwritten (`result <- f(x)`)",
  "or kept, with nothing else in them: no `gc()` anywhere, no warm-up calls, so R's collections and fresh",
  "memory fall where a user's loop meets them. Ours, NumPy and the floor run in turns in one R process",
  "(each round runs every side's loop once, the order rotating), so that the slow spells of this 2-core VM",
  "fall on every side alike; times are the median round's time per call. The process's malloc works as",
  "kerasbridge sets it when its engine starts (freed memory of every size kept for reuse; docs/interop.md),",
  "for NumPy's arrays as for R's. NumPy does the same work in one",
  "pass: `order = \"C\"` (what keras3 asks for, reordering a matrix into C order) and, as a second peer,",
  "`order = \"K\"` (keeping R's column-major order, as ours does). The floor is bench/floor.c: one plain C loop",
  "on one core doing the same cast into a buffer that was allocated and touched once (compiled now with",
  "-O3 -march=native); \"C loop, fresh pages\" (from 1e5 elements) is the same loop into pages mapped for",
  "the call and unmapped after it, transparent huge pages from 2 MiB (as the engine asks for its tensors and",
  "the R vectors it fills; NumPy asks from 4 MiB): what new memory costs at least on this machine.",
  "Cold rows are the first conversion in a fresh `Rscript` after loading the package.",
  "Targets (the issue's item 3): every loop row <= 1.0 x NumPy, from 1e7 elements <= 1.5 x the floor;",
  "peak memory <= 1.1 x the result; small calls within issue 6's limits.", "",
  machine_description(np),
  sprintf("- R part of the run: %.1f minutes", minutes), "",
  "## Targets", "",
  target_lines(loops, small, startup, peak),
  ops_target_line(ops), "",
  "## Conversion loops (warm: loops as users write them)", "",
  "\"calls x rounds\": calls per loop and loops per side. Ratios are ours / the column. The targets column lists",
  "what missed: the NumPy peer (C or K) it is slower than, or the floor ratio over 1.5 (from 1e7).", "",
  section("R -> float32, results overwritten", "to_float32", FALSE),
  section("float32 -> R, results overwritten", "to_r", FALSE),
  section("R -> float32, results kept", "to_float32", TRUE, kept_note),
  section("float32 -> R, results kept", "to_r", TRUE, kept_note),
  section("R -> float64 (1e7), results overwritten", "to_float64", FALSE),
  section("float64 -> R (1e7), results overwritten", "from_float64", FALSE),
  "### Where the time goes (overwriting loops, from 1e5 elements)", "",
  "Minor page faults (first touches of a page, from /proc/self/stat) and R's garbage-collection time",
  "(`gc.time()`) per call, over all of a side's loops in the run above, and the share of ours's mean time",
  "per call that R's collections took. A result of 4 KiB pages that are all new costs one fault each (a",
  "2 MiB huge page: one fault for 512 of them). R's collections in a side's loop also collect what the",
  "other side's loop left (nothing calls gc() between turns), e.g. NumPy's arrays are freed when R",
  "collects their reticulate wrappers.", "",
  diagnostics_table(loops), "",
  "### Ours in a session without reticulate", "",
  "The main run needs reticulate and NumPy loaded for the peer, which makes R's heap several times larger, and",
  "every full R collection walks all of it. bench/R/alone_one.R runs the same overwriting loops for ours and",
  "the floor only, in turns, in a fresh `Rscript` that loads kerasbridge but not reticulate, as a kerasbridge",
  sprintf("user's session is. One full `gc()`, timed after all the loops: %s in the main run's process (%.2f M cons cells),",
          format_seconds(alone$full_gc_here), alone$ncells_here / 1e6),
  sprintf("%s in that one (%.2f M cons cells). No NumPy ratio here: NumPy cannot run in that process.",
          format_seconds(alone$full_gc), alone$ncells / 1e6), "",
  alone_table(alone, loops), "",
  "## Cold: the first conversion in a fresh process", "",
  "`Rscript bench/R/cold_one.R`: loads the side's package (kerasbridge, which starts the engine; or",
  "reticulate, which starts Python and imports NumPy) and makes the input untimed, then times its first",
  "R -> float32 conversion and the first conversion of that result back to R, each once. Median of",
  sprintf("%d processes per side, the sides' processes in turns. Same calls as the loops above.", cold$reps[[1L]]), "",
  cold_table(cold), "",
  "## float32 standard normals", "",
  "A new float32 array of n standard normals per call, in loops, in turns. Ours: `keras_variable(init,",
  "shape = n, dtype = \"float32\")` with `init <- initializer_random_normal(0, 1, seed = 1)`: Ziggurat in",
  "float32 on xoshiro256** streams, one per block of 32768 values, blocks spread over both cores. NumPy:",
  "`rng$standard_normal(n, dtype = \"float32\")` with `rng <- np$random$default_rng(1L)`: its float32 Ziggurat",
  "on PCG64, one core. Neither draws float64 and casts.", "",
  random_table(random), "",
  "## Ops (issue 20)", "",
  "keras3's ops on data made before the loops (ours: tensors from `op_array(x, dtype)`; NumPy: arrays from",
  "`np$array(x, dtype = dtype, order = \"C\")`), the same op on both sides in loops of `y <- op(x)`, in turns,",
  "no `gc()`; median round's time per call. \"same values\": both sides' results agree to 1e-4. Our",
  sprintf("matmul ran on %s; NumPy's on the BLAS Debian's NumPy links (BLAS libraries mapped in", matmul_on$ours),
  sprintf("this process: %s). Targets (issue 20, item 5): each <= 1.0 x NumPy, the small op <= 5 µs.", matmul_on$mapped), "",
  ops_table(ops), "",
  "## Small calls, start-up and peak memory", "",
  "Small calls: loops of 10,000 calls (100,000 for `.Call`), result overwritten, ours and the peer in turns",
  "over 7 rounds, no `gc()`; the median loop (what the targets are checked against) and the fastest.",
  "Start-up: fresh `Rscript -e` processes in turns (bare, ours, peer), 7 rounds; the extra time is the",
  "median of (side - bare) within a round. Peak memory: a fresh `Rscript` loads everything and makes the",
  "input first (bench/R/peak_memory.R), resets the kernel's peak counter (`/proc/self/clear_refs`), converts,",
  "and reports `VmHWM` minus the `VmRSS` before; median of 3 processes per side.", "",
  small_table(small, startup, peak)
)
writeLines(report, output, useBytes = TRUE)
writeLines(c(target_lines(loops, small, startup, peak)), useBytes = TRUE)
saveRDS(list(loops = loops, cold = cold, small = small, startup = startup, peak = peak, random = random, ops = ops, alone = alone),
        file.path(here, "tmp", "results.rds"))
message(sprintf("bench: R part done in %.1f minutes; written to %s", minutes, output))
