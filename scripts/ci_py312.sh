#!/usr/bin/env bash
# The unit tests and nbval (not the browser or website tests) on Python 3.12, the Python of runtime.txt and
# so of Binder, in a venv of its own, .venv312, from pyenv's 3.12.1 or else python3.12 on PATH
# (fails if there is neither).
#   bash scripts/ci_py312.sh setup          make .venv312 and install requirements-dev.txt (online)
#   bash scripts/ci_py312.sh test [ARGS]    run the tests in it (works offline); ARGS go to pytest
#   bash scripts/ci_py312.sh ci              setup, then the tests with the network cut (a fresh
#                                           network namespace holding only loopback) at a low
#                                           priority, as .ci/run runs it beside the main tests,
#                                           without the tests listed in CI_SKIP
#   bash scripts/ci_py312.sh [ARGS]         setup and test
set -euo pipefail
cd "$(dirname "$0")/.."

setup() {
  local py=""
  for candidate in /root/.pyenv/versions/3.12.1/bin/python3 "$(command -v python3.12 || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then py=$candidate; break; fi
  done
  [ -n "$py" ] || { echo "ci_py312: no Python 3.12 (pyenv 3.12.1 or python3.12 on PATH)" >&2; exit 1; }
  "$py" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' \
    || { echo "ci_py312: $py is not Python 3.12" >&2; exit 1; }
  echo "ci_py312: $("$py" --version) from $py"
  rm -rf .venv312
  "$py" -m venv .venv312
  .venv312/bin/python -m pip install -q -r requirements-dev.txt
}

run_tests() {
  [ -x .venv312/bin/python ] || { echo "ci_py312: no .venv312: run 'bash scripts/ci_py312.sh setup' first" >&2; exit 1; }
  .venv312/bin/python -c 'import sys; assert sys.version_info[:2] == (3, 12), sys.version'
  .venv312/bin/python -m pytest -m "not browser" --ignore=tests/website -n 2 "$@"  # no site tools here
}

# Left out of the CI pass, to keep CI near 10 minutes; they run in the main pass with the same
# pinned libraries. What stays: nbval over every notebook (each lesson run in a kernel on 3.12,
# every explorer drawn), the capstone notebooks, and the tests of the helper package (explorer
# base, inputs, data loading, the exercise checks of every lesson, quiz, models, errors, safety).
# - the tests that run a lesson's code again in the test process (those importing tests/lessons.py
#   or tests/explorers.py: the explorer tests, half of the suite's time, the seeded random walk
#   over the explorers, and the lessons' data facts); nbval has just run that code on 3.12;
# - the checks that do not depend on the Python version, since they read the repository's files
#   (docs, lint, notebook hygiene, the package layout, the worker groups, the data package's schema
#   and provenance, the student edition and its install) or start JupyterLab with the course's
#   settings.
CI_SKIP=()
for path in $(grep -l -E '^from (lessons|explorers) import' tests/test_*.py); do
  CI_SKIP+=(--ignore="$path")
done
for file in docs lint notebook_hygiene package_layout worker_groups data student_edition \
    student_edition_install lab_settings; do
  CI_SKIP+=(--ignore="tests/test_$file.py")
done

# The pass, and every process it starts, in a cgroup with the smallest CPU share, so it runs on the
# processor time the main tests leave idle. Kernels are included: jupyter_client starts each one in
# a session of its own, which a session's priority (autogroup) would not reach. Where no cgroup can
# be made, the session's priority is lowered instead; nice is lowered either way.
CGROUP=/sys/fs/cgroup/cpu/ruralrev-ci-py312

low_priority() {
  if mkdir -p "$CGROUP" 2>/dev/null && echo 2 >"$CGROUP/cpu.shares" 2>/dev/null \
      && echo $$ >"$CGROUP/cgroup.procs" 2>/dev/null; then
    echo "ci_py312: running in cgroup $CGROUP (cpu.shares 2)"
  else
    [ -w /proc/self/autogroup ] && echo 19 >/proc/self/autogroup 2>/dev/null || true
  fi
  renice -n 15 $$ >/dev/null
}

leave_cgroup() {
  if [ -d "$CGROUP" ]; then
    echo $$ >"$(dirname "$CGROUP")/cgroup.procs" 2>/dev/null && rmdir "$CGROUP" 2>/dev/null || true
  fi
}

offline_ci() {
  low_priority
  trap leave_cgroup EXIT
  setup
  echo "ci_py312: installed after ${SECONDS} s"
  if unshare --net true 2>/dev/null; then
    echo "ci_py312: running the test suite on Python 3.12 with no network"
    unshare --net bash -euo pipefail -c 'ip link set lo up && bash scripts/ci_py312.sh test -q "$@"' _ "${CI_SKIP[@]}"
  else
    echo "ci_py312: this machine cannot create a network namespace; the Python 3.12 pass runs online" >&2
    bash scripts/ci_py312.sh test -q "${CI_SKIP[@]}"
  fi
}

case "${1:-}" in
  setup) setup ;;
  ci) offline_ci ;;
  test) shift; run_tests "$@" ;;
  *) setup; run_tests "$@" ;;
esac
