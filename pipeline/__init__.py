"""The derived relations: one file per relation, named after it (``<relation>.sql``, a SELECT, or
``<relation>.py`` with ``derive(con) -> polars.DataFrame``). Installed as ``compute_atlas.pipeline``; the
step runner (``compute_atlas.publish.steps``) loads each file by its path, never by importing this package."""
