# Wall-clock timing of loops as users write them. Nothing here calls gc(): a collection that a
# loop's own garbage triggers is part of what the loop costs, as it is in a user's session, and
# a collection forced before a timed call would hide it. Sys.time() has microsecond resolution,
# where proc.time() has milliseconds.

now <- function() as.double(Sys.time())

# A loop over `calls` evaluations of `expr`, compiled once and evaluated in `env` (a side's own
# environment), as a loop at top level is: each result overwrites `result`, and the last one
# stays bound until the next loop overwrites it. With `keep`, every result is kept in a list
# (`kept`), as code that collects its results does; the previous loop's list is dropped when the
# next loop starts, inside the timed region. `kept[i] <- list(...)`, not `kept[[i]] <-`, because
# the floor's routines return NULL, which `[[<-` would take as deleting an element.
user_loop <- function(expr, calls, env, keep = FALSE) {
  loop <- if (keep)
    substitute({ kept <- vector("list", CALLS); for (i in seq_len(CALLS)) kept[i] <- list(EXPR) },
               list(EXPR = expr, CALLS = as.integer(calls)))
  else
    substitute(for (i in seq_len(CALLS)) result <- EXPR, list(EXPR = expr, CALLS = as.integer(calls)))
  code <- compiler::compile(loop, env)
  function() eval(code, env)
}

# Minor page faults of this process so far (field 10 of /proc/self/stat): how many pages were
# touched for the first time. Read outside the timed region.
minor_faults <- function() {
  stat <- readLines("/proc/self/stat", warn = FALSE)
  fields <- strsplit(sub("^.*\\) ", "", stat), " ", fixed = TRUE)[[1L]]
  as.double(fields[[8L]])
}

# R's time in garbage collections so far (needs gc.time(TRUE), set by compare.R).
gc_seconds <- function() gc.time()[[3L]]

# Runs the loops of several sides in turns: in each round every side runs its loop once, the
# order rotating from round to round, so that a slow spell of this noisy VM falls on every side
# alike and no side always runs right after the same other one. Returns, per side, the seconds
# of each round's loop, plus the page faults and R collection time of all its loops.
in_turns <- function(loops, rounds) {
  sides <- names(loops)
  seconds <- matrix(NA_real_, rounds, length(loops), dimnames = list(NULL, sides))
  faults <- gc <- stats::setNames(numeric(length(loops)), sides)
  for (r in seq_len(rounds)) {
    order <- (seq_along(loops) + r - 2L) %% length(loops) + 1L
    for (j in order) {
      f0 <- minor_faults()
      g0 <- gc_seconds()
      t0 <- now()
      loops[[j]]()
      seconds[r, j] <- now() - t0
      gc[[j]] <- gc[[j]] + gc_seconds() - g0
      faults[[j]] <- faults[[j]] + minor_faults() - f0
    }
  }
  list(seconds = seconds, faults = faults, gc = gc)
}
