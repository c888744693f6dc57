"""Apache Spark adapter: the same ``process_batch`` in ``mapPartitions``.

No logic of its own: each partition loads the spaCy pipeline once (it is
cached per Python worker process, and Spark reuses workers), turns its rows
into records, runs :func:`sitrep.process_batch`, and emits the same rows the
local Parquet export writes. Needs the optional extra ``sitrep[spark]``
(PySpark) and a Java 17 runtime.
"""
from __future__ import annotations

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


def _record(row) -> dict:
    """A Spark Row (or mapping) as a pipeline record; dates read by Spark become ISO strings."""
    data = row.asDict() if hasattr(row, "asDict") else dict(row)
    record = {k: data[k] for k in RECORD_FIELDS if data.get(k) is not None}
    if "published" in record:
        record["published"] = str(record["published"])
    return record


def warc_records(path_and_bytes: tuple[str, bytes]) -> Iterator[dict]:
    """Articles of one WARC file's response records, as plain records (errors keep their reason)."""
    from sitrep.ingest import warc
    from sitrep.ingest.source import Source
    from sitrep.model import Article

    path, data = path_and_bytes
    source = Source(where=path, default_id=Path(path).name, data=bytes(data))
    for item in warc.read(source):
        if isinstance(item, Article):
            yield {k: getattr(item, k) for k in RECORD_FIELDS}


def run(input_path: str, output_path: str, *, input_format: str = "jsonl", master: str = "local[2]",
        partitions: int | None = None) -> dict:
    """Analyse ``input_path`` on Spark and write Parquet under ``output_path``:
    ``events/`` (the export's event schema) and ``documents/`` (one row per input)."""
    if input_format not in INPUT_FORMATS:
        raise UsageError(f"unknown Spark input format {input_format!r}; choose from {', '.join(INPUT_FORMATS)}")
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise UsageError("PySpark is not installed; install the extra: pip install 'sitrep[spark]'") from None
    from sitrep.export.parquet import DOCUMENT_SCHEMA, EVENT_SCHEMA

    spark = (SparkSession.builder.master(master).appName("sitrep-analyze")
             .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC")
             .getOrCreate())
    try:
        records = _read(spark, input_path, input_format)
        if partitions:
            records = records.repartition(partitions)
        tagged = records.mapPartitions(analyze_partition).cache()
        for kind, schema in (("document", DOCUMENT_SCHEMA), ("event", EVENT_SCHEMA)):
            rows = tagged.filter(lambda t, k=kind: t[0] == k).map(lambda t: t[1])
            frame = spark.createDataFrame(rows, schema=_spark_schema(schema))
            frame.write.mode("overwrite").parquet(f"{output_path}/{kind}s")
        counts = dict(tagged.map(lambda t: (t[0], 1)).countByKey())
        return {"documents": counts.get("document", 0), "events": counts.get("event", 0)}
    finally:
        spark.stop()


def _read(spark, path: str, fmt: str):
    if fmt == "jsonl":
        return spark.read.json(path).rdd
    if fmt == "parquet":
        return spark.read.parquet(path).rdd
    return spark.sparkContext.binaryFiles(path).flatMap(warc_records)


def _spark_schema(arrow_schema):
    """The Spark schema equivalent to the export's pyarrow schema."""
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

