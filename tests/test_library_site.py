"""The real library of city work reports (text, Word, legacy Word, PDF) as one site, built strict."""

from __future__ import annotations

import shutil

import pytest

from speechkit.library import build_library, load_speech, load_taxonomy

from conftest import REPO, library_files
from sitebuild import build, page_url, write_config

TAXONOMY = load_taxonomy(REPO / "hooks" / "speechkit" / "data" / "topics.yml")


@pytest.fixture(scope="module")
def library_site(tmp_path_factory):
    """Every file of library/ copied byte for byte into a speeches folder, built strict once."""
    folder = tmp_path_factory.mktemp("library")
    speeches = folder / "speeches"
    speeches.mkdir()
    for path in library_files():
        shutil.copyfile(path, speeches / path.name)
    result = build(write_config(folder, speeches), folder / "site")
    return result, folder / "site", sorted(speeches.iterdir())


def test_the_whole_library_builds_strict_without_a_warning(library_site):
    result, _, _ = library_site
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr


def test_every_report_of_every_format_is_a_speech_with_its_pages(library_site):
    _, site, paths = library_site
    speeches = [load_speech(path) for path in paths]
    assert {speech.format for speech in speeches} == {"text", "docx", "doc", "pdf"}
    assert all(speech.parts and speech.title_source != "file name" for speech in speeches)
    library = build_library(speeches, TAXONOMY, related=False)
    for placed in library.speeches:
        assert (site / page_url(placed.slug + "/index.md") / "index.html").is_file(), placed.slug
    for item in library.items:
        assert (site / page_url(item.page) / "index.html").is_file(), item.page
