"""Doc -> events, actors, quotes, times, places, framing. One module per layer.

Every layer is a function ``extract(ctx) -> list[...]`` over a shared
:class:`~sitrep.extract.context.Context`, which carries the parsed ``Doc``,
the publication date and what earlier layers found.
"""
