"""sitrep: news articles in, a verifiable record of what happened out."""
from sitrep.model import SCHEMA_VERSION
from sitrep.pipeline import analyze, process_batch
from sitrep.settings import Settings

__version__ = "0.1.0"
__all__ = ["analyze", "process_batch", "Settings", "SCHEMA_VERSION", "__version__"]
