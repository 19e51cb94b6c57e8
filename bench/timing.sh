# Sourced by the whole-process benchmark scripts: times repeated runs of a command and prints them with their median.
#
# time_runs RUNS COMMAND [ARGS...]
#   runs COMMAND RUNS times (wall time, process start to exit, in milliseconds), then prints
#     runs (s):   0.279 0.271 ...
#     median (s): 0.278
time_runs() {
  local runs=$1
  shift
  local times=() start end i
  for ((i = 1; i <= runs; i++)); do
    start=$(date +%s%N)
    "$@"
    end=$(date +%s%N)
    times+=("$(((end - start) / 1000000))")
  done

  local sorted count median_ms all="" ms
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  count=${#sorted[@]}
  if ((count % 2 == 1)); then
    median_ms=${sorted[$((count / 2))]}
  else
    median_ms=$(((sorted[count / 2 - 1] + sorted[count / 2]) / 2))
  fi

  for ms in "${times[@]}"; do
    all+="$(printf '%d.%03d ' $((ms / 1000)) $((ms % 1000)))"
  done
  printf 'runs (s):   %s\n' "${all% }"
  printf 'median (s): %d.%03d\n' $((median_ms / 1000)) $((median_ms % 1000))
}
