"""A taxonomy file an editor got wrong: one clear error naming the file, and the line.

The taxonomy is operator input: every mistake stops the build with a message that says
where it is (file:line) and what is wrong, and a file saved as GBK or with a BOM is read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from speechkit.errors import SpeechError
from speechkit.library import load_taxonomy, topics_of

DEFAULT = Path(__file__).resolve().parent.parent / "hooks" / "speechkit" / "data" / "topics.yml"

# (YAML text, line, exact message after "path:line: ").
EXACT = {
    "keywords-a-string": (
        "topics:\n  - name: 基层组织\n    keywords: 流动党员\n",
        3, "topic '基层组织' keywords must be a list of words of at least two characters, not '流动党员'",
    ),
    "keywords-empty-list": (
        "topics:\n  - name: 基层组织\n    keywords: []\n",
        3, "topic '基层组织' keywords must be a list of words of at least two characters, not an empty list",
    ),
    "keyword-empty": (
        'topics:\n  - name: 基层组织\n    keywords: [""]\n',
        3, "topic '基层组织' keywords must be words of at least two characters, not ''",
    ),
    "keyword-one-character": (
        "topics:\n  - name: 基层组织\n    keywords:\n      - 网格\n      - 党\n",
        5, "topic '基层组织' keywords must be words of at least two characters, not '党'",
    ),
    "keyword-blank": (
        'topics:\n  - name: 基层组织\n    keywords: [网格, "  "]\n',
        3, "topic '基层组织' keywords must be words of at least two characters, not '  '",
    ),
    "keyword-a-number": (
        "topics:\n  - name: 基层组织\n    keywords:\n      - 网格\n      - 110\n",
        5, "topic '基层组织' keywords must be words of at least two characters, not 110 "
        "(write it in quotes to mean the text)",
    ),
    "keyword-a-list": (
        "topics:\n  - name: 基层组织\n    keywords:\n      - [网格, 支部]\n",
        4, "topic '基层组织' keywords must be words of at least two characters, not a list",
    ),
    "keyword-twice": (
        "topics:\n  - name: 基层组织\n    keywords:\n      - 流动党员\n      - 网格\n      - 流动党员\n",
        6, "topic '基层组织' lists keyword '流动党员' twice (first on line 4)",
    ),
    "topic-twice": (
        "topics:\n  - {name: 党建, keywords: [党建]}\n  - {name: 基层组织, keywords: [网格]}\n"
        "  - {name: 党建, keywords: [支部]}\n",
        4, "topic '党建' is listed twice (first on line 2)",
    ),
    "topic-twice-but-for-spaces": (
        "topics:\n  - {name: 党 建, keywords: [党建]}\n  - {name: '党  建 ', keywords: [支部]}\n",
        3, "topic '党 建' is listed twice (first on line 2)",
    ),
    "same-page": (
        "topics:\n  - {name: A B, keywords: [党建]}\n  - {name: a-b, keywords: [支部]}\n",
        3, "topic 'a-b' would have the same page as topic 'A B' (line 2): rename one",
    ),
    "same-page-but-for-case": (
        "topics:\n  - {name: ABC, keywords: [党建]}\n  - {name: abc, keywords: [支部]}\n",
        3, "topic 'abc' would have the same page as topic 'ABC' (line 2): rename one",
    ),
    "group-of-an-unknown-topic": (
        "topics:\n  - {name: 党建, keywords: [党建]}\ngroups:\n  - name: 党的建设\n    topics: [党建, 支部]\n",
        5, "group '党的建设' lists '支部', which is not a topic",
    ),
    "topic-in-two-groups": (
        "topics:\n  - {name: 党建, keywords: [党建]}\ngroups:\n  - {name: 甲, topics: [党建]}\n  - {name: 乙, topics: [党建]}\n",
        5, "topic '党建' is in group '甲' and in group '乙'",
    ),
    "group-without-topics": (
        "topics:\n  - {name: 党建, keywords: [党建]}\ngroups:\n  - {name: 甲}\n",
        4, "group '甲' topics must be a list of topic names",
    ),
    "term-twice": (
        "topics:\n  - {name: 党建, keywords: [党建]}\nterms:\n  - term: 三会一课\n    explanation: 甲\n"
        "  - term: 三会一课\n    explanation: 乙\n",
        6, "term '三会一课' is listed twice (first on line 4)",
    ),
    "topic-unknown-key": (
        "topics:\n  - name: 基层组织\n    keyword: [网格]\n",
        3, "topic '基层组织' has an unknown key 'keyword' (a topic has name, description and keywords)",
    ),
    "topic-key-twice": (
        "topics:\n  - name: 基层组织\n    keywords: [网格]\n    keywords: [支部]\n",
        4, "topic '基层组织' has 'keywords' twice",
    ),
    "term-unknown-key": (
        "topics:\n  - {name: 党建, keywords: [党建]}\nterms:\n  - term: 三会一课\n    explain: 组织生活制度\n",
        5, "term '三会一课' has an unknown key 'explain' (a term has term and explanation)",
    ),
    "top-level-a-list": (
        "- name: 党建\n  keywords: [党建]\n",
        1, "the taxonomy must be a mapping with 'topics' and 'terms', not a list",
    ),
    "top-level-text": (
        "党建\n",
        1, "the taxonomy must be a mapping with 'topics' and 'terms', not '党建'",
    ),
    "empty-file": (
        "# 只有注释\n",
        1, "the taxonomy is empty: it needs a 'topics' list",
    ),
    "no-topics": (
        "terms:\n  - {term: 三会一课}\n",
        1, "the taxonomy has no 'topics' list",
    ),
    "topics-empty": (
        "terms: []\ntopics: []\n",
        2, "the 'topics' list is empty",
    ),
    "topics-not-a-list": (
        "topics: 党建\n",
        1, "'topics' must be a list of topics, not '党建'",
    ),
    "top-level-unknown-key": (
        "topics:\n  - {name: 党建, keywords: [党建]}\nterm:\n  - {term: 三会一课}\n",
        3, "unknown key 'term' (the taxonomy has topics, terms and groups)",
    ),
    "top-level-key-twice": (
        "topics:\n  - {name: 党建, keywords: [党建]}\ntopics:\n  - {name: 支部, keywords: [支部]}\n",
        3, "the taxonomy has 'topics' twice",
    ),
    "terms-not-a-list": (
        "topics:\n  - {name: 党建, keywords: [党建]}\nterms: {三会一课: 组织生活制度}\n",
        3, "'terms' must be a list of terms, not a mapping",
    ),
    "topic-not-a-mapping": (
        "topics:\n  - {name: 党建, keywords: [党建]}\n  - 基层组织\n",
        3, "topic 2 must be a mapping with name, description and keywords, not '基层组织'",
    ),
    "topic-without-name": (
        "topics:\n  - keywords: [网格]\n",
        2, "topic 1 needs a name",
    ),
    "topic-blank-name": (
        "topics:\n  - name: ' '\n    keywords: [网格]\n",
        2, "topic 1 needs a name",
    ),
    "topic-name-a-number": (
        "topics:\n  - name: 2024\n    keywords: [网格]\n",
        2, "topic 1 name must be text, not 2024 (write it in quotes to mean the text)",
    ),
    "topic-without-keywords": (
        "topics:\n  - name: 党建\n",
        2, "topic '党建' needs keywords",
    ),
    "description-not-text": (
        "topics:\n  - name: 党建\n    description: [甲, 乙]\n    keywords: [党建]\n",
        3, "topic '党建' description must be text, not a list",
    ),
    "term-not-a-mapping": (
        "topics:\n  - {name: 党建, keywords: [党建]}\nterms:\n  - 三会一课\n",
        4, "term 1 must be a mapping with term and explanation, not '三会一课'",
    ),
    "term-without-term": (
        "topics:\n  - {name: 党建, keywords: [党建]}\nterms:\n  - explanation: 组织生活制度\n",
        4, "term 1 needs a term",
    ),
    "term-one-character": (
        "topics:\n  - {name: 党建, keywords: [党建]}\nterms:\n  - {term: 党, explanation: 政党}\n",
        4, "term '党' must be a word of at least two characters",
    ),
    "explanation-not-text": (
        "topics:\n  - {name: 党建, keywords: [党建]}\nterms:\n  - term: 三会一课\n    explanation:\n      - 甲\n",
        6, "term '三会一课' explanation must be text, not a list",
    ),
}


def write(tmp_path: Path, text: str | bytes) -> Path:
    """A topics.yml holding ``text`` (UTF-8) or these bytes."""
    path = tmp_path / "topics.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def error_of(path: Path) -> SpeechError:
    """The error loading ``path`` raises."""
    with pytest.raises(SpeechError) as raised:
        load_taxonomy(path)
    return raised.value


@pytest.mark.parametrize("case", EXACT)
def test_a_bad_taxonomy_names_the_file_the_line_and_what_is_wrong(tmp_path, case):
    text, line, message = EXACT[case]
    path = write(tmp_path, text)
    error = error_of(path)
    assert str(error) == f"{path}:{line}: {message}"
    assert (error.path, error.line, error.reason) == (str(path), line, message)


def test_invalid_yaml_names_the_line(tmp_path):
    path = write(tmp_path, "topics:\n  - name: 党建\n    keywords: [党建\n")
    assert str(error_of(path)).startswith(f"{path}:4: invalid YAML: ")


def test_a_control_character_names_the_line(tmp_path):
    path = write(tmp_path, "topics:\n  - name: 党\x01建\n    keywords: [党建]\n")
    assert str(error_of(path)).startswith(f"{path}:2: invalid YAML: ")


def test_a_missing_file_is_a_speech_error(tmp_path):
    path = tmp_path / "nowhere.yml"
    error = error_of(path)
    assert error.line is None
    assert str(error).startswith(f"{path}: cannot read the taxonomy: ")


GOOD = "# 主题\ntopics:\n  - name: 基层组织\n    description: 党支部建设。\n    keywords: [流动党员, 网格党支部]\nterms:\n  - term: 流动党员\n    explanation: 离开组织关系所在地的党员。\n"


@pytest.mark.parametrize(
    "encoded",
    [GOOD.encode("gbk"), GOOD.encode("gb18030"), b"\xef\xbb\xbf" + GOOD.encode("utf-8"), GOOD.replace("\n", "\r\n").encode("gbk")],
    ids=["gbk", "gb18030", "utf-8-bom", "gbk-crlf"],
)
def test_a_taxonomy_saved_as_gbk_or_with_a_bom_is_read(tmp_path, encoded):
    taxonomy = load_taxonomy(write(tmp_path, encoded))
    [topic] = taxonomy.topics
    assert (topic.name, topic.description, topic.keywords) == ("基层组织", "党支部建设。", ("流动党员", "网格党支部"))
    assert [(t.term, t.explanation) for t in taxonomy.terms] == [("流动党员", "离开组织关系所在地的党员。")]


def test_bytes_neither_utf8_nor_gbk_name_the_line(tmp_path):
    path = write(tmp_path, "topics:\n  - name: 基层组织\n".encode("utf-8") + b"    keywords: [\xff\xfe]\n")
    assert str(error_of(path)) == f"{path}:3: cannot decode byte 0xFF: the file is neither UTF-8 nor GBK/GB18030 text"


def test_a_string_of_keywords_is_not_split_into_characters(tmp_path):
    # Before the check, "流动党员" became the keywords 流, 动, 党, 员 and tagged every item with 党.
    path = write(tmp_path, "topics:\n  - name: 基层组织\n    keywords: 流动党员\n")
    error_of(path)


def test_names_are_kept_as_written_with_spaces_collapsed(tmp_path):
    text = "topics:\n  - name: '<img src=x onerror=alert(1)>  {{ config }}'\n    description: '<script>alert(2)</script>'\n    keywords: ['<b>', 网格]\n"
    taxonomy = load_taxonomy(write(tmp_path, text))
    [topic] = taxonomy.topics
    assert topic.name == "<img src=x onerror=alert(1)> {{ config }}"
    assert topic.description == "<script>alert(2)</script>"
    assert topic.keywords == ("<b>", "网格")


def test_optional_parts_may_be_left_empty(tmp_path):
    text = "topics:\n  - name: 基层组织\n    description:\n    keywords: [网格]\nterms:\n"
    taxonomy = load_taxonomy(write(tmp_path, text))
    assert taxonomy.topics[0].description == ""
    assert taxonomy.terms == ()


def test_the_default_taxonomy_loads_and_tags_by_keyword():
    taxonomy = load_taxonomy(DEFAULT)
    assert len(taxonomy.topics) == 57 and len(taxonomy.terms) == 44
    assert taxonomy.topics[0].name == "组织生活"
    assert taxonomy.topics[0].keywords[:2] == ("三会一课", "组织生活")
    # 流动党员管理 is one hit of 党员管理, not two (流动党员, then 党员管理 inside it): a tie
    # with 组织生活's one, broken by the taxonomy's order.
    assert topics_of("加强流动党员管理，落实三会一课制度", taxonomy) == ("组织生活", "党员管理")
    assert topics_of("加强流动党员管理，加强流动党员管理，落实三会一课制度", taxonomy) == ("党员管理", "组织生活")


@pytest.mark.parametrize(("name", "folder"), [("组织生活", "组织生活"), ("A B", "a-b"), ("危险<img src=x>", "危险-img-src-x"), ("<>", "topic")])
def test_a_topic_page_is_named_by_its_words(name, folder):
    from speechkit.library.urls import topic_page

    assert topic_page(name) == f"主题/{folder}/index.md"


def test_the_default_taxonomy_groups_every_topic_once():
    taxonomy = load_taxonomy(DEFAULT)
    grouped = [name for group in taxonomy.groups for name in group.topics]
    assert sorted(grouped) == sorted(topic.name for topic in taxonomy.topics)
    assert all(topic.description.strip() for topic in taxonomy.topics)
