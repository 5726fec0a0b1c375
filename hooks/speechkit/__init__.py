"""Turn the plain text of speeches into a study site's pages, without MkDocs.

The public entry points, one per stage: ``read_source`` → ``clean`` → ``parse`` (all
three: ``load_speech``) → ``load_taxonomy`` → ``build_library`` (places, topics, related
items) → ``render_library`` (``ready_pages`` + ``analysed_pages``, which a build may
make in a second process: ``analysed.render_analysed`` through ``jobs.Job``).
"""
