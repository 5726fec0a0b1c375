"""Parsing: the seed's structure exactly, and the shapes other speeches take."""

from __future__ import annotations

import pytest

from conftest import CORPUS, UNTITLED_CORPUS, parse_text
from speechkit.library import load_speech
from speechkit.structure.parsing import headline

SEED_HEADLINES = {
    "问题": [
        ("一是", "队伍年龄老化，工作积极性不高"),
        ("二是", "站位不高，主责主业意识不强"),
        ("三是", "作用发挥不充分，引领行业发展能力不强"),
        ("四是", "组织生活制度执行不严，党员管理不到位"),
    ],
    "意见": [
        ("一要", "保持对党绝对忠诚"),
        ("二要", "明确党政分工"),
        ("三要", "维护班子团结"),
        ("四要", "树立敬业精神"),
        ("五要", "保持良好精神状态"),
        ("六要", "做到公私分明"),
    ],
    "强调": [
        ("一要", "把党建工作做“实”"),
        ("二要", "把党建工作做“亮”"),
        ("三要", "把党建工作做“巧”"),
    ],
}


def test_seed_title_and_salutation(seed_speech):
    assert seed_speech.title == "在区基层党建工作推进会议上的讲话"
    assert seed_speech.title_line == 16
    assert seed_speech.salutation.text == "同志们："
    assert seed_speech.salutation.line == 17
    assert [p.line for p in seed_speech.opening] == [18, 19]
    assert seed_speech.warnings == ()


def test_seed_parts_items_and_headlines(seed_speech):
    found = {
        part.kind: [(item.label, item.headline) for item in part.items] for part in seed_speech.parts
    }
    assert found == SEED_HEADLINES
    assert [len(part.items) for part in seed_speech.parts] == [4, 6, 3]
    assert [part.title for part in seed_speech.parts] == ["存在的问题", "六点意见", "三点强调"]


def test_seed_intros_after_text_and_closing(seed_speech):
    problems, opinions, emphases = seed_speech.parts
    assert problems.intro.text.endswith("主要表现在：")
    assert opinions.intro.text == "下面，针对存在的问题，我讲六点意见："
    assert emphases.intro.text == "关于如何发挥党建的引领和融合作用，再强调三点："
    assert [p.text[:9] for p in problems.after] == ["这些问题和不足，都"]
    assert opinions.after == () and emphases.after == ()
    assert (opinions.expected_count, emphases.expected_count) == (6, 3)
    assert [p.line for p in seed_speech.closing] == [37]


def test_seed_item_text_is_the_whole_paragraph(seed_speech):
    item = seed_speech.parts[1].items[5]
    assert item.text.startswith("六要做到公私分明。公生明，廉生威。")
    assert item.text.endswith("努力做一名有威信、有凝聚力、有号召力的党员干部。")
    assert item.line == 32


def test_inline_lists_in_the_opening_are_not_parts(seed_speech):
    # The opening says "…两方面考虑：一是…。二是…。" inside one paragraph.
    assert "一是进一步强化" in seed_speech.opening[0].text
    assert seed_speech.parts[0].intro.line == 20


def test_salutation_on_the_same_line_as_the_body():
    speech = parse_text("关于学习的讲话\n同志们：今天我们开会。我讲两点意见：\n第一点，要学习。\n第二点，要实践。\n")
    assert speech.salutation.text == "同志们："
    assert speech.salutation.line == 2
    assert speech.parts[0].intro.text == "今天我们开会。我讲两点意见："
    assert speech.parts[0].intro.line == 2
    assert [item.headline for item in speech.items] == ["要学习", "要实践"]
    assert [p.text for p in speech.paragraphs[:3]] == ["关于学习的讲话", "同志们：", "今天我们开会。我讲两点意见："]


def test_first_point_family_after_an_intro():
    speech = parse_text(
        "关于学习的讲话\n同志们：\n今天我们开会。下面我讲两点意见。\n第一点，要学习。多读书。\n第二点，要实践，多调研。\n谢谢大家。\n"
    )
    assert [(i.label, i.headline) for i in speech.items] == [("第一点", "要学习"), ("第二点", "要实践，多调研")]
    assert speech.parts[0].kind == "意见"


def test_announced_count_mismatch_is_a_warning_with_file_and_line():
    speech = parse_text("标题\n同志们：\n我讲三点意见：\n一要学习。\n二要实践。\n同志们，散会。\n", "speeches/a.txt")
    assert len(speech.items) == 2
    assert speech.warnings == ("speeches/a.txt:3: the intro announces 3 points but 2 items were found",)


def test_text_without_structure_is_one_page_with_a_warning():
    speech = parse_text("为人民服务\n我们的共产党和共产党所领导的八路军，是革命的队伍。\n")
    assert speech.parts == ()
    assert [p.text[:3] for p in speech.opening] == ["我们的"]
    assert speech.warnings == ("t.txt:2: no parts or items found; the speech is shown as one page",)


NO_TITLE = (
    "no title line found and nothing else names the speech; titled by the file name: "
    "add a title line, front matter `title:` or set the document's title property"
)


def test_missing_title_falls_back_to_the_file_name_as_a_problem_saying_what_to_do():
    speech = parse_text("我们开会。\n", "speeches/会议讲话.txt")
    assert (speech.title, speech.title_source, speech.title_line) == ("会议讲话", "file name", None)
    assert [str(problem) for problem in speech.problems] == [f"speeches/会议讲话.txt:1: {NO_TITLE}"]
    assert not any("title" in warning for warning in speech.warnings)


@pytest.mark.parametrize("name", sorted(UNTITLED_CORPUS))
def test_the_corpus_texts_that_name_nothing_are_titled_by_their_file_name_as_a_problem(name):
    # Why the strict corpus site gives these two a front matter title (conftest.titled_copy).
    speech = load_speech(CORPUS / name)
    assert (speech.title, speech.title_source) == (name.removesuffix(".txt"), "file name")
    assert [problem.message for problem in speech.problems] == [NO_TITLE]


def test_the_title_line_front_matter_and_their_sources():
    speech = parse_text("关于学习的讲话\n同志们：\n今天开会。\n")
    assert (speech.title, speech.title_source, speech.title_line) == ("关于学习的讲话", "text", 1)
    speech = parse_text("---\ntitle: 另起的标题\n---\n关于学习的讲话\n同志们：\n今天开会。\n")
    assert (speech.title, speech.title_source) == ("另起的标题", "front matter")


def test_a_document_with_no_title_line_is_titled_by_its_title_property():
    speech = parse_text("同志们：\n今天开会。\n", "r.docx", format="docx", metadata=(("title", "在全区工作会议上的讲话"),))
    assert (speech.title, speech.title_source, speech.format) == ("在全区工作会议上的讲话", "metadata", "docx")
    assert speech.problems == ()
    assert speech.warnings[0] == "r.docx:1: no title line found; titled by the document's title property"


