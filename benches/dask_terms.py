"""Times `dateline.dask.terms` on a Dask LocalCluster over a tree, for benches/run's dask row.

    python dask_terms.py TREE --workers N --reps R --out terms.csv

Starts the cluster once (not timed), then runs dateline.dask.terms over TREE R times and
prints `work_s=SECONDS` per run (from the call to the table, merges and finish included),
then writes the last table as CSV, so the run can check it equals `dateline terms`.
"""

from __future__ import annotations

import argparse
import time
import warnings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("tree")
    parser.add_argument("--workers", type=int, required=True)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--files-per-partition", type=int, default=256)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    import pyarrow.csv as csv
    from distributed import Client, LocalCluster

    import dateline
    import dateline.dask

    warnings.simplefilter("ignore", dateline.DiagnosticWarning)
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster):
            table = None
            for _ in range(args.reps):
                start = time.perf_counter()
                table = dateline.dask.terms(args.tree, files_per_partition=args.files_per_partition)
                print(f"work_s={time.perf_counter() - start:.4f}", flush=True)
    csv.write_csv(table, args.out)


if __name__ == "__main__":
    main()
