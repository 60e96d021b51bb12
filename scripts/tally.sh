# Counting for the test scripts that run several checks (sourced, not run): tally records one
# check's outcome and prints it as "[name] outcome: detail"; summary prints the line scripts/test
# sums ("N passed, N failed, N skipped") and succeeds when nothing failed.
passed=0; failed=0; skipped=0

tally() { # name, passed|failed|skipped, detail (optional)
  echo "[$1] $2${3:+: $3}"
  case "$2" in passed) passed=$((passed + 1)) ;; failed) failed=$((failed + 1)) ;; *) skipped=$((skipped + 1)) ;; esac
}

summary() {
  echo "$passed passed, $failed failed, $skipped skipped"
  [ "$failed" -eq 0 ]
}