def test_the_title_line_comes_before_the_title_property():
    speech = parse_text("关于学习的讲话\n同志们：\n今天开会。\n", "r.pdf", format="pdf", metadata=(("title", "另一个标题"),))
    assert (speech.title, speech.title_source) == ("关于学习的讲话", "text")
    assert not any("title" in warning for warning in speech.warnings)


@pytest.mark.parametrize(
    "junk, reason",
    [
        ("Microsoft Word - 讲话.doc", "the name a PDF printer gives (Microsoft Word - 文件.doc), not a title"),
        ("未命名", "a placeholder name (未命名, Untitled, 文档1, Document1), not a title"),
        ("Untitled", "a placeholder name (未命名, Untitled, 文档1, Document1), not a title"),
        ("文档1", "a placeholder name (未命名, Untitled, 文档1, Document1), not a title"),
        ("Document1", "a placeholder name (未命名, Untitled, 文档1, Document1), not a title"),
        ("新建 Microsoft Word 文档 (2)", "a placeholder name (未命名, Untitled, 文档1, Document1), not a title"),
        ("区委讲话稿.docx", "a file name, not a title"),
        ("讲话定稿.WPS", "a file name, not a title"),
        ("ZF-2024-01", "letters and digits only (a code such as ZF-2024-01), not a Chinese title"),
        ("20240305", "letters and digits only (a code such as ZF-2024-01), not a Chinese title"),
        ("学" * 121, "121 characters, longer than a title can be (120)"),
    ],
)
def test_a_junk_title_property_is_passed_over_with_the_reason(junk, reason):
    speech = parse_text("同志们：\n今天开会。\n", "speeches/讲话.docx", format="docx", metadata=(("title", junk),))
    assert (speech.title, speech.title_source) == ("讲话", "file name")
    assert speech.warnings[0] == f"speeches/讲话.docx:1: the document's title property '{junk}' is not used: {reason}"
    assert [problem.message for problem in speech.problems] == [NO_TITLE]


@pytest.mark.parametrize("title", ["2024年政府工作报告", "咸阳市人民政府_ 2025年政府工作报告", "在IPD动员大会上的讲话", "新建区工作会议讲话", "学" * 120])
def test_a_real_title_property_is_not_taken_for_junk(title):
    speech = parse_text("同志们：\n今天开会。\n", "r.docx", format="docx", metadata=(("title", title),))
    assert (speech.title, speech.title_source) == (title, "metadata")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("把党建工作做“实”。过去说…", "把党建工作做“实”"),
        ("要坚持“两个维护。”不动摇。", "要坚持“两个维护。”不动摇"),
        ("没有句号的标题", "没有句号的标题"),
        ("加快构建新发展格局，着力推动高质量发展，坚持以推动高质量发展为主题，把实施扩大内需战略同深化供给侧结构性改革有机结合起来。", "加快构建新发展格局，着力推动高质量发展，坚持以推动高质量发展为主题"),
        ("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五。", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十…"),
    ],
)
def test_headline_is_the_first_sentence_cut_at_a_clause(text, expected):
    assert headline(text) == expected


def test_a_report_with_no_title_line_is_titled_after_its_meeting():
    speech = parse_text("——二〇二一年一月二十三日在北京市第十五届人民代表大会第四次会议上\n北京市市长陈吉宁\n各位代表：\n现在我作报告。\n")
    assert (speech.title, speech.title_source) == ("政府工作报告", "meeting")  # what a report to a people's congress is called
    assert speech.warnings[0] == (
        "t.txt:3: no title line found; titled 政府工作报告, what a speech at 北京市第十五届人民代表大会第四次会议 is called (meeting_titles in structure.yml)"
    )
    assert speech.problems == ()
    other = parse_text("——2021年5月6日在全市科技大会上\n同志们：\n今天开会。\n")
    assert (other.title, other.title_source) == ("全市科技大会（2021-05-06）", "meeting")


def test_the_meeting_comes_after_the_title_property_and_says_which_meeting_it_was():
    subtitle = "——2024年3月5日在全区工作会议上\n同志们：\n今天开会。\n"
    speech = parse_text(subtitle, "r.docx", format="docx", metadata=(("title", "区长讲话"),))
    assert (speech.title, speech.title_source) == ("区长讲话", "metadata")
    speech = parse_text("---\nmeeting: 全区工作会议\n---\n同志们：\n今天开会。\n")
    assert (speech.title, speech.title_source) == ("全区工作会议", "meeting")
    assert speech.warnings[0] == "t.txt:4: no title line found; titled after front matter `meeting:`"


def test_a_second_title_line_the_first_already_holds_is_not_repeated():
    speech = parse_text("2021年杭州市政府工作报告\n政府工作报告\n——2021年2月3日在杭州市第十三届人民代表大会第五次会议上\n各位代表：\n现在我作报告。\n")
    assert speech.title == "2021年杭州市政府工作报告"


def test_an_original_title_line_under_the_headline_is_not_part_of_the_title():
    speech = parse_text("2025年政府工作报告\n原标题：政府工作报告——\n2025年1月14日在北京市第十六届人民代表大会第三次会议上\n各位代表：\n现在我作报告。\n")
    assert speech.title == "2025年政府工作报告"
    assert "原标题：政府工作报告" in [p.text for p in speech.front]


def test_a_subtitle_in_brackets_and_an_office_with_its_holder_are_not_the_title():
    speech = parse_text("2025年杭州市政府工作报告\n（2025年5月22日在杭州市第十四届人民代表大会第五次会议上）\n"
                        "杭州市人民政府市长姚高员\n各位代表：\n现在我作报告。\n")
    assert speech.title == "2025年杭州市政府工作报告"
    assert (speech.date, speech.speaker) == ("2025-05-22", "姚高员")
    assert speech.meeting == "杭州市第十四届人民代表大会第五次会议"


@pytest.mark.parametrize("top", [
    "政\u00a0府\u00a0工\u00a0作\u00a0报\u00a0告\n──2021年1月12日在济南市第十七届\n人民代表大会第三次会议上\n",
    "政 府 工 作 报 告\n2021年1月21日长沙市第十五届人民代表大会第七次会议通过\n",
])
def test_word_files_letter_spaced_titles_and_their_subtitles(top):
    speech = parse_text(top + "各位代表：\n现在我作报告。\n")
    assert speech.title == "政府工作报告"
    assert speech.date.startswith("2021-01-")


