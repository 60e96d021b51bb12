# Runs children/<name>.R in a fresh Rscript that sees this session's libraries (so the package
# under test), giving processx::run()'s result: status, stdout, stderr, timeout.
run_child <- function(name, args = character(), timeout = 60, env = character()) {
  processx::run(rscript(), c("--vanilla", child_script(name), args), env = child_env(env),
                error_on_status = FALSE, timeout = timeout)
}

# Starts children/<name>.R in the background, as run_child() would run it.
start_child <- function(name, args = character(), env = character(), default_sigint = FALSE) {
  command <- c(rscript(), "--vanilla", child_script(name), args)
  # A test run started in the background of a script ignores SIGINT and passes that on; a child
  # to be interrupted starts with the default, as a terminal's foreground program (coreutils env).
  if (default_sigint) command <- c("env", "--default-signal=INT", command)
  processx::process$new(command[[1L]], command[-1L], env = child_env(env), stdout = "|", stderr = "|")
}

# Runs children/<name>.R as the input of an interactive R, where an error that jumps to the top
# level returns to the prompt instead of ending the script.
run_interactive_child <- function(name, timeout = 60) {
  processx::run(file.path(R.home("bin"), "R"), c("--vanilla", "--quiet", "--interactive", "--no-save"),
                stdin = child_script(name), env = child_env(character()), error_on_status = FALSE, timeout = timeout)
}

rscript <- function() file.path(R.home("bin"), "Rscript")

child_script <- function(name) normalizePath(test_path("children", paste0(name, ".R")))

child_env <- function(env) c("current", R_LIBS = paste(.libPaths(), collapse = .Platform$path.sep), env)

# Reads a background child's output until a line equal to `line` arrives; gives the lines read.
wait_for_line <- function(child, line, timeout = 30) {
  lines <- character()
  deadline <- Sys.time() + timeout
  while (!line %in% lines && Sys.time() < deadline && child$is_alive()) {
    child$poll_io(100)
    lines <- c(lines, child$read_output_lines())
  }
  lines
}

# The value printed on the line "<key> <value>" of a child's output, or NA.
child_value <- function(lines, key) {
  hit <- grep(paste0("^", key, " "), lines, value = TRUE)
  if (length(hit) == 0) NA_character_ else trimws(sub(paste0("^", key, " "), "", hit[[1]]))
}
