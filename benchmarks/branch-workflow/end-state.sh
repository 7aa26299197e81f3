# Sourced by run-small.sh and floor-small.sh: the end state every tool's hotfix cycle must reach, compared as (parents
# count, second parent's tree, tree) of main and develop, the branch gone, HEAD on develop, a clean tree.
# Usage: end_state REPO BRANCH
end_state() {
  local repo=$1 branch=$2 state=""
  for b in main develop; do
    state+="$b: parents=$(git -C "$repo" rev-list --parents -n 1 "$b" | wc -w) hotfix-tree=$(git -C "$repo" rev-parse "$b^2^{tree}") tree=$(git -C "$repo" rev-parse "$b^{tree}"); "
  done
  state+="branch=$(git -C "$repo" rev-parse --verify --quiet "refs/heads/$branch" >/dev/null && echo kept || echo deleted); "
  state+="head=$(git -C "$repo" symbolic-ref --short HEAD); status=$(git -C "$repo" status --porcelain --untracked-files=no | wc -l)"
  echo "$state"
}