def test_a_subtitle_wrapped_over_two_lines_still_names_its_meeting():
    speech = parse_text("政府工作报告\n——2025年2月9日在咸阳市第九届人民代表大会\n第五次会议上\n咸阳市市长  冷劲松\n各位代表：\n现在我作报告。\n")
    assert speech.meeting == "咸阳市第九届人民代表大会第五次会议"


def test_a_news_pages_read_aloud_button_is_not_part_of_the_title():
    speech = parse_text("杭州市2022年政府工作报告全文发布播报文章\n政府工作报告\n各位代表：\n现在我作报告。\n")
    assert speech.title == "杭州市2022年政府工作报告"  # the news page's 全文发布 is not the report's title
    assert [(d.text, d.reason) for d in speech.dropped] == [("播报文章", "网页工具栏（朗读按钮）")]


def test_a_date_and_speaker_tag_after_the_title_is_left_to_the_byline():
    speech = parse_text("2023年杭州市政府工作报告（2023年2月19日姚高员）\n各位代表：\n现在我作报告。\n")
    assert speech.title == "2023年杭州市政府工作报告"
    assert (speech.date, speech.speaker) == ("2023-02-19", "姚高员")  # the tag names who spoke
    kept = parse_text("关于《规划纲要（草案）》的说明\n各位代表：\n现在我作说明。\n")
    assert kept.title == "关于《规划纲要（草案）》的说明"


def test_a_title_tag_above_a_subtitle_and_a_bare_office_with_its_holder():
    top = "2023年武汉市政府工作报告（2023年1月5日程用文）\n——2023年1月5日在武汉市第十五届人民代表大会第二次会议上\n"
    speech = parse_text(top + "市长程用文\n各位代表：\n现在我作报告。\n")
    # The tag's 日 does not start the meeting, and 市长程用文 is a speaker line.
    assert speech.meeting == "武汉市第十五届人民代表大会第二次会议"
    assert (speech.title, speech.speaker, speech.date) == ("2023年武汉市政府工作报告", "程用文", "2023-01-05")


def test_the_meeting_that_adopted_a_report_is_its_meeting():
    speech = parse_text("政府工作报告\n2021年1月21日长沙市第十五届人民代表大会第七次会议通过\n市长　郑建新\n各位代表：\n现在我作报告。\n")
    assert (speech.meeting, speech.date, speech.speaker) == ("长沙市第十五届人民代表大会第七次会议", "2021-01-21", "郑建新")


def test_a_report_with_no_title_and_no_meeting_is_titled_by_its_opening_words():
    speech = parse_text("市长凌云作政府工作报告。\n各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n一、工作回顾\n")
    assert (speech.title, speech.title_source) == ("政府工作报告", "opening")
    assert [(d.text, d.reason) for d in speech.dropped] == [("市长凌云作政府工作报告。", "图片说明")]
    assert speech.problems == ()
    national = parse_text("各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n一、工作回顾\n")
    assert (national.title, national.title_source) == ("政府工作报告", "opening")


def test_a_dateline_on_the_first_line_is_no_title():
    speech = parse_text("2024年1月31日在自贡市第十八届人民代表大会第四次会议上\n自贡市人民政府市长 石钢\n各位代表：\n现在作报告。\n")
    assert (speech.title, speech.date, speech.speaker) == ("政府工作报告", "2024-01-31", "石钢")
    titled = parse_text("习近平在全国教育大会上的讲话\n同志们：\n今天开会。\n")
    assert titled.title == "习近平在全国教育大会上的讲话"


def test_an_office_before_the_name_is_not_part_of_the_speakers_name():
    speech = parse_text("政府工作报告\n——2024年2月27日在南宁市第十五届人民代表大会第五次会议上\n市长侯刚\n各位代表：\n现在作报告。\n")
    assert speech.speaker == "侯刚"


def test_a_section_whose_list_runs_inside_a_paragraph_after_announcing_it():
    text = ("2023年某市政府工作报告\n各位代表：\n现在我作报告。\n一、工作回顾\n（一）稳增长。全年增长5%。\n（二）促改革。改革有力。\n"
            "二、总体要求\n今后五年是关键时期。\n"
            "实现上述目标，必须切实做到“三个坚定不移”。一是坚定不移抓制造业，构筑体系。二是坚定不移抓创新，强化动能。三是坚定不移优化环境。\n"
            "三、重点工作\n（一）抓项目。项目为王。\n（二）抓民生。民生为本。\n")
    parts = parse_text(text).parts
    assert [len(p.items) for p in parts] == [2, 3, 2]
    assert [i.label for i in parts[1].items] == ["一是", "二是", "三是"]
    assert parts[1].items[0].headline == "坚定不移抓制造业，构筑体系"
    # A count that does not match a short chain announces nothing: the paragraph stays whole.
    other = parse_text(text.replace("三是坚定不移优化环境。", "")).parts
    assert len(other[1].items) == 0


def test_a_report_cut_off_after_its_review_has_one_section_and_no_closing():
    text = ("2023年某市政府工作报告\n各位代表：\n现在我作报告。\n一、2022年工作回顾\n2022年极不寻常。\n"
            "——经济大盘稳住，增长4.8%。\n——疫情防控取得重大成果。\n——城市品质持续提升。\n"
            "一年来，我们稳住大盘。\n"
            "各位代表！这些成绩来之不易，我们表示衷心的感谢！\n"
            "同时，我们也清醒地看到，发展中还存在不少困难和问题：基础不稳固，短板仍需补齐。\n")
    speech = parse_text(text)
    assert [p.title for p in speech.parts] == ["一、2022年工作回顾"]
    assert [i.label for i in speech.parts[0].items] == ["——"] * 3
    assert speech.closing == ()  # the thanks and the problems belong to the review
    ended = parse_text(text.replace("同时，我们也清醒地看到，发展中还存在不少困难和问题：基础不稳固，短板仍需补齐。\n", ""))
    assert [p.text[:5] for p in ended.closing] == ["各位代表！"]


def test_older_texts_number_sections_with_a_space_and_name_their_parts_not_a_speaker():
    text = ("在全国代表会议上的讲话\n开幕词\n同志们：\n我就下面的几个问题讲几句话。\n"
            "一 关于会议的评价\n这次会议开得很好。\n二 关于五年计划\n计划要落实。\n三 关于目前形势\n形势很好。\n")
    speech = parse_text(text)
    assert [p.title for p in speech.parts] == ["一\u3000关于会议的评价", "二\u3000关于五年计划", "三\u3000关于目前形势"]
    assert speech.speaker is None  # 开幕词 names what follows, not who spoke
    assert parse_text(text.replace("开幕词", "毛泽东")).speaker == "毛泽东"


