"""Turn the documents an office holds into a study site's pages, without MkDocs.

The stages, one package each, data flowing one way:

- ``sources``: a file's bytes to text, front matter, noise set aside with reasons;
  which files of the speeches folder are speeches (``list_speeches``);
- ``structure``: the cleaned text parsed into a ``model.Speech`` (``parse``);
- ``library``: speeches loaded (``load_speech``, ``ParsedSpeeches``) and placed at stable
  page paths (``urls``), tagged with the taxonomy's topics, linked to related items
  (``build_library``);
- ``pages``: the library as Markdown pages with front matter and the study aids
  (``ready_pages``, ``analysed_pages``, ``navigation``);
- ``search``: the static, sharded search index (``search_documents``, ``build_search_files``);
- ``build``: one build (``Build``: settings, rules, notices, second processes) in a
  process (``Session``), which the MkDocs hook drives.

Shared by all: ``model`` (the frozen records), ``errors`` (``SpeechError``, ``Notice``),
``escaping``, ``rulebook`` (the rule files of ``data/``, read once per build).
"""
