"""Turn the plain text of speeches into a study site's pages, without MkDocs.

The public entry points, one per stage: ``read_source`` → ``clean`` → ``parse`` →
``load_taxonomy``/``tag_library`` → ``render_library``. ``build_library`` runs them all.
"""
