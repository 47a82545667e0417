# Joins the one-dot lines of `deno test --reporter=dot` into rows of 100.
# Deno wraps its dots at the terminal's width, so without a terminal (CI, a
# pipe) it ends every dot with a newline; every other line passes through.
# After Deno's summary it adds `deno: N passed, N failed, N skipped`, the
# line every runtime of the suite ends with.
function count(line, word) {
  return match(line, "[0-9]+ " word) ? substr(line, RSTART, RLENGTH) + 0 : 0
}
{
  plain = $0
  gsub(/\033\[[0-9;]*m/, "", plain)
  if (plain ~ /^[.,!]$/) {
    printf "%s", $0
    if (++n % 100 == 0) printf "\n"
    next
  }
  if (n % 100) printf "\n"
  n = 0
  print
  if (plain ~ /^(ok|FAILED) +\| [0-9]+ passed/) {
    printf "deno: %d passed, %d failed, %d skipped\n", count(plain, "passed"),
      count(plain, "failed"), count(plain, "ignored")
  }
  fflush()
}
END { if (n % 100) printf "\n" }