def test_a_section_holding_several_lists_each_with_its_intro_becomes_a_part_per_list():
    text = ("关于文化工作的讲话\n同志们：\n今天讲两个问题。\n一、工作的方针\n方针如下：\n（一）加强宣传。要经常宣传。\n（二）加强教育。要持续教育。\n"
            "但是，工作中尚有不足的地方：\n（一）研究不深。缺乏调查。\n（二）形式单一。不够生动。\n"
            "今后应该怎样做？只提几点意见：\n（一）要反对轻视文化的倾向。\n（二）要培养青年。\n（三）要加强修养。\n"
            "二、宣传队工作\n（一）组织文化娱乐。\n（二）进行宣传鼓动。\n")
    parts = parse_text(text).parts
    assert [(p.title, len(p.items)) for p in parts] == [
        ("一、工作的方针", 2), ("一、工作的方针 · 存在的问题", 2), ("一、工作的方针 · 三点意见", 3), ("二、宣传队工作", 2),
    ]
    assert parts[2].intro.text == "今后应该怎样做？只提几点意见："
    # Numbering that starts again with no intro between is one list, as written.
    run_on = parse_text(text.replace("但是，工作中尚有不足的地方：\n", "")).parts
    assert len(run_on[0].items) == 4


def test_a_speech_of_big_questions_each_over_its_own_numbered_points():
    text = ("在理论工作座谈会上的讲话\n同志们：\n今天开会。下面，我讲三个问题。\n第一个问题：理论指导很重要\n理论很重要。\n"
            "第一，正本清源。\n第二，开拓创新。\n第二个问题：面临的挑战\n挑战很大。\n第一，深化理论。\n第二，促进开放。\n"
            "第三个问题：解放思想\n要解放思想。\n")
    part = parse_text(text).parts[0]
    assert [i.label for i in part.items] == ["第一个问题", "第二个问题", "第三个问题"]
    assert [[c.label for c in i.children] for i in part.items] == [["第一", "第二"], ["第一", "第二"], []]
    # One speaker's words for one list: 第一点，… 第二，… 第三个问题，… are its three points.
    mixed = parse_text("讲话\n同志们：\n我讲几点。\n第一点，要改革。\n第二，要学习。\n第三个问题，要合作。\n").parts[0]
    assert [i.label for i in mixed.items] == ["第一点", "第二", "第三个问题"]


def test_a_long_inline_list_makes_the_items_of_a_section_that_has_none():
    text = ("政府工作报告\n各位代表：\n现在我作报告。\n一、工作回顾\n（一）稳增长。全年增长5%。\n（二）促改革。改革有力。\n"
            "二、总体要求\n今年是关键一年。\n做好今年工作，一要锚定重大要求，勇担使命。二要贯彻硬道理，加快发展。三要把握总基调，稳中求进。\n"
            "三、主要任务\n（一）抓项目。项目为王。\n（二）抓民生。民生为本。\n")
    assert [i.label for i in parse_text(text).parts[1].items] == ["一要", "二要", "三要"]
    two = parse_text(text.replace("三要把握总基调，稳中求进。", "")).parts[1]
    assert two.items == ()  # two points, unannounced, may be a sentence's own pair


def test_a_colon_after_the_office_and_a_last_point_opened_by_zuihou():
    assert parse_text("政府工作报告\n——在市人民代表大会上\n市长:吴庆文\n各位代表：\n现在我作报告。\n").speaker == "吴庆文"
    points = parse_text("讲话\n同志们：\n我讲三点。\n第一，要学习。\n第二，要落实。\n最后，第三，要总结。\n").parts[0].items
    assert [(i.label, i.headline) for i in points][-1] == ("第三", "要总结")


def test_salutations_to_councillors_and_sirs_open_the_speech():
    speech = parse_text("在边区参议会的演说\n各位参议员先生，各位同志：今天参议会开幕。我们要团结。\n")
    assert speech.salutation.text == "各位参议员先生，各位同志："
    assert parse_text("讲话\n诸位代表先生：\n今天开会。\n").salutation.text == "诸位代表先生："


def test_a_last_paragraph_looking_back_on_the_speech_closes_it_without_a_cue():
    text = ("党委会的工作方法\n一、党委书记要善于当“班长”。要学会弹钢琴。\n二、要把问题摆到桌面上来。不要在背后议论。\n"
            "三、“互通情报”。要交流情况。\n我和政治局的同志觉得，要有以上这些方法，才能把党委的工作搞好。\n")
    speech = parse_text(text)
    assert [p.text[:6] for p in speech.closing] == ["我和政治局的"]
    assert [len(p.items) for p in speech.parts] == [3]  # the methods, one list
    # 16级以上 looks back on nothing: the paragraph stays in the last section.
    other = parse_text(text.replace("我和政治局的同志觉得，要有以上这些方法，才能把党委的工作搞好。", "要淘汰16级以上的管理干部，提高效率。"))
    assert other.closing == ()


def test_a_subtitle_opened_by_the_speakers_name_and_a_meeting_with_a_bracketed_abbreviation():
    speech = parse_text("小改进、大奖励\n——任正非在公司品管圈（QCC）活动成果汇报暨颁奖会上的讲话\n今天开会。我讲几句。\n")
    assert (speech.speaker, speech.meeting) == ("任正非", "公司品管圈（QCC）活动成果汇报暨颁奖会")


def test_questions_put_after_a_speech_are_a_part_of_their_own():
    text = ("在市场部会议上的讲话\n今天我讲三点意见。\n第一，要以客户为中心。客户满意是生命线。\n第二，要建设干部队伍。干部要到一线去。\n"
            "第三，要控制成本。要精打细算。\n【互动问答摘录】\n问：如何看待国际化的风险？\n答：风险是有的，但必须走出去。\n"
            "问：年轻员工怎样成长？\n答：到一线去。\n在实践中学习。\n")
    speech = parse_text(text)
    assert [p.title for p in speech.parts] == ["三点意见", "互动问答摘录"]
    questions = speech.parts[1]
    assert [(i.label, i.headline) for i in questions.items] == [("问", "如何看待国际化的风险"), ("问", "年轻员工怎样成长")]
    assert [p.text for p in questions.items[1].paragraphs] == ["问：年轻员工怎样成长？", "答：到一线去。", "在实践中学习。"]
    assert speech.closing == ()  # the answers are not the speech's closing words
    # Two questions without a heading are a speech's own rhetorical ones, not an interview.
    plain = parse_text(text.replace("【互动问答摘录】\n", ""))
    assert [p.title for p in plain.parts] == ["三点意见"]


def test_an_interview_is_its_questions():
    text = "答记者问\n" + "".join(f"记者：第{n}个问题是什么？\n回答：这是第{n}个回答。\n" for n in "一二三")
    speech = parse_text(text)
    assert [len(p.items) for p in speech.parts] == [3]
    assert speech.parts[0].items[2].headline == "第三个问题是什么"


