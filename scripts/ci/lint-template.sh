#!/usr/bin/env bash
# Lints the CloudFormation template that `npm run package` writes, as CloudFormation would judge it.
#   scripts/ci/lint-template.sh [template]   (default: .serverless/cloudformation-template-update-stack.json)
# Errors (and a template cfn-lint cannot read) fail with exit 1; warnings and notes are listed and pass.
# CFN_LINT_REGIONS (default cn-northwest-1, serverless.yml's default region) picks the regions checked.
set -uo pipefail
# A template named on the command line is found from where the script was called.
if [ $# -gt 0 ]; then
  template="$1"
  if [ -d "$(dirname "$1")" ]; then template="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; fi
fi
cd "$(dirname "$0")/../.."
template="${template:-.serverless/cloudformation-template-update-stack.json}"
regions="${CFN_LINT_REGIONS:-cn-northwest-1}"

if [ ! -f "$template" ]; then
  echo "lint-template: $template not found; run \`TOKEN_SECRET=… npm run package\` first" >&2
  exit 1
fi

# The cfn-lint on PATH if there is one; otherwise one installed with pip into a virtualenv of its
# own under .run/ (Debian's Python refuses `pip install` outside one), kept for the next run.
venv=".run/cfn-lint-venv"
if ! command -v cfn-lint >/dev/null 2>&1; then
  if [ ! -x "$venv/bin/cfn-lint" ]; then
    echo "lint-template: cfn-lint not found; installing it with pip into $venv"
    if ! { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet cfn-lint; }; then
      echo "lint-template: could not install cfn-lint (needs python3-venv and PyPI; or: pip install cfn-lint)" >&2
      exit 1
    fi
  fi
  export PATH="$PWD/$venv/bin:$PATH"
fi

echo "lint-template: $(cfn-lint --version) on $template (regions: $regions)"
# shellcheck disable=SC2086 # the region list is meant to split on spaces
cfn-lint --regions $regions -- "$template"
status=$?

# cfn-lint's exit status is a bit mask: 1 could not lint, 2 errors, 4 warnings, 8 informational.
if (( status & 3 )); then
  echo "lint-template: FAILED — CloudFormation would reject $template (errors above)" >&2
  exit 1
fi
if (( status & 4 )); then
  echo "lint-template: passed with warnings (listed above)"
elif (( status & 8 )); then
  echo "lint-template: passed with notes (listed above)"
else
  echo "lint-template: passed, no findings"
fi
exit 0
