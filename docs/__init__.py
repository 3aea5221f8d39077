"""The site's sources: MyST pages, the Sphinx configuration and static files. Installed as
``compute_atlas.docs`` so that an installed package can build the site; the site builds from a copy (see
``compute_atlas.site.builder``)."""
