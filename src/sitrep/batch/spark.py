"""Apache Spark adapter: the same ``process_batch`` in ``mapPartitions``.

No logic of its own: each partition loads the spaCy pipeline once (it is
cached per Python worker process, and Spark reuses workers), turns its rows
into records, runs :func:`sitrep.process_batch`, and emits the same rows the
local Parquet export writes. Needs the optional extra ``sitrep[spark]``
(PySpark) and a Java 17 runtime.
"""
from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.errors import UsageError

INPUT_FORMATS = ("jsonl", "parquet", "warc")
RECORD_FIELDS = ("id", "text", "published", "title", "source", "url")


def analyze_partition(rows: Iterable) -> Iterator[tuple[str, dict]]:
    """Run the pipeline over one partition's records.

    Yields ``("document", row)`` for every input (with its error, if any) and
    ``("event", row)`` for every event, using the export's row builders.
    """
    from sitrep.export.parquet import document_row, event_rows
    from sitrep.pipeline import process_batch

    records = (_record(r) for r in rows)
    for result in process_batch(records):
        yield "document", document_row(result)
        if result.ok:
            for row in event_rows(result):
                yield "event", row


def _record(row):
    """A Spark Row (or mapping) as a pipeline record; dates read by Spark become ISO strings.

    A row carrying an ``error`` (a WARC record that could not be read) becomes
    an ErrorResult, so the output keeps one document row per input.
    """
    from sitrep.model import ErrorResult

    data = row.asDict() if hasattr(row, "asDict") else dict(row)
    if data.get("error"):
        return ErrorResult(id=str(data.get("id") or "?"), error=str(data["error"]))
    record = {k: data[k] for k in RECORD_FIELDS if data.get(k) is not None}
    if "published" in record:
        record["published"] = str(record["published"])
    return record


def warc_records(path_and_bytes: tuple[str, bytes]) -> Iterator[dict]:
    """Articles of one WARC file's response records as plain records; a damaged
    archive ends with a record that carries only its ``id`` and ``error``."""
    from sitrep.ingest import warc
    from sitrep.ingest.source import Source
    from sitrep.model import Article

    path, data = path_and_bytes
    source = Source(where=path, default_id=Path(path).name, data=bytes(data))
    for item in warc.read(source):
        if isinstance(item, Article):
            yield {k: getattr(item, k) for k in RECORD_FIELDS}
        else:
            yield {"id": item.id, "error": item.error}


def check_runtime() -> None:
    """Raise a UsageError saying what to install when PySpark or Java is missing."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise UsageError("PySpark is not installed; install the extra: pip install 'sitrep[spark]'") from None
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        raise UsageError("no Java runtime found; Spark needs Java 17 (apt install openjdk-17-jre-headless)")


def session(master: str = "local[2]"):
    """A quiet Spark session whose Python workers run this interpreter (so they see sitrep)."""
    check_runtime()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master(master).appName("sitrep-analyze")
             .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC")
             .config("spark.python.worker.reuse", "true").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run(input_path: str, output_path: str, *, input_format: str = "jsonl", master: str = "local[2]",
        partitions: int | None = None) -> dict:
    """Analyse ``input_path`` on Spark and write Parquet under ``output_path``:
    ``events/`` (the export's event schema) and ``documents/`` (one row per input).

    Returns ``{"documents", "failed", "events"}`` counts."""
    if input_format not in INPUT_FORMATS:
        raise UsageError(f"unknown Spark input format {input_format!r}; choose from {', '.join(INPUT_FORMATS)}")
    if not Path(input_path).exists():
        raise UsageError(f"input {input_path!r} not found")
    spark = session(master)
    try:
        return _analyze(spark, input_path, output_path, input_format, partitions)
    finally:
        spark.stop()


def _analyze(spark, input_path: str, output_path: str, input_format: str, partitions: int | None) -> dict:
    """Analyse once (persisted), then write both tables and count from the persisted rows."""
    from pyspark import StorageLevel

    from sitrep.export.parquet import DOCUMENT_SCHEMA, EVENT_SCHEMA

    records = _read(spark, input_path, input_format)
    if partitions:
        records = records.repartition(partitions)
    tagged = records.mapPartitions(analyze_partition).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        for kind, schema in (("document", DOCUMENT_SCHEMA), ("event", EVENT_SCHEMA)):
            rows = tagged.filter(lambda t, k=kind: t[0] == k).map(lambda t: t[1])
            frame = spark.createDataFrame(rows, schema=spark_schema(schema))
            frame.write.mode("overwrite").parquet(f"{output_path}/{kind}s")
        counts = dict(tagged.map(lambda t: (t[0] if t[0] == "event" or t[1]["ok"] else "failed", 1))
                      .countByKey())
    finally:
        tagged.unpersist()
    failed = counts.get("failed", 0)
    return {"documents": counts.get("document", 0) + failed, "failed": failed, "events": counts.get("event", 0)}


def _read(spark, path: str, fmt: str):
    """An RDD of rows: JSONL and Parquet through Spark's readers, WARC through sitrep's reader."""
    if fmt == "jsonl":
        return spark.read.json(path).rdd
    if fmt == "parquet":
        return spark.read.parquet(path).rdd
    return spark.sparkContext.binaryFiles(path).flatMap(warc_records)


def spark_schema(arrow_schema):
    """The Spark schema equivalent to the export's pyarrow schema (one definition of the rows)."""
    from pyspark.sql import types as T

    def convert(t):
        import pyarrow as pa

        if pa.types.is_string(t) or pa.types.is_large_string(t):
            return T.StringType()
        if pa.types.is_integer(t):
            return T.LongType()
        if pa.types.is_floating(t):
            return T.DoubleType()
        if pa.types.is_boolean(t):
            return T.BooleanType()
        if pa.types.is_list(t):
            return T.ArrayType(convert(t.value_type))
        raise TypeError(f"no Spark type for {t}")

    return T.StructType([T.StructField(f.name, convert(f.type), f.nullable) for f in arrow_schema])
