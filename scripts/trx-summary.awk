# Reads VSTest .trx files (one UnitTestResult element per test run) and prints, for every skipped test, a line
#   SKIP <tab> <test name> <tab> <skip reason>
# Used by scripts/test.sh; plain awk, so a fresh Debian machine needs nothing else.
function attribute(line, name,    found) {
  if (match(line, name "=\"[^\"]*\"")) {
    found = substr(line, RSTART + length(name) + 2, RLENGTH - length(name) - 3)
    return decode(found)
  }
  return ""
}
function decode(text) {
  gsub(/&quot;/, "\"", text); gsub(/&apos;/, "'", text); gsub(/&lt;/, "<", text); gsub(/&gt;/, ">", text)
  gsub(/&amp;/, "\\&", text)
  return text
}
function flush() {
  if (pending != "") { print "SKIP\t" pending "\t(no reason given)"; pending = "" }
}
/<UnitTestResult / {
  flush()
  if (attribute($0, "outcome") == "NotExecuted") {
    pending = attribute($0, "testName")
    if ($0 ~ /\/>[[:space:]]*$/) flush()
  }
  next
}
pending != "" && /<Message>/ {
  reason = $0
  sub(/.*<Message>/, "", reason); sub(/<\/Message>.*/, "", reason)
  print "SKIP\t" pending "\t" decode(reason)
  pending = ""
}
/<\/UnitTestResult>/ { flush() }
END { flush() }
