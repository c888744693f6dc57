"""Migrations and schema.py agree: a migrated store has exactly the tables, columns
and indexes the code expects (full-text search objects aside), on both backends."""
from __future__ import annotations

import pytest


#: Objects the migration adds on purpose beyond schema.py: the full-text index.
FTS_NAMES = ("article_fts", "tsv", "ix_articles_tsv")


def _ours(obj, name, type_, reflected, compare_to) -> bool:
    return not (name or "").startswith(FTS_NAMES)


@pytest.mark.parametrize("revision", ["head"])
def test_store_schema_migrated_store_matches_code(store_url, revision):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from sitrep.store import open_store
    from sitrep.store.schema import metadata

    with open_store(store_url) as store, store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _ours})
        assert compare_metadata(context, metadata) == []


@pytest.mark.parametrize("target", ["base"])
def test_store_schema_downgrade_removes_everything(store_url, target):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    from sitrep.store import open_store
    from sitrep.store.db import MIGRATIONS

    with open_store(store_url) as store:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, target)
        names = set(inspect(store.engine).get_table_names()) - {"alembic_version"}
    assert names == set()
