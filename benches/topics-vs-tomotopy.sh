#!/usr/bin/env bash
# Trains dateline's LDA and tomotopy's LDA on the same tokenised corpus of long documents, with
# the same settings (k = 20, 200 iterations, alpha 0.1, beta 0.01, no hyperparameter
# optimisation) and the same number of threads, in one run, and prints both training times and
# both mean UMass coherences (top 10 words), against the target of DESIGN.md: dateline no
# slower than tomotopy, and its topics at least as coherent.
#
#   benches/topics-vs-tomotopy.sh                # 250 documents of 20-40 KB, 2 threads, 5 seeds
#   THREADS=1 benches/topics-vs-tomotopy.sh      # both on one thread
#   REPS=2 benches/topics-vs-tomotopy.sh         # a quick run
#
# Environment (SEED and REPS as in benches/lib.sh):
#   DOCS          documents (default 250)
#   BYTES         body size of each document, drawn per document (default 20000-40000)
#   SEED          corpus generator seed (default 1)
#   REPS          runs of each, interleaved; run r uses sampler seed r for both (default 5)
#   THREADS       dateline's shards and pool threads, tomotopy's workers (default 2)
#   K, ITERATIONS topics and Gibbs sweeps (default 20 and 200)
#   LIKELIHOOD    dateline records its log-likelihood every N iterations, or "none" (default
#                 10, as `dateline topics` does; it costs a few percent)
#   VENV          the Python environment, made once and reused (default target/tomotopy-venv)
#   PYTHON        the interpreter that makes it (default python3)
#   TOMOTOPY_SPEC what pip installs (default tomotopy, the latest)
#
# The corpus: `lda-bench` generates DOCS themed articles in memory (the seeded generator's
# `Themes`: made-up topic words mixed into the news grammar; the same bytes every time), parses
# and counts them as `dateline topics` does, prunes terms by the LDA's default document
# frequencies (at least 2 documents, at most half), and writes the pruned documents as tokens;
# tomotopy trains on exactly those tokens. Both models' top words are scored by one UMass
# implementation, dateline's (gensim's u_mass), over the same documents; tomotopy's own
# u_mass is printed beside it as a check.
set -euo pipefail

script_name=topics-vs-tomotopy
REPS="${REPS:-5}"
# shellcheck source=benches/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DOCS="${DOCS:-250}"
BYTES="${BYTES:-20000-40000}"
THREADS="${THREADS:-2}"
K="${K:-20}"
ITERATIONS="${ITERATIONS:-200}"
LIKELIHOOD="${LIKELIHOOD:-10}"
VENV="${VENV:-$target_dir/tomotopy-venv}"
PYTHON="${PYTHON:-python3}"
TOMOTOPY_SPEC="${TOMOTOPY_SPEC:-tomotopy}"
lda_bench="$target_dir/release/lda-bench"
[[ "$DOCS" =~ ^[1-9][0-9]*$ && "$THREADS" =~ ^[1-9][0-9]*$ && "$K" =~ ^[1-9][0-9]*$ &&
    "$ITERATIONS" =~ ^[1-9][0-9]*$ ]] || die "DOCS, THREADS, K and ITERATIONS must be whole numbers, at least 1"
[[ "$BYTES" =~ ^[0-9]+-[0-9]+$ ]] || die "BYTES must be MIN-MAX, e.g. 20000-40000"
[[ "$LIKELIHOOD" == none || "$LIKELIHOOD" =~ ^[1-9][0-9]*$ ]] || die "LIKELIHOOD must be a whole number or none"

cd "$root"
echo "== building lda-bench (release)" >&2
cargo build --release --quiet -p dateline-benches --bin lda-bench || die "cannot build lda-bench"

if ! "$VENV/bin/python" -c 'import tomotopy' 2>/dev/null; then
    echo "== setting up $VENV with $TOMOTOPY_SPEC" >&2
    "$PYTHON" -m venv "$VENV" || die "cannot make a venv with $PYTHON -m venv"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$TOMOTOPY_SPEC" >&2 ||
        die "cannot pip install $TOMOTOPY_SPEC (no wheel for this Python and machine, or no network?)"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

corpus_args=(--docs "$DOCS" --seed "$SEED" --bytes "$BYTES")
model_args=(-k "$K" --iterations "$ITERATIONS" --threads "$THREADS" --likelihood "$LIKELIHOOD")

# The value of `key=` in the file $2.
value() {
    sed -n "s/^$1=//p" "$2" | tail -n 1
}

echo "== making the corpus" >&2
"$lda_bench" "${corpus_args[@]}" --threads "$THREADS" --tokens "$work/tokens.txt" >"$work/corpus.out" ||
    die "lda-bench could not make the corpus"

load_before=$(load_average)
echo "== timing $REPS runs of each, interleaved, $THREADS thread(s) (load average $load_before)" >&2
for ((r = 1; r <= REPS; r++)); do
    "$lda_bench" "${corpus_args[@]}" "${model_args[@]}" --lda-seed "$r" --train --words "$work/dateline-$r.json" \
        >"$work/dateline-$r.out" || die "dateline's run $r failed"
    "$VENV/bin/python" -W ignore "$here/tomotopy_lda.py" "$work/tokens.txt" "$work/tomotopy-$r.json" \
        --k "$K" --iterations "$ITERATIONS" --threads "$THREADS" --seed "$r" >"$work/tomotopy-$r.out" ||
        die "tomotopy's run $r failed"
    echo "   run $r of $REPS done (load average $(load_average))" >&2