def test_chapters_over_their_sections_are_the_parts_of_a_long_text():
    text = ("中国革命战争的战略问题\n（一九三六年十二月）\n第一章 如何研究战争\n第一节 战争规律是发展的\n研究战争的规律。\n"
            "第二节 战争的目的在于消灭战争\n战争是斗争形式。\n第二章　中国共产党和中国革命战争\n中国革命战争已经过了两个阶段。\n")
    speech = parse_text(text)
    assert [(p.title, len(p.items)) for p in speech.parts] == [("第一章\u3000如何研究战争", 2), ("第二章\u3000中国共产党和中国革命战争", 0)]
    assert [(i.label, i.headline) for i in speech.parts[0].items] == [("第一节", "战争规律是发展的"), ("第二节", "战争的目的在于消灭战争")]
    reports = parse_text("政府工作报告\n各位代表：\n第一部分 工作回顾\n（一）稳增长。有力。\n（二）惠民生。有效。\n第二部分 今年安排\n（一）抓项目。项目为王。\n（二）抓民生。民生为本。\n")
    assert [p.title for p in reports.parts] == ["第一部分\u3000工作回顾", "第二部分\u3000今年安排"]


def test_a_speech_given_in_parts_shows_each_with_its_sections_as_points():
    text = ("在全国代表会议上的讲话\n开幕词\n（一九五五年三月二十一日）\n同志们：\n这次会议的任务是讨论计划。\n我们要团结起来。\n"
            "结论\n（一九五五年三月三十一日）\n一 关于会议的评价\n这次会议开得很好。\n二 关于形势\n形势是好的。\n三 关于团结\n我们要讲团结。\n")
    speech = parse_text(text)
    assert [(p.title, len(p.items)) for p in speech.parts] == [("开幕词", 0), ("结论", 3)]
    assert [p.text for p in speech.parts[0].lead] == ["这次会议的任务是讨论计划。", "我们要团结起来。"]
    assert [(i.label, i.headline) for i in speech.parts[1].items] == [("一", "关于会议的评价"), ("二", "关于形势"), ("三", "关于团结")]
    assert speech.opening == ()
    # Without a heading naming a part of the speech, the sections are the parts.
    plain = parse_text(text.replace("结论\n（一九五五年三月三十一日）\n", "").replace("开幕词\n", ""))
    assert [p.title for p in plain.parts] == ["一\u3000关于会议的评价", "二\u3000关于形势", "三\u3000关于团结"]
    # The opening's agenda, announced and run inline, is its points.
    agenda = parse_text(text.replace("这次会议的任务是讨论计划。", "这次会议有两个议事日程：第一，关于计划；第二，关于团结。"))
    assert [(p.title, [i.label for i in p.items]) for p in agenda.parts] == [("开幕词", ["第一", "第二"]), ("结论", ["一", "二", "三"])]


def test_the_governments_own_tasks_inside_a_reports_last_point_are_a_part_of_their_own():
    text = ("政府工作报告\n各位代表：\n现在作报告。\n一、工作回顾\n（一）稳增长。增长。\n（二）促改革。有力。\n二、今年安排\n"
            "（一）聚力创新。建设高地。\n（二）聚力民生。办好实事。\n扩大优质教育资源供给。\n"
            "做好今年工作，必须全面加强政府自身建设，建设人民满意的服务型政府。\n一是坚持政治引领。坚定拥护。\n二是坚持依法行政。接受监督。\n"
            "各位代表，让我们奋斗！\n")
    speech = parse_text(text)
    tasks = speech.parts[1]
    assert [i.label for i in tasks.items] == ["（一）", "（二）"]
    assert tasks.items[-1].children == () and len(tasks.items[-1].paragraphs) == 2
    own = speech.parts[2]
    assert own.title == "全面加强政府自身建设" and [i.label for i in own.items] == ["一是", "二是"]
    assert [p.text for p in speech.closing] == ["各位代表，让我们奋斗！"]
    # Named in a point before the last, it is that point's remark: nothing is split.
    middle = parse_text(text.replace("（一）聚力创新。建设高地。\n", "（一）聚力创新。建设高地。\n要持续加强政府自身建设，提高效能。\n"))
    assert [i.label for i in middle.parts[1].items] == ["（一）", "（二）"] and len(middle.parts[1].items[0].paragraphs) == 2
    # A point whose own headline names those tasks stays a point.
    named = parse_text(text.replace("（二）聚力民生。", "（二）全面加强政府自身建设。").replace("做好今年工作，必须全面加强政府自身建设，", ""))
    assert [p.title for p in named.parts] == ["一、工作回顾", "二、今年安排"]


@pytest.mark.parametrize("heading", ["相关用语注释", "附：名词解释", "【名词解释】", "名词解释："])
def test_a_glossary_after_a_report_is_its_notes_whatever_its_heading_says(heading):
    text = ("政府工作报告\n各位代表：\n现在作报告。\n一、工作回顾\n（一）稳增长。增长。\n（二）促改革。有力。\n"
            f"各位代表，让我们奋斗！\n{heading}\n1.六保：指保居民就业、保基本民生。\n2.六稳：指稳就业、稳金融。\n")
    speech = parse_text(text)
    assert [p.text[:4] for p in speech.footnotes][-2:] == ["1.六保", "2.六稳"]
    assert [p.title for p in speech.parts] == ["一、工作回顾"]


def test_an_editors_note_in_brackets_ending_a_text_is_kept_with_the_notes():
    note = "（这是邓小平同志同中央负责同志谈话的要点，根据谈话记录整理。）"
    text = ("对地方工作的意见\n同志们：\n我讲两点。\n第一，要抓经济。经济是中心。\n第二，要抓团结。团结是力量。\n" + note + "\n")
    speech = parse_text(text)
    assert [p.text for p in speech.footnotes] == [note]
    assert speech.parts[0].items[-1].text == "第二，要抓团结。团结是力量。"
    # A date line at the end is no note.
    dated = parse_text(text.replace(note, "（一九八二年七月四日）"))
    assert dated.footnotes == ()


def test_a_list_inside_the_first_paragraph_of_a_short_speech_is_no_outline_of_it():
    text = ("愚公移山\n我们开了一个很好的大会。我们做了三件事：第一，决定了党的路线。第二，通过了新的党章。第三，选举了中央委员会。\n"
            "大会闭幕以后，很多同志将要回到工作岗位上去。\n我们宣传大会的路线。\n古代有个寓言，叫做愚公移山。\n"
            "昨天有两个美国人要回美国去。\n我们一定要坚持下去。\n")
    speech = parse_text(text)
    assert speech.parts == () and speech.closing == ()  # not most of the speech as its closing
    # After an opening of its own, the same list is the speech's points, the rest its closing.
    opened = parse_text(text.replace("愚公移山\n", "愚公移山\n" + "同志们好，今天开会。\n" * 6))
    assert [len(p.items) for p in opened.parts] == [3]


