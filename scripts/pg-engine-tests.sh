#!/usr/bin/env bash
# The test files that build the bot or its stores through test/helpers/testBot.ts, run again with the bot on
# PostgreSQL (TEST_ENGINE=postgres: each harness on its own database copied from a migrated template).
# `npm test` runs them on SQLite; `.ci/run` runs this after it (`npm run test:pg` does the same by hand).
#
#   scripts/pg-engine-tests.sh           # the PostgreSQL pass
#   scripts/pg-engine-tests.sh --list    # which files it runs, one a line
#
# Left out because `npm test` already runs them on both engines by themselves: test/store/**,
# test/reminders/applyPlan.test.ts and test/reminders/dispatcher.test.ts (every case on each engine of
# test/store/engines.ts) and test/runtime/webhook.test.ts (its own SQLite and PostgreSQL cases); files that
# never build stores (rules, locales, config, rendering) do not depend on the engine; the `npm start` end-to-end tests (test/e2e) start their own processes. Uses TEST_DATABASE_URL when set, else test/setup/postgres.ts starts a throwaway server;
# without any PostgreSQL this pass cannot run and says so (exit 0: the suite's PostgreSQL cases skip loudly too).
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t files < <(grep -rl --include='*.test.ts' 'createHarness' test | grep -v -e '^test/store/' -e '^test/runtime/webhook\.test\.ts$' | sort)

if [ "${1:-}" = "--list" ]; then
  printf '%s\n' "${files[@]}"
  exit 0
fi
if [ "${TEST_DATABASE_URL:-}" = "none" ]; then
  echo "!!! TEST_DATABASE_URL=none: the bot-level tests on PostgreSQL are SKIPPED !!!" >&2
  exit 0
fi
# Files that compare wall-clock times within a run (reply times during a flood against those before it) run
# on their own afterwards: a second file running beside them changes the machine's speed between the two.
alone=(test/bot/rateLimit.test.ts)
together=()
for f in "${files[@]}"; do
  case " ${alone[*]} " in *" $f "*) ;; *) together+=("$f") ;; esac
done
echo "Bot-level tests on PostgreSQL: ${#files[@]} files"
# The hostile-input fuzz sends 2,000 updates here instead of 10,000: the same checks, and PostgreSQL's round
# trips make it about three times slower. Two test files at a time even on 2 cores (vitest's default there
# is one): a file waits on the server much of the time; four files took 83-92 s instead of 117-120 s.
export TEST_ENGINE=postgres FUZZ_UPDATES="${FUZZ_UPDATES:-2000}"
rc=0
npx vitest run --maxWorkers="${PG_TEST_WORKERS:-2}" "${together[@]}" || rc=$?
npx vitest run --maxWorkers=1 "${alone[@]}" || rc=$?
exit "$rc"