done
load_after=$(load_average)

# tomotopy's topics scored by dateline's UMass over the same documents.
score_args=()
for ((r = 1; r <= REPS; r++)); do
    score_args+=(--score "$work/tomotopy-$r.json")
done
"$lda_bench" "${corpus_args[@]}" --threads "$THREADS" "${score_args[@]}" >"$work/score.out" ||
    die "lda-bench could not score tomotopy's topics"
mapfile -t tt_scored < <(sed -n 's/^score_umass=//p' "$work/score.out")

rows="$work/rows"
for ((r = 1; r <= REPS; r++)); do
    printf '%d %s %s %s %s %s\n' "$r" \
        "$(value train_s "$work/dateline-$r.out")" "$(value train_s "$work/tomotopy-$r.out")" \
        "$(value umass "$work/dateline-$r.out")" "${tt_scored[r - 1]}" "$(value own_umass "$work/tomotopy-$r.out")"
done >"$rows"

read -r dl_best dl_median < <(awk '{ print $2 }' "$rows" | best_median_of)
read -r tt_best tt_median < <(awk '{ print $3 }' "$rows" | best_median_of)
c="$work/corpus.out"
t="$work/tomotopy-1.out"
[[ "$(value types "$c") $(value tokens "$c")" == "$(value types "$t") $(value tokens "$t")" ]] ||
    die "tomotopy saw $(value types "$t") types and $(value tokens "$t") tokens, dateline $(value types "$c") and $(value tokens "$c")"

awk -v docs="$(value docs "$c")" -v bytes="$(value bytes "$c")" -v types="$(value types "$c")" \
    -v tokens="$(value tokens "$c")" -v all_tokens="$(value all_tokens "$c")" -v all_types="$(value all_types "$c")" \
    -v count_s="$(value parse_count_s "$c")" -v add_s="$(value add_s "$t")" \
    -v ttv="$(value tomotopy_version "$t")" -v isa="$(value isa "$t")" -v cores="$(nproc 2>/dev/null || echo "?")" \
    -v threads="$THREADS" -v k="$K" -v iters="$ITERATIONS" -v ll="$LIKELIHOOD" -v reps="$REPS" \
    -v db="$dl_best" -v dm="$dl_median" -v tb="$tt_best" -v tm="$tt_median" \
    -v load1="$load_before" -v load2="$load_after" '
    { seed[NR] = $1; dt[NR] = $2; tt[NR] = $3; du[NR] = $4; tu[NR] = $5; to[NR] = $6
      sdu += $4; stu += $5; sto += $6; if ($4 >= $5) wins++ }
    END {
    printf "corpus: %d documents, %.1f MB; %s tokens of %s types counted, %s tokens of %s types kept\n", docs, bytes / 1e6, all_tokens, all_types, tokens, types
    printf "dateline parse + count: %.3f s; tomotopy add_doc: %.3f s (not in the training times)\n", count_s, add_s
    printf "k = %d, %d iterations, alpha 0.1, beta 0.01, no optimisation, %d thread(s), dateline log-likelihood every %s\n", k, iters, threads, ll
    printf "tomotopy %s (%s); %s cores, load average %s before and %s after the timed runs\n\n", ttv, isa, cores, load1, load2
    printf "%5s %12s %12s %8s %14s %14s %14s\n", "seed", "dateline", "tomotopy", "ratio", "dateline UMass", "tomotopy UMass", "(tomotopy own)"
    for (i = 1; i <= NR; i++)
        printf "%5d %11.3fs %11.3fs %7.2fx %14.4f %14.4f %14.4f\n", seed[i], dt[i], tt[i], dt[i] / tt[i], du[i], tu[i], to[i]
    mdu = sdu / NR; mtu = stu / NR
    printf "%5s %11.3fs %11.3fs %7.2fx\n", "best", db, tb, db / tb
    printf "%5s %11.3fs %11.3fs %7.2fx %14.4f %14.4f %14.4f\n", "med.", dm, tm, dm / tm, mdu, mtu, sto / NR
    printf "(the UMass row is the mean over seeds; UMass of both scored by dateline over the same documents)\n"
    printf "\n%-44s %10s %12s  %s\n", "target", "measured", "wanted", "verdict"
    printf "%-44s %9.2fx %12s  %s\n", "dateline / tomotopy training time (median)", dm / tm, "<= 1x", (dm <= tm ? "met" : "NOT met")
    printf "%-44s %9.2fx %12s  %s\n", "dateline / tomotopy training time (best)", db / tb, "<= 1x", (db <= tb ? "met" : "NOT met")
    printf "%-44s %10.4f %12s  %s\n", "dateline - tomotopy mean UMass", mdu - mtu, ">= 0", (mdu >= mtu ? "met" : "NOT met")
    printf "%-44s %10s %12s\n", "seeds where dateline is at least as coherent", wins + 0 " of " NR, ""
}' "$rows"