def test_an_inline_list_that_marks_fewer_points_than_it_announces_is_a_sentence():
    text = ("华为的冬天\n一、居安思危\n我们要看到危机。\n二、任职资格\n我们选拔干部的标准有四个：第一，你有没有敬业精神。第二，你有没有献身精神。"
            "第三点和第四点，就是要有责任心和使命感。\n三、不盲目创新\n机关要小。\n")
    assert parse_text(text).parts[1].items == ()
    four = text.replace("第三点和第四点，就是要有责任心和使命感。", "第三，你有没有责任心。第四，你有没有使命感。")
    assert [i.label for i in parse_text(four).parts[1].items] == ["第一", "第二", "第三", "第四"]


def test_a_last_paragraph_wishing_the_audience_well_closes_the_speech_without_a_cue():
    wish = "就要过新年了，先给大家问声新年好！请你们转达我对他们的感谢。"
    points = ("对英国代表处的讲话\n今天讲四点。\n第一，要以客户为中心。\n客户满意是生命线。\n第二，要建设队伍。\n干部要到一线去。\n"
              "第三，要控制成本。\n要精打细算。\n第四，要加强考核。\n考核要公正。\n")
    speech = parse_text(points + wish + "\n")
    assert [p.text for p in speech.closing] == [wish]
    sections = ("解放思想\n一、迎接挑战\n我们要迎接挑战。\n二、加强组织建设\n要树立远大理想。\n"
                "明年我们将进行大决战，最后，祝大家马到成功！\n")
    assert [p.text[:4] for p in parse_text(sections).closing] == ["明年我们"]
    plain = parse_text(points + "要把考核办法落实到每一个部门。\n")
    assert plain.closing == ()
    meeting = "预备会议只有十几天的时间。我们相信，这次大会是可以开好的。大家努力。"
    assert [p.text for p in parse_text(points + meeting + "\n").closing] == [meeting]


def test_a_numbered_note_the_text_refers_to_is_kept_with_the_notes_without_a_heading():
    text = "狭路相逢勇者胜\n我们要勇往直前[1]。\n历史给了我们机会。\n[1] 宜将剩勇追穷寇，不可沽名学霸王！\n"
    speech = parse_text(text)
    assert [p.text[:3] for p in speech.footnotes] == ["[1]"]
    assert [p.text[:3] for p in parse_text(text.replace("[1]。", "。")).footnotes] == []  # a marker nothing refers to


def test_an_appended_document_under_a_bracketed_heading_is_an_appendix():
    text = ("干部的责任\n一、培养接班人\n要培养超越自己的接班人。\n二、团结沟通\n团结是永恒的主题。\n"
            "【参考资料】\n《辞职书》\n尊敬的总裁：\n我请求辞去职务。\n")
    speech = parse_text(text)
    assert speech.parts[-1].kind == "附件"


def test_points_a_speaker_names_after_a_few_spoken_words_are_points():
    # Spoken numbering: the number stands after a lead-in, not at the paragraph's start.
    charges = parse_text(
        "反对党八股\n同志们：\n党八股有许多罪状，我们来数一数。\n"
        "党八股的第一条罪状是：空话连篇，言之无物。文章写得很长。\n"
        "党八股的第二条罪状是：装腔作势，借以吓人。有些人写文章。\n"
        "第三条罪状是：无的放矢，不看对象。看人说话。\n"
    ).parts[0]
    assert [i.label for i in charges.items] == ["第一条罪状是", "第二条罪状是", "第三条罪状是"]
    assert charges.items[0].headline.startswith("空话连篇")
    asked = parse_text(
        "讲话\n同志们：\n今天讲两点。\n我想讲的第一点是什么呢？就是学习。学习很重要。\n"
        "我想讲的第二点是什么呢？就是团结。团结出力量。\n"
    ).parts[0]
    assert [i.label for i in asked.items] == ["第一点是什么呢", "第二点是什么呢"]
    questions = parse_text(
        "讲话\n同志们：\n今天讲三个问题。\n我先来讲第一个问题，关于学习。学习很重要。\n"
        "下面讲第二个问题，关于团结。团结出力量。\n最后讲第三个问题，关于作风。作风要实。\n"
    ).parts[0]
    assert [i.label for i in questions.items] == ["第一个问题", "第二个问题", "第三个问题"]
    assert questions.items[1].headline.startswith("关于团结")


def test_a_number_inside_a_sentence_is_no_point():
    speech = parse_text(
        "讲话\n同志们：\n今天讲几句。\n我们的第一要务是发展，这是第一位的。\n"
        "全省的第一个试点是，去年在城东开的。\n他们的第二个试点是，今年在城西开的。\n"
    )
    assert speech.parts == ()


@pytest.mark.parametrize("heading", ["【参考资料】", "参考资料", "附：", "附：有关文件", "背景资料："])
def test_an_appendix_heading_keeps_its_own_sections_out_of_the_speech(heading):
    text = ("在全市干部大会上的讲话\n同志们：\n今天我讲两点意见。\n一、提高认识\n认识很重要。\n二、狠抓落实\n落实很重要。\n"
            f"同志们，让我们共同努力！\n{heading}\n一、有关文件\n文件很多。\n二、有关讲话\n讲话也很多。\n")
    speech = parse_text(text)
    assert [p.heading for p in speech.parts] == ["提高认识", "狠抓落实", heading]
    assert [p.text for p in speech.closing] == ["同志们，让我们共同努力！"]


def test_points_numbered_with_a_bare_digit_and_a_space_nest_under_their_section():
    text = ("报告\n各位代表：\n现在我作报告。\n一、坚持党的领导\n（一）加强政治建设\n政治建设是根本。\n"
            "1 党的政治建设是根本性建设。\n2 坚持民主集中制。\n3 万元以上的支出要集体研究。\n（二）加强思想建设\n思想是基础。\n")
    [section] = parse_text(text).parts
    assert [[c.label for c in item.children] for item in section.items] == [["1", "2"], []]
    assert section.items[0].paragraphs[-1].text == "3 万元以上的支出要集体研究。"  # no third point


@pytest.mark.parametrize("addressed", ["同学们，", "老师们、同学们！", "各位委员：", "亲爱的同学们，"])
def test_the_audience_addressed_again_after_the_last_point_closes_the_speech(addressed):
    text = ("在开学典礼上的讲话\n亲爱的同学们：\n今天我提三点希望。\n第一，要志存高远。理想是灯。\n第二，要勤学苦练。学习是桥。\n"
            f"第三，要砥砺品行。品行是根。\n{addressed}青春正当时，未来属于你们。\n")
    speech = parse_text(text)
    assert [i.label for i in speech.parts[0].items] == ["第一", "第二", "第三"]
    assert [p.text for p in speech.closing] == [f"{addressed}青春正当时，未来属于你们。"]


