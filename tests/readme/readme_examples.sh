#!/usr/bin/env bash
# Runs every command example of README.md, in order, as a user would from a copy of the
# repository: `footballdb`, `sqlite3` and `cat ... | footballdb` lines of its indented code blocks
# (with their continuation lines), in one shell, and checks each exit code: 0, or N where the
# example says "# exit N". Prints each example with its exit code.
#   tests/readme/readme_examples.sh SOURCE_DIR BUILD_DIR
set -uo pipefail
src=$1
build=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/data" "$work/bin"
cp -r "$src/data/samples" "$work/data/samples"
ln -s "$build" "$work/BUILD"
ln -s "$build/bin/footballdb" "$work/bin/footballdb"
export PATH="$work/bin:$PATH"

# The examples: indented lines that begin a command, with the lines a trailing "\" continues.
examples="$work/examples.txt"
awk '
  /^```/ { fenced = !fenced; next }
  fenced { next }
  /^    / {
    line = substr($0, 5)
    if (cont) { buf = buf "\n" line; cont = (line ~ /\\$/); if (!cont) { print buf; print "\x1e" } ; next }
    if (line ~ /^(footballdb |sqlite3 |cat [^|]*\| *footballdb |cd data\/samples)/ && line !~ /\[--db FILE\]/) {
      buf = line; cont = (line ~ /\\$/)
      if (!cont) { print buf; print "\x1e" }
    }
    next
  }
  { cont = 0 }
' "$src/README.md" > "$examples"

cd "$work"
failed=0
count=0
while IFS= read -r -d $'\x1e' example; do
  example=${example#$'\n'}
  [ -z "$example" ] && continue
  count=$((count + 1))
  expected=0
  if [[ $example =~ \#\ exit\ ([0-9]+) ]]; then expected=${BASH_REMATCH[1]}; fi
  if [[ $example == cd\ * ]]; then
    eval "${example%%#*}"
    code=$?
  else
    bash -c "$example" > "$work/out" 2> "$work/err" < /dev/null
    code=$?
  fi
  first=${example%%$'\n'*}
  if [ "$code" -eq "$expected" ]; then
    printf 'exit %d  %s\n' "$code" "$first"
  else
    failed=$((failed + 1))
    printf 'FAILED: exit %d, expected %d:\n%s\n--- stdout:\n%s\n--- stderr:\n%s\n' "$code" "$expected" \
      "$example" "$(head -c 2000 "$work/out")" "$(head -c 2000 "$work/err")"
  fi
done < <(tr '\n' '\n' < "$examples")

echo "$count README examples, $failed failed"
[ "$count" -ge 30 ] || { echo "expected at least 30 examples: the extraction broke"; exit 1; }
[ "$failed" -eq 0 ]
