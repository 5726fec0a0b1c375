"""Random reports and speeches mixing every marker family, chrome and markdown leftovers:
parsing never crashes, keeps every line whole (checked line by line, in order), and
every item's text is a kept paragraph's."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speechkit.sources import Source, clean
from speechkit.structure import parse

from test_nothing_lost import lost_or_invented

MARKERS = ["{n}、", "（{n}）", "({n})", "{n}是", "{n}要", "第{n}点，", "第{n}，", "第{n}个问题，", "{d}.", "（{d}）", "——", "最后，", "首先，"]
NOISE = ["下载", "【字号：", "大", "】", "来源：", "某某日报", "责任编辑：", "abcd39f1fb7f426d9dfb6bd0fa1f2146:",
         "相关链接>>", "打印本页", "<table>", "<td><img src=x></td>", "------", "注　　释", "〔1〕注文。", "原标题：某文"]
LEADS = ["# ", "## ", "> ", "**", "", "　　"]
WORDS = st.text(alphabet="党建工作的要求同志们问题意见发展。，；：！“”⑴", min_size=0, max_size=25)
NUMBERS = st.sampled_from(["一", "二", "三", "四", "十", "十一"])
line = st.one_of(
    st.builds(lambda m, n, d, w: m.format(n=n, d=d) + w, st.sampled_from(MARKERS), NUMBERS, st.sampled_from(["1", "2", "3"]), WORDS),
    st.builds(lambda lead, w: lead + w, st.sampled_from(LEADS), WORDS),
    st.sampled_from(NOISE),
    st.builds(lambda a, b: a + "　　" + b, WORDS, WORDS),
    st.just("同志们！"),
    st.just("各位代表："),
)
text = st.builds(lambda lines: "\n".join(lines), st.lists(line, max_size=40))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text)
def test_any_mix_parses_and_keeps_every_line(source_text):
    speech = parse(clean(Source("r.txt", source_text, "utf-8")))
    assert lost_or_invented(source_text, speech) == []
    kept = {p.text for p in speech.paragraphs}
    for item in speech.items:
        assert all(p.text in kept for p in item.paragraphs)
        for child in item.children:
            assert all(any(p.text in k for k in kept) for p in child.paragraphs)
