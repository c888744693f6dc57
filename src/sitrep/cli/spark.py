"""``sitrep spark analyze``: the pipeline on Apache Spark, Parquet out (optional extra ``sitrep[spark]``)."""
from __future__ import annotations

import argparse
import json

from sitrep.cli import EXIT_OK, EXIT_SOME_FAILED


def register(sub) -> None:
    p = sub.add_parser("spark", help="analyse a large corpus on Apache Spark (needs sitrep[spark] and Java 17)",
                       description="Run the pipeline on Apache Spark: one spaCy load per partition, "
                                   "Parquet out with the same schema as `sitrep export --format parquet`.")
    spark_sub = p.add_subparsers(dest="spark_command", metavar="SUBCOMMAND", required=True)
    a = spark_sub.add_parser("analyze", help="analyse INPUT into OUTPUT/events and OUTPUT/documents (Parquet)")
    a.add_argument("input", metavar="INPUT", help="a file or folder of JSONL, Parquet or WARC(.gz) files")
    a.add_argument("output", metavar="OUTPUT", help="output folder (events/ and documents/ are replaced)")
    a.add_argument("--input-format", choices=["jsonl", "parquet", "warc"], default="jsonl")
    a.add_argument("--master", default="local[2]", help="Spark master URL (default %(default)s)")
    a.add_argument("--partitions", type=int, metavar="N", help="repartition the input into N partitions")
    a.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from sitrep.batch import spark

    counts = spark.run(args.input, args.output, input_format=args.input_format, master=args.master,
                       partitions=args.partitions)
    print(json.dumps(counts))
    return EXIT_SOME_FAILED if counts["failed"] else EXIT_OK