def test_a_list_lettered_with_the_heavenly_stems_is_a_list():
    text = ("党与政权\n一　党团的运用\n为了统一步调，应组织党团。党团的任务是：\n第一，受领党的指示。\n第二，团结非党干部。\n"
            "为着实现上述任务，必须注意下列问题：\n甲、要民主。重要问题都要讨论。\n乙、要能团结人。每个党员都要接近非党员。\n丙、要坚持政治立场。\n"
            "二　支部的工作\n支部要做好工作。\n")
    part = parse_text(text).parts[0]
    assert [i.label for i in part.items] == ["第一", "第二", "甲、", "乙、", "丙、"]
    # Without sections, each list with its intro is a part, as 主要表现在： and 我讲三点意见： are.
    speech = parse_text("讲话\n" + text.split("\n", 2)[2].split("二　")[0])
    assert [[i.label for i in p.items] for p in speech.parts] == [["第一", "第二"], ["甲、", "乙、", "丙、"]]


def test_a_title_cut_inside_a_phrase_is_joined_without_a_space_and_two_phrases_keep_theirs():
    cut = parse_text("关于洛阳市2023年财政决算和2024年\n1—6月份财政预算执行情况的报告\n主任、各位副主任、秘书长、各位委员：\n我受市人民政府委托作报告。\n")
    assert cut.title == "关于洛阳市2023年财政决算和2024年1—6月份财政预算执行情况的报告"
    assert cut.salutation.text == "主任、各位副主任、秘书长、各位委员："
    phrases = parse_text("高举中国特色社会主义伟大旗帜\n为全面建设社会主义现代化国家而团结奋斗\n同志们：\n现在，我代表第十九届中央委员会向大会作报告。\n")
    assert phrases.title == "高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗"


def test_a_run_of_points_goes_on_in_a_later_paragraph_and_is_no_section():
    text = ("报告\n一、工作回顾\n（一）甲。\n（二）乙。\n二、工作安排\n一是兜牢底线。二是防范风险。三是过紧日子。\n"
            "四是深化改革。\n坚持积极的财政政策，持续壮大财力。五是严肃财经纪律。加强财会监督。\n")
    speech = parse_text(text)
    assert [p.heading for p in speech.parts] == ["工作回顾", "工作安排"]
    assert [i.label for i in speech.parts[1].items] == ["一是", "二是", "三是", "四是", "五是"]


@pytest.mark.parametrize("name", ["speeches/总结.md", "speeches/总结.txt"])
def test_a_markdown_files_headings_are_its_sections_and_deeper_ones_stay_inside(name):
    text = ("# 2022年度工作总结\n\n今年我主要负责运维工作。\n\n#### 系统升级\n\n##### 构建工具\n\n搭建了工具。\n\n"
            "#### 报表改造\n\n完成了改造。\n\n#### 日常运维\n\n保证稳定。\n\n### 不足及展望\n\n还要努力。\n")
    speech = parse_text(text, name)
    assert speech.title == "2022年度工作总结"
    assert [p.heading for p in speech.parts] == ["系统升级", "报表改造", "日常运维", "不足及展望"]
    assert [p.text for p in speech.parts[0].lead] == ["构建工具", "搭建了工具。"]


def test_a_paragraph_looking_back_on_the_points_with_more_after_it_begins_the_closing():
    text = ("开学典礼发言稿\n各位同学：\n大家好！在此我想对大家提出几点建议：\n1． 要主动学习。\n2． 要敢于质疑。\n3． 要规划职业。\n"
            "以上是我对大家提的3点建议，希望你们认真思考。\n同学们，让我们携起手来！\n谢谢大家！\n")
    speech = parse_text(text)
    assert [p.text for p in speech.closing] == ["以上是我对大家提的3点建议，希望你们认真思考。", "同学们，让我们携起手来！", "谢谢大家！"]
    # The same words with nothing after them sum the list up.
    alone = parse_text(text.split("同学们，")[0])
    assert alone.parts[0].after[-1].text == "以上是我对大家提的3点建议，希望你们认真思考。"


def test_a_report_divided_only_by_the_audience_addressed_again_is_in_passages():
    text = ("1975年政府工作报告\n各位代表！\n根据中共中央的决定，我代表国务院作政府工作报告。\n从三届人大以来，头等大事是文化大革命。\n"
            "我们超额完成了五年计划。\n各位代表！\n我们党的第十次全国代表大会阐明了基本路线。\n首要任务是继续学习。\n各位代表！\n"
            "当前国际形势的特点，仍然是天下大乱。\n我们要继续执行外交路线。\n"
            "在党中央领导下，我国人民奋发图强，团结起来，争取更大的胜利！（新华社一九七五年一月二十日讯）\n")
    speech = parse_text(text)
    assert [p.text for p in speech.opening] == ["根据中共中央的决定，我代表国务院作政府工作报告。"]
    assert [p.title for p in speech.parts] == ["从三届人大以来，头等大事是文化大革命", "我们党的第十次全国代表大会阐明了基本路线", "当前国际形势的特点，仍然是天下大乱"]
    assert [p.text[:6] for p in speech.closing] == ["在党中央领导"]
    # One 各位代表！ in the middle divides nothing.
    once = parse_text(text.replace("各位代表！\n当前", "当前"))
    assert once.parts == ()


def test_dashes_and_full_width_figures_an_encoder_or_font_gives_read_as_the_text_means():
    from speechkit.sources import clean, decode_source
    from speechkit.structure import parse

    text = "华为大学要成为将军的摇篮\n――任正非在华为大学座谈会上的讲话\n⸺２０２５年１月10日\n同志们：\n开会。\n谨祝大会完满成功！\n"
    speech = parse(clean(decode_source(text.encode(), "t.txt")))
    assert (speech.title, speech.speaker, speech.date) == ("华为大学要成为将军的摇篮", "任正非", "2025-01-10")
    assert [p.text for p in speech.closing] == ["谨祝大会完满成功！"]  # no points, and still a closing


def test_an_inline_list_whose_count_the_sentence_before_names_is_the_speechs_points():
    text = ("华为大学要成为将军的摇篮\n产品会变得越来越不值钱。\n华为怎么把鸡肋做成美餐？有三个要点，第一，奋斗精神不能丢。"
            "第二，管理必须优良。第三，要实现低成本。\n以后切一块独立出去。\n我们要北伐了。\n")
    [part] = parse_text(text).parts
    assert [i.label for i in part.items] == ["第一", "第二", "第三"]


