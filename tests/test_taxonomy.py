"""A taxonomy file an editor got wrong: one clear error naming the file, and the line."""

from __future__ import annotations

import pytest

from speechkit.errors import SpeechError
from speechkit.topics import load_taxonomy


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("topics:\n  - name: 党建\n    keywords: [党建\n", ":4: invalid YAML"),
        ("topics:\n  - name: 党建\n", "a topic needs a name and keywords"),
        ("topics:\n  - {name: 党建, keywords: [党建]}\n  - {name: 党建, keywords: [支部]}\n", "topic listed twice: 党建"),
        ("terms:\n  - {term: 三会一课}\n", "the taxonomy has no topics"),
    ],
)
def test_a_bad_taxonomy_names_the_file_and_what_is_wrong(tmp_path, text, message):
    path = tmp_path / "topics.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SpeechError) as raised:
        load_taxonomy(path)
    assert str(raised.value).startswith(str(path))
    assert message in str(raised.value)
