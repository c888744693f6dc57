"""Stories in the store: story rows, article->story membership, linker state.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

Adds what ``sitrep.store.linker`` writes. An upgraded 0001 store starts with
every article unlinked; the next ingest, ``sitrep link`` or story read links them.
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('stories',
    sa.Column('id', sa.String(length=20), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('start', sa.String(length=40), nullable=True),
    sa.Column('end', sa.String(length=40), nullable=True),
    sa.Column('articles', sa.Integer(), nullable=False),
    sa.Column('sources', sa.Integer(), nullable=False),
    sa.Column('independent_sources', sa.Integer(), nullable=False),
    sa.Column('contradictions', sa.Integer(), nullable=False),
    sa.Column('places', sa.Text(), nullable=True),
    sa.Column('updated_at', sa.String(length=40), nullable=False),
    sa.Column('story_json', sa.Text(), nullable=False),
    sa.Column('state_json', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('seq')
    )
    op.create_index(op.f('ix_stories_end'), 'stories', ['end'], unique=False)
    op.create_index(op.f('ix_stories_start'), 'stories', ['start'], unique=False)
    op.create_table('story_members',
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('story_id', sa.String(length=20), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=12), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('linked_at', sa.String(length=40), nullable=False),
    sa.Column('features_json', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id')
    )
    op.create_index(op.f('ix_story_members_story_id'), 'story_members', ['story_id'], unique=False)
    link_state = op.create_table('link_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('generation', sa.Integer(), nullable=False),
    sa.Column('settings_json', sa.Text(), nullable=True),
    sa.Column('updated_at', sa.String(length=40), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.bulk_insert(link_state, [{"id": 1, "generation": 0}])


def downgrade() -> None:
    op.drop_index(op.f('ix_story_members_story_id'), table_name='story_members')
    op.drop_table('story_members')
    op.drop_index(op.f('ix_stories_start'), table_name='stories')
    op.drop_index(op.f('ix_stories_end'), table_name='stories')
    op.drop_table('stories')
    op.drop_table('link_state')