@pytest.mark.parametrize("line", ["2025.02.17", "2025-02-17", "（2025.2.17）"])
def test_a_date_written_with_figures_and_dots_or_dashes_is_the_speechs_date_not_its_title(line):
    speech = parse_text(f"开学典礼讲话\n{line}\n老师们、同学们：\n今天开学。\n")
    assert (speech.title, speech.date) == ("开学典礼讲话", "2025-02-17")
    years = parse_text("规划纲要的说明\n2021-2025年\n同志们：\n开会。\n")
    assert years.date != "2021-20-25"  # a span of years is no date


def test_a_byline_whose_name_is_spaced_out_names_the_speaker_and_is_no_title_line():
    speech = parse_text("2024学年第二学期开学典礼讲话\n绍兴一中党委副书记、校长 蒋 明\n2025.02.17\n老师们、同学们：\n今天开学。\n")
    assert (speech.title, speech.speaker, speech.date) == ("2024学年第二学期开学典礼讲话", "蒋明", "2025-02-17")


def test_the_date_of_the_occasion_wins_over_a_web_copys_publication_date():
    text = ("关于修改宪法的报告\n2006-02-23\n——1975年1月13日在第四届全国人民代表大会第一次会议上\n"
            "各位代表：\n我受委托作报告。\n")
    assert parse_text(text).date == "1975-01-13"
    later = "关于修改宪法的报告\n——1975年1月13日在第四届全国人民代表大会第一次会议上\n2006年2月23日\n各位代表：\n报告。\n"
    assert parse_text(later).date == "1975-01-13"


def test_a_front_run_into_one_line_is_cut_back_into_its_lines():
    text = ("— 1 — 关于2024年预算执行情况的报告 ——2025年1月8日在市第十七届人民代表大会第四次会议上 "
            "市财政局局长 王大明 各位代表： 受市人民政府委托，现将预算执行情况提请大会审议。\n"
            "一、2024年预算执行情况\n（一）一般公共预算。收入完成100亿元。\n（二）基金预算。收入完成50亿元。\n")
    speech = parse_text(text)
    assert (speech.title, speech.date, speech.speaker) == ("关于2024年预算执行情况的报告", "2025-01-08", "王大明")
    assert speech.salutation.text == "各位代表："
    assert [p.text for p in speech.opening] == ["受市人民政府委托，现将预算执行情况提请大会审议。"]
    assert [d.reason for d in speech.dropped] == ["页码"]


def test_a_line_that_only_mentions_an_audience_after_a_space_is_not_cut():
    speech = parse_text("讲话\n同志们：\n今天我们 同志们：要团结。\n一要学习。\n")
    assert [p.text for p in speech.opening][0] == "今天我们 同志们：要团结。"


def test_questions_numbered_q1_q2_are_the_questions_however_they_are_punctuated():
    text = ("在干部大会上的讲话\n今天讲一讲干部。\n我们要选好干部。\n【互动问答摘录】\nQ1：如何看待客户需求？\n任总：要到一线去。\n"
            "Q2、研发团队要不要精兵？\n任总：要精兵。\n")
    questions = parse_text(text).parts[-1]
    assert [i.headline for i in questions.items] == ["如何看待客户需求", "研发团队要不要精兵"]


def test_numbered_sections_with_no_points_under_any_are_the_speechs_points():
    text = ("党委会的工作方法\n（一九四九年三月十三日）\n一、党委书记要善于当“班长”。党委要完成任务，必须依靠全体党委成员。\n"
            "二、要把问题摆到桌面上来。不但“班长”要这样做，委员也要这样做。\n三、“互通情报”。就是说，党委各委员之间要把彼此知道的情况互相通知。\n")
    [part] = parse_text(text).parts
    assert [(i.label, i.headline) for i in part.items] == [("一、", "党委书记要善于当“班长”"), ("二、", "要把问题摆到桌面上来"), ("三、", "“互通情报”")]
    # sections that hold points stay sections
    report = parse_text("报告\n各位代表：\n一、回顾\n（一）抓经济。增长。\n（二）抓民生。改善。\n二、安排\n今年要继续努力。\n")
    assert [p.heading for p in report.parts] == ["回顾", "安排"]


def test_slogans_ending_a_speech_of_no_points_are_its_closing():
    text = ("中国人民站起来了\n诸位代表先生们，会议现在开幕了。\n我们的会议是一个全国人民大团结的会议。\n"
            "人民英雄们永垂不朽！\n庆贺中华人民共和国的成立！\n庆贺中国人民政治协商会议的成功！\n")
    speech = parse_text(text)
    assert [p.text[:4] for p in speech.closing] == ["人民英雄", "庆贺中华", "庆贺中国"]
    one = parse_text(text.replace("庆贺中华人民共和国的成立！\n庆贺中国人民政治协商会议的成功！\n", ""))
    assert one.closing == ()  # one exclaimed line is a sentence of the speech


def test_notes_whose_heading_has_the_first_note_run_in_are_the_notes():
    text = ("中国人民站起来了\n会议现在开幕了。\n我们的会议是一个大团结的会议[1]。\n庆贺中华人民共和国的成立！\n庆贺会议的成功！\n"
            "注释[1]参看本书第四卷。\n")
    speech = parse_text(text)
    assert [p.text for p in speech.footnotes] == ["注释[1]参看本书第四卷。"]
    assert [p.text[:4] for p in speech.closing] == ["庆贺中华", "庆贺会议"]


def test_a_part_of_two_points_is_named_with_liang():
    text = "讲话\n同志们：\n今天讲一讲。\n第一点，要学习。\n第二点，要实践。\n"
    assert [p.title for p in parse_text(text).parts] == ["两个要点"]


@pytest.mark.parametrize("note", [
    "（这是邓小平同志在中央党、政、军机关副部长以上干部会上的报告。）",
    "*这是毛泽东同志在中国共产党第七届中央委员会第二次全体会议上所作的结论的一部分。",
])
def test_an_editors_note_names_the_speaker_and_meeting_of_a_text_with_no_byline(note):
    speech = parse_text(f"高级干部要带头发扬党的优良传统\n（一九七九年十一月二日）\n{note}\n今天我想讲几个问题。\n我们要团结。\n")
    assert speech.speaker in ("邓小平", "毛泽东") and speech.meeting.endswith(("干部会", "全体会议"))
    at_end = parse_text(f"高级干部要带头发扬党的优良传统\n今天我想讲几个问题。\n我们要团结。\n{note}\n")
    assert at_end.speaker == speech.speaker
    plain = parse_text("讲话\n这是大家的共同心愿在实现。\n我们要团结。\n")
    assert plain.speaker is None  # 这是 opening a sentence names nobody
