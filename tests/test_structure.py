"""Parsing the shapes real texts take, each with a literal Chinese text."""

from __future__ import annotations

from conftest import REPO, parse_text
from speechkit.library import build_library, load_taxonomy

REPORT = """政府工作报告
——2024年3月5日在第十四届全国人民代表大会第二次会议上
国务院总理　李强
各位代表：
现在，我代表国务院，向大会报告政府工作。
一、过去一年工作回顾
过去一年，主要做了以下工作。
一是加大宏观调控力度，推动经济运行持续好转。我们统筹稳增长。
二是依靠创新引领产业升级。强化国家战略科技力量。
各位代表！
成绩来之不易。
二、今年政府工作任务
（一）大力推进现代化产业体系建设。一要推动产业链升级。二要培育新兴产业。
（二）坚持不懈用
新时代思想凝心铸魂。用党的创新理论武装全党。
（三）扩大国内需求。
促进消费稳定增长。积极扩大有效投资。
各位代表！让我们更加紧密地团结起来。
"""


def test_a_report_nests_sections_over_subsections_over_points():
    speech = parse_text(REPORT)
    assert (speech.title, speech.date, speech.speaker) == ("政府工作报告", "2024-03-05", "李强")
    assert speech.meeting == "第十四届全国人民代表大会第二次会议"
    assert [(p.label, p.heading) for p in speech.parts] == [("一、", "过去一年工作回顾"), ("二、", "今年政府工作任务")]
    first, second = speech.parts
    assert [(i.label, i.headline) for i in first.items] == [
        ("一是", "加大宏观调控力度，推动经济运行持续好转"), ("二是", "依靠创新引领产业升级")
    ]
    assert [p.text for p in first.after] == ["各位代表！", "成绩来之不易。"]
    assert [i.headline for i in second.items] == ["大力推进现代化产业体系建设", "坚持不懈用新时代思想凝心铸魂", "扩大国内需求"]
    assert [(c.label, c.headline) for c in second.items[0].children] == [("一要", "推动产业链升级"), ("二要", "培育新兴产业")]
    assert [p.line for p in speech.closing] == [18]


def test_a_speech_counts_points_with_first_second_and_finally():
    speech = parse_text(
        "在会议上的讲话\n（一九七八年四月二十二日）\n邓小平\n同志们：\n我讲几点意见。\n第一点，提高质量。\n要学习。\n"
        "第二，加强纪律。\n第三个问题，关于计划。\n最后，讲讲教师。\n要尊重教师。\n同志们！我希望大家努力。\n"
    )
    assert (speech.date, speech.speaker) == ("1978-04-22", "邓小平")
    assert [(i.label, i.headline) for i in speech.items] == [
        ("第一点", "提高质量"), ("第二", "加强纪律"), ("第三个问题", "关于计划"), ("最后", "讲讲教师")
    ]
    assert [len(i.paragraphs) for i in speech.items] == [2, 1, 1, 2]
    assert [p.text for p in speech.closing] == ["同志们！我希望大家努力。"]


def test_dash_paragraphs_are_items_and_subtitles_are_not():
    speech = parse_text(
        "报告\n——在全区大会上的报告\n同志们：\n开头。\n一、成就\n十年来：\n——我们创立了思想。\n——我们加强了领导。\n"
        "二、任务\n我们要努力工作，做好各项事情。\n"
    )
    assert speech.meeting == "全区大会"
    assert [p.text for p in speech.front] == ["——在全区大会上的报告"]
    assert [i.headline for i in speech.parts[0].items] == ["我们创立了思想", "我们加强了领导"]
    assert speech.parts[1].items == ()


def test_an_inline_list_after_a_colon_in_a_text_without_structure_becomes_a_part():
    speech = parse_text("讲话\n诸位代表先生：\n它的工作重点将是：（一）肃清残余；（二）恢复经济。\n万岁！\n")
    assert speech.salutation.text == "诸位代表先生："
    assert [(i.label, i.headline) for i in speech.items] == [("（一）", "肃清残余"), ("（二）", "恢复经济")]
    assert [p.text for p in speech.paragraphs[2:5]] == ["它的工作重点将是：", "（一）肃清残余；", "（二）恢复经济。"]


def test_notes_are_footnotes_and_markdown_marks_are_set_aside():
    text = "# 为人民服务\n（一九四四年九月八日）\n> 这是一篇讲演。\n我们的队伍⑴是革命的队伍，是为人民服务的，这是很长很长很长的一句话。\n------\n注　　释\n〔1〕指八路军。\n"
    speech = parse_text(text)
    assert speech.title == "为人民服务"
    assert [(p.text, p.note) for p in speech.front] == [("（一九四四年九月八日）", False), ("这是一篇讲演。", True)]
    assert [p.text for p in speech.footnotes] == ["注释", "〔1〕指八路军。"]
    assert [(d.line, d.text, d.reason) for d in speech.dropped] == [
        (1, "#", "Markdown 标题符号"), (3, ">", "Markdown 引用符号（编者按）"), (5, "------", "Markdown 分隔线")
    ]
    assert speech.warnings == ("t.txt:4: no parts or items found; the speech is shown as one page",)


def test_web_page_chrome_is_set_aside_with_reasons():
    text = "下载\n【字号：\n大\n】\n报告标题\n来源：\n某某日报\n各位代表：\n正文第一段很长很长很长很长很长很长很长很长很长很长很长很长。\n责任编辑：\n张三\n打印本页\n"
    speech = parse_text(text)
    assert speech.title == "报告标题"
    assert [(d.line, d.reason) for d in speech.dropped] == [
        (1, "网页工具栏"), (2, "网页工具栏"), (3, "网页工具栏"), (4, "网页工具栏"),
        (6, "网页来源信息"), (7, "网页来源信息"), (10, "网页页脚（编辑署名）"), (11, "网页页脚（编辑署名）"), (12, "网页页脚"),
    ]


def test_front_matter_overrides_what_is_detected_and_is_not_speech_text():
    speech = parse_text("---\ntitle: 真标题\ndate: 2020-01-02\nspeaker: 某某\nmeeting: 全区大会\n---\n假标题\n同志们：\n今天开会。\n")
    assert (speech.title, speech.date, speech.speaker, speech.meeting) == ("真标题", "2020-01-02", "某某", "全区大会")
    assert [d.reason for d in speech.dropped] == ["文件头元数据（front matter）"] * 6


def test_an_unknown_key_beside_a_title_is_passed_over_with_a_problem_naming_file_and_line():
    speech = parse_text("---\ntitle: 标题\nspeach: x\n---\n同志们：\n今天开会。\n", "speeches/a.txt")
    assert speech.title == "标题"
    assert [d.reason for d in speech.dropped] == ["文件头元数据（front matter）"] * 4
    assert [str(problem) for problem in speech.problems] == [
        "speeches/a.txt:3: unknown front matter key 'speach' (use title, date, speaker, meeting); it is not used"
    ]


def test_a_block_of_nothing_but_unknown_keys_is_text_with_a_problem_naming_file_and_line():
    speech = parse_text("---\nspeach: x\nlabels: y\n---\n同志们：\n今天开会。\n", "speeches/a.txt")
    assert speech.dropped == ()
    assert [str(problem) for problem in speech.problems] == [
        "speeches/a.txt:2: unknown front matter key 'speach' (use title, date, speaker, meeting); the block is kept as text"
    ]


def test_a_collection_of_articles_is_one_part_per_article_with_a_warning():
    text = "按语。\n甲文标题\n原标题：甲文\n第一，要学习。第二，要实践。\n乙文标题\n原标题：乙文\n一是抓落实。\n二是抓作风。\n"
    speech = parse_text(text)
    assert [(p.kind, p.heading, len(p.items)) for p in speech.parts] == [("文章", "甲文标题", 0), ("文章", "乙文标题", 2)]
    assert "the file holds 2 articles" in speech.warnings[-1]


def test_a_collection_whose_original_titles_follow_their_articles_is_not_split():
    # 原标题 after each article: taking it as the next one's title would quote the wrong occasion.
    text = "按语。\n一是抓落实，二是抓作风，说的是甲会。\n原标题：甲文\n一是要学习。\n二是要实践。\n原标题：乙文\n"
    speech = parse_text(text)
    assert speech.parts == ()
    assert any("not split into articles" in warning for warning in speech.warnings)
    assert [p.text for p in speech.opening][2] == "原标题：甲文"


def test_a_title_repeated_at_the_end_is_dropped():
    text = "报告标题\n各位代表：\n现在作报告。\n工作很多，成绩很大，问题不少，我们要继续努力奋斗。\n相关链接>>\n报告标题\n各位代表：现在作报告。\n"
    speech = parse_text(text)
    assert [(d.line, d.reason) for d in speech.dropped] == [
        (5, "网页相关链接"), (6, "网页相关链接"), (7, "文末重复的标题或开头")
    ]


def test_a_list_that_starts_late_begins_at_the_paragraph_naming_its_first_point():
    text = "讲话\n同志们：\n今天我讲三点意见。\n要把学习抓紧抓实，这是我要讲的第一点。\n第二点：要把责任扛在肩上。\n第三点：要把作风搞过硬。\n最后，让我们一起努力。\n"
    speech = parse_text(text)
    assert [(i.label, i.number) for i in speech.parts[0].items] == [("第一点", 1), ("第二点", 2), ("第三点", 3)]
    assert speech.parts[0].items[0].line == 4
    assert [p.text for p in speech.closing] == ["最后，让我们一起努力。"]
    assert speech.warnings == ()


def test_last_after_a_list_of_yishi_is_the_closing_but_after_diyi_the_last_point():
    yishi = parse_text("报告\n各位代表：\n我讲三点。\n一是抓学习。\n二是抓落实。\n三是抓作风。\n最后，我再强调一下纪律。\n")
    assert [i.label for i in yishi.parts[0].items] == ["一是", "二是", "三是"]
    assert [p.text for p in yishi.closing] == ["最后，我再强调一下纪律。"]
    diyi = parse_text("讲话\n同志们：\n我讲三点。\n第一，抓学习。\n第二，抓落实。\n最后，抓作风。\n谢谢大家。\n")
    assert [i.label for i in diyi.parts[0].items] == ["第一", "第二", "最后"]


def test_salutations_of_schools_and_committees_are_recognised():
    for salutation in ["亲爱的同学们：", "尊敬的各位老师、亲爱的同学们：", "各位委员：", "同志们，朋友们："]:
        speech = parse_text(f"开学典礼上的讲话\n{salutation}\n今天是个好日子。\n")
        assert speech.salutation is not None and speech.salutation.text == salutation, salutation


def test_a_reports_closing_is_its_last_cue_not_the_tasks_before_it():
    tasks = "各位代表！新形势对政府自身建设提出了更高要求。" + "我们要依法行政，提高效能，转变作风，建设人民满意的服务型政府。" * 12
    text = (
        "政府工作报告\n各位代表：\n现在作报告。\n一、工作回顾\n（一）抓经济。经济增长。\n（二）抓民生。民生改善。\n"
        "二、今年安排\n（一）稳增长。多措并举。\n（二）惠民生。办好实事。\n"
        f"{tasks}\n各位代表！让我们团结奋斗，再创新的辉煌！\n"
    )
    speech = parse_text(text)
    assert [p.text for p in speech.closing] == ["各位代表！让我们团结奋斗，再创新的辉煌！"]
    assert speech.parts[-1].after[0].text == tasks


def test_a_closing_of_short_paragraphs_starts_at_its_first_cue_and_a_bare_cue_starts_it_alone():
    body = "政府工作报告\n各位代表：\n现在作报告。\n一、工作回顾\n（一）抓经济。经济增长。\n（二）抓民生。民生改善。\n二、今年安排\n（一）稳增长。\n（二）惠民生。\n"
    speech = parse_text(body + "同志们！时代呼唤我们。\n青年强，则国家强。\n同志们！让我们团结奋斗！\n")
    assert [p.text[:4] for p in speech.closing] == ["同志们！", "青年强，", "同志们！"]
    bare = parse_text(body + "我们要坚持和平外交政策，推动构建人类命运共同体。\n各位代表！\n让我们团结奋斗！\n")
    assert [p.text for p in bare.closing] == ["各位代表！", "让我们团结奋斗！"]


def test_a_heading_line_is_its_whole_headline_and_an_appendix_label_goes_with_the_notes():
    heading = "坚持教育优先发展、科技自立自强、人才引领驱动，加快建设具有全球重要影响力的科技创新中心"
    text = f"政府工作报告\n各位代表：\n现在作报告。\n一、今年安排\n（一）{heading}\n办好教育。\n（二）惠民生\n办好实事。\n各位代表！让我们奋斗！\n附件\n名词解释\n1.双碳：碳达峰、碳中和。\n"
    speech = parse_text(text)
    assert speech.parts[0].items[0].headline == heading
    assert [p.text for p in speech.closing] == ["各位代表！让我们奋斗！"]
    assert [p.text for p in speech.footnotes][:2] == ["附件", "名词解释"]


def test_unnumbered_section_headings_over_lists_make_the_parts():
    text = (
        "政府工作报告\n各位代表：\n现在作报告。\n2024年工作回顾\n过去一年成绩显著。\n（一）抓经济。经济增长。\n（二）抓民生。民生改善。\n"
        "2025年工作安排\n（一）稳增长。多措并举。\n（二）惠民生。办好实事。\n全面加强政府自身建设\n我们要依法行政。\n各位代表！让我们奋斗！\n"
    )
    speech = parse_text(text)
    assert [(p.heading, len(p.items)) for p in speech.parts] == [("2024年工作回顾", 2), ("2025年工作安排", 2), ("全面加强政府自身建设", 0)]
    lone = parse_text("政府工作报告\n各位代表：\n现在作报告。\n一、2023年工作回顾\n一年来做了以下工作。\n（一）抓经济。增长。\n（二）抓民生。改善。\n")
    assert [(p.label, p.heading, len(p.items)) for p in lone.parts] == [("一、", "2023年工作回顾", 2)]


def test_an_appendix_of_numbered_groups_is_one_appendix_with_its_running_items():
    groups = "".join(
        f"{group}、{name}\n" + "".join(f"{n}．{task}。\n" for n, task in tasks)
        for group, name, tasks in [
            ("一", "教育", [(1, "新建幼儿园十所"), (2, "改造薄弱学校二十所")]),
            ("二", "医疗", [(3, "建设社区医院五家"), (4, "免费筛查一万人")]),
            ("三", "养老", [(5, "新增养老床位三千张")]),
        ]
    )
    text = (
        "政府工作报告\n各位代表：\n现在作报告。\n一、工作回顾\n（一）抓经济。增长。\n（二）抓民生。改善。\n"
        "二、今年安排\n（一）稳增长。有力。\n（二）惠民生。有效。\n各位代表！让我们奋斗！\n"
        f"附件：2025年民生实事项目\n{groups}"
    )
    speech = parse_text(text)
    assert [(p.kind, p.label) for p in speech.parts] == [("部分", "一、"), ("部分", "二、"), ("附件", None)]
    assert [i.number for i in speech.parts[-1].items] == [1, 2, 3, 4, 5]
    assert [p.text for p in speech.closing] == ["各位代表！让我们奋斗！"]


def test_unnumbered_sections_over_lists_far_below_and_a_list_of_the_years_projects():
    lead = "".join(f"——成绩{n}显著。\n我们做了大量工作，取得了明显成效，群众满意度不断提升。\n" for n in range(1, 6))
    text = (
        "政府工作报告\n各位代表：\n现在作报告。\n2024年工作回顾\n" + lead + "一年来，主要开展了以下工作。\n"
        "（一）抓经济。增长。\n（二）抓民生。改善。\n2025年工作安排建议\n" + lead + "重点抓好以下工作。\n"
        "（一）稳增长。有力。\n（二）惠民生。有效。\n各位代表！让我们奋斗！\n"
        "青川市2025年民生实事项目\n一、畅行青川\n1．提升通行效率。\n2．便捷地铁出行。\n二、绿色青川\n3．新建公园十个。\n"
    )
    speech = parse_text(text)
    assert [(p.heading, len(p.items)) for p in speech.parts] == [
        ("2024年工作回顾", 7), ("2025年工作安排建议", 7), ("青川市2025年民生实事项目", 3)
    ]  # the five —— lines of each lead are points too, before the （一） ones
    assert [i.label for i in speech.parts[0].items] == ["——"] * 5 + ["（一）", "（二）"]
    assert [p.text for p in speech.closing] == ["各位代表！让我们奋斗！"]


def test_a_list_whose_first_point_follows_its_intros_colon_and_sections_over_yishi_lists():
    text = (
        "政府工作报告\n各位代表：\n现在作报告。\n2023年工作回顾\n一年来，主要做了以下工作:一是稳增长，经济好转。\n二是促改革，活力增强。\n"
        "2024年工作安排建议\n重点做好以下两个方面工作：（一）扩大内需。多措并举。\n（二）发展产业。做强工业。\n"
        "加强政府自身建设\n（一）讲政治。忠诚。\n（二）重法治。规范。\n各位代表！让我们奋斗！\n名词注解\n1.数实融合：数字经济和实体经济深度融合。\n"
    )
    speech = parse_text(text)
    assert [(p.heading, [i.label for i in p.items]) for p in speech.parts] == [
        ("2023年工作回顾", ["一是", "二是"]), ("2024年工作安排建议", ["（一）", "（二）"]), ("加强政府自身建设", ["（一）", "（二）"])
    ]
    assert speech.parts[1].items[0].headline == "扩大内需"
    assert [p.text for p in speech.closing] == ["各位代表！让我们奋斗！"]
    assert speech.footnotes[0].text == "名词注解"


def test_a_section_of_run_in_headings_without_numbers_has_them_as_its_points():
    tasks = "".join(f"{head}。我们要{head}，做到{head}常态化、长效化，不断取得新成效。\n" for head in ["加强政治建设", "加强法治建设", "加强效能建设"])
    text = (
        "政府工作报告\n各位代表：\n现在作报告。\n一、工作回顾\n（一）抓经济。增长。\n（二）抓民生。改善。\n"
        f"二、全面加强政府自身建设\n新征程对政府工作提出了新的更高要求。\n{tasks}各位代表！让我们奋斗！\n"
    )
    speech = parse_text(text)
    part = speech.parts[1]
    assert [(i.label, i.number, i.headline) for i in part.items] == [("", 1, "加强政治建设"), ("", 2, "加强法治建设"), ("", 3, "加强效能建设")]
    assert [p.text for p in part.lead] == ["新征程对政府工作提出了新的更高要求。"]
    assert [p.text for p in speech.closing] == ["各位代表！让我们奋斗！"]
    few = parse_text(text.replace("加强效能建设。", "此外，加强效能建设。"))
    assert few.parts[1].items == ()  # two are not a list


def test_a_glossary_titled_after_the_report_is_its_notes():
    text = "政府工作报告\n各位代表：\n现在作报告。\n一、工作回顾\n（一）抓经济。增长。\n（二）抓民生。改善。\n各位代表！让我们奋斗！\n《政府工作报告》注释\n1.六稳：稳就业等。\n2.六保：保居民就业等。\n"
    speech = parse_text(text)
    assert len(speech.parts) == 1 and [p.text for p in speech.closing] == ["各位代表！让我们奋斗！"]
    assert speech.footnotes[0].text == "《政府工作报告》注释"


def test_dash_lines_heading_blocks_of_paragraphs_are_the_points_of_a_section():
    block = "疫情防控取得重大成果。迅速启动一级响应，取得了显著成效。\n经济恢复增长。全市生产总值增长百分之三。\n"
    text = (
        "政府工作报告\n各位代表：\n现在作报告。\n一、工作回顾\n"
        + "".join(f"——这一年，我们{verb}，交出了优异答卷。\n{block}" for verb in ["坚定信心", "迎难而上", "敢闯敢试"])
        + "二、今年安排\n（一）稳增长。有力。\n（二）惠民生。有效。\n各位代表！让我们奋斗！\n"
    )
    speech = parse_text(text)
    assert [(i.label, i.headline) for i in speech.parts[0].items] == [("——", "这一年，我们坚定信心，交出了优异答卷"), ("——", "这一年，我们迎难而上，交出了优异答卷"), ("——", "这一年，我们敢闯敢试，交出了优异答卷")]
    assert len(speech.parts[0].items[0].paragraphs) == 3


def test_points_numbered_yiyue_or_named_at_their_end_are_lists():
    yiyue = parse_text("十点要求\n" + "".join(f"{n}曰{w}。我们要{w}。\n" for n, w in zip("一二三", ["讨汪", "团结", "宪政"])) + "凡此三端，愿闻明教。\n")
    assert [(i.label, i.number) for i in yiyue.parts[0].items] == [("一曰", 1), ("二曰", 2), ("三曰", 3)]
    named = parse_text("反对自由主义\n自由主义有种种表现。\n" + "".join(f"明知不对，也不争论，任其下去。这是第{n}种。\n" for n in "一二三") + "这些都是自由主义的表现。\n")
    assert [(i.label, i.number) for i in named.parts[0].items] == [("第一种", 1), ("第二种", 2), ("第三种", 3)]


def test_parallel_one_sentence_heads_are_the_points_of_a_section():
    account = "全省经济稳中有进，各项指标好于预期，发展质量稳步提升，群众获得感持续增强。\n"
    heads = ["这一年，我们埋头苦干，封关运作如期实现。", "这一年，我们敢闯敢试，改革步伐加快。", "这一年，我们迎难而上，经济顶压行稳。"]
    text = "政府工作报告\n各位代表：\n现在作报告。\n一、工作回顾\n" + "".join(h + "\n" + account for h in heads) + "二、今年安排\n（一）稳增长。有力。\n（二）惠民生。有效。\n"
    speech = parse_text(text)
    assert [i.headline for i in speech.parts[0].items] == [h.rstrip("。") for h in heads]
    two = parse_text(text.replace(heads[2], "经济顶压行稳。"))
    assert two.parts[0].items == ()  # two parallel lines are no list


def test_a_list_in_a_sections_lead_comes_before_its_own_items_and_the_intro_count_is_of_its_own():
    text = (
        "政府工作报告\n各位代表：\n现在作报告。\n一、工作回顾\n过去一年成绩显著。\n"
        "——经济总体回升向好。全年增长百分之五。\n——科技创新实现新突破。研发投入增长。\n"
        "一年来，主要做了以下两个方面工作。\n（一）抓经济。增长。\n（二）抓民生。改善。\n二、今年安排\n（一）稳增长。有力。\n（二）惠民生。有效。\n"
    )
    speech = parse_text(text)
    assert [i.label for i in speech.parts[0].items] == ["——", "——", "（一）", "（二）"]
    assert speech.parts[0].expected_count == 2 and speech.warnings == ()


def test_no_paragraph_of_a_section_is_left_out_of_its_part():
    text = (
        "政府工作报告\n各位代表：\n现在作报告。\n一、工作回顾\n过去一年成绩显著。\n"
        "——经济总体回升向好。全年增长百分之五。\n——科技创新实现新突破。研发投入增长。\n"
        "一年来，主要做了以下工作。\n（一）抓经济。增长。\n（二）抓民生。改善。\n二、今年安排\n（一）稳增长。有力。\n（二）惠民生。有效。\n"
    )
    part = parse_text(text).parts[0]
    shown = [p.text for p in part.lead] + [p.text for i in part.items for p in i.paragraphs] + [p.text for p in part.after]
    assert "一年来，主要做了以下工作。" in shown and len(shown) == len(set(shown)) == 6


def test_short_stand_alone_heads_over_their_paragraphs_are_a_sections_points():
    body = "讲政治是我们建设自由贸易港的根本保证，要铸牢忠诚之魂，更加深刻领悟两个确立的决定性意义。\n"
    heads = ["旗帜鲜明讲政治。", "依法行政强法治。", "履职尽责抓落实。"]
    text = "政府工作报告\n各位代表：\n现在作报告。\n一、工作回顾\n（一）抓经济。增长。\n（二）抓民生。改善。\n二、加强政府自身建设\n" + "".join(h + "\n" + body for h in heads) + "各位代表，让我们奋斗！\n"
    speech = parse_text(text)
    assert [i.headline for i in speech.parts[1].items] == [h.rstrip("。") for h in heads]
    assert [p.text for p in speech.closing] == ["各位代表，让我们奋斗！"]


def test_longer_parallel_run_in_heads_with_the_same_opening_are_a_sections_points():
    heads = ["强化政治建设，进一步锤炼忠诚品格。", "强化法治建设，进一步规范权力运行。", "强化作风建设，进一步守牢廉洁底线。"]
    body = "坚持用党的创新理论统一思想、统一行动，把工作落到实处。"
    text = ("政府工作报告\n各位代表：\n现在作报告。\n一、工作回顾\n（一）抓经济。增长。\n（二）抓民生。改善。\n"
            "二、全面加强政府自身建设\n奋进新征程，必须建设人民满意的政府。\n" + "".join(h + body + "\n" for h in heads) + "各位代表，让我们奋斗！\n")
    part = parse_text(text).parts[1]
    assert [i.headline for i in part.items] == [h.rstrip("。") for h in heads]
    assert [p.text for p in part.lead] == ["奋进新征程，必须建设人民满意的政府。"]
    # Heads that open differently are sentences of an account, not points.
    mixed = text.replace("强化法治", "推进法治").replace("强化作风", "加强作风")
    assert parse_text(mixed).parts[1].items == ()


def test_a_list_running_inside_a_paragraph_after_a_sections_points_is_points_too():
    text = (
        "政府工作报告\n各位代表：\n现在作报告。\n一、今后五年目标\n今后五年的目标是：\n——经济实力明显提升。\n——改革开放明显提升。\n"
        "五年内重点抓好3个方面工作：一是聚力强首府，厚植新根基。二是聚焦高质量，构建现代产业体系。三是统筹发展和安全。\n"
        "二、今年安排\n（一）稳增长。有力。\n（二）惠民生。有效。\n"
    )
    speech = parse_text(text)
    items = speech.parts[0].items
    assert [i.label for i in items] == ["——", "——", "一是", "二是", "三是"]
    assert items[1].paragraphs[-1].text == "五年内重点抓好3个方面工作："
    assert all(item.paragraphs[0] in speech.paragraphs for item in items)  # each point is a paragraph of the full text


def test_a_third_section_a_speaker_numbers_otherwise_is_a_section():
    text = (
        "在颁证大会上的讲话\n首先感谢大家的努力。\n一、秘书群体是公司责任主体的一部分。\n秘书要直接完成流程清晰的工作。\n"
        "二、规范化服务是公司发展的润滑剂。\n没有规范化的服务，企业就不能高速运转。\n第三，秘书体系默默无闻地奋斗。\n萤火虫是秘书精神的写照。\n"
    )
    speech = parse_text(text)
    assert [p.title for p in speech.parts] == ["一、秘书群体是公司责任主体的一部分", "二、规范化服务是公司发展的润滑剂", "第三，秘书体系默默无闻地奋斗"]


def test_dash_points_opening_paragraphs_after_a_short_list_are_points_of_the_section_too():
    block = "加快建设现代产业体系，推动科技创新，提升城市能级。\n"
    text = (
        "政府工作报告\n各位代表：\n现在作报告。\n一、今后五年\n一是把握好当前和长远的关系。\n二是把握好全面和重点的关系。\n"
        + "".join(f"——在推动{w}出新出彩上苦干实干。充分发挥优势，加强规划建设。\n{block}" for w in ["城市功能", "文化实力", "营商环境"])
        + "二、今年安排\n（一）稳增长。有力。\n（二）惠民生。有效。\n"
    )
    items = parse_text(text).parts[0].items
    assert [i.label for i in items] == ["一是", "二是", "——", "——", "——"]
    assert items[2].headline == "在推动城市功能出新出彩上苦干实干"


def test_parallel_heads_inside_a_sections_last_point_are_points_of_their_own():
    account = "全市经济稳中有进，各项指标好于预期，发展质量稳步提升，群众获得感持续增强。\n"
    heads = ["这是强化创新引领的五年。", "这是统筹城乡发展的五年。", "这是深化改革开放的五年。"]
    text = (
        "政府工作报告\n各位代表：\n现在作报告。\n一、工作回顾\n——这一年，我们坚定信心。\n" + account + "——这一年，我们敢闯敢试。\n" + account
        + "——这一年，我们善作善成。\n" + account + "".join(h + "\n" + account for h in heads) + "二、今年安排\n（一）稳增长。有力。\n（二）惠民生。有效。\n"
    )
    items = parse_text(text).parts[0].items
    assert [i.label for i in items] == ["——"] * 3 + [""] * 3
    assert [i.headline for i in items[3:]] == [h.rstrip("。") for h in heads]
    assert len(items[2].paragraphs) == 2


def test_two_groups_of_parallel_heads_are_one_sections_points_and_its_closing_words_stay_apart():
    one = ["我们闻令而动、众志成城，疫情防控取得重大成果。", "我们抓早抓实、多措并举，经济稳步复苏逐季向好。", "我们对标补短、提质提效，决战脱贫攻坚胜利收官。",
           "我们咬定目标、全力冲刺，创文创卫获得圆满成功。", "我们积极探索、主动作为，改革开放迈出坚实步伐。"]
    five = ["这五年，经济持续较快增长，综合实力明显提升。", "这五年，转型升级多点突破，产业结构不断优化。", "这五年，社会事业加快发展，人民生活明显改善。"]
    body = "全年地区生产总值增长3.9%，各项事业全面进步。"
    text = ("政府工作报告\n各位代表：\n现在作报告。\n一、工作回顾\n刚刚过去的一年极不平凡。\n" + "".join(h + body + "\n" for h in one)
            + "过去五年，我们砥砺奋进。\n" + "".join(h + body + "\n" for h in five) + "各位代表，五年的实践，我们深刻体会到：必须坚持党的领导。\n"
            "二、今年安排\n（一）抓项目。项目为王。\n（二）抓民生。民生为本。\n")
    part = parse_text(text).parts[0]
    assert [i.headline for i in part.items] == [h.rstrip("。") for h in one + five]
    assert [p.text[:5] for p in part.after] == ["各位代表，"]


def test_a_speakers_sentences_opening_with_we_are_no_points_unless_many_stand_together():
    heads = ["我们不要把创新炒得太热。", "我们要坚持“小改进，大奖励”。", "我们要坚决反对形而上学、幼稚浮躁。"]
    body = "我们希望不要随便创新，要保持稳定的流程。"
    text = ("华为的冬天\n一、居安思危\n我们要看到危机。\n二、不盲目创新\n庙小一点，机关就小一点。\n" + "".join(h + body + "\n" for h in heads)
            + "三、面对变革要有平常心\n我们要有承受变革的心理素质。\n")
    assert parse_text(text).parts[1].items == ()
    many = ["我们闻令而动、众志成城，疫情防控取得重大成果。", "我们抓早抓实、多措并举，经济稳步复苏。", "我们抢抓机遇、深度谋划，融入双城经济圈。",
            "我们对标补短、提质提效，决战脱贫攻坚。", "我们咬定目标、全力冲刺，创文创卫成功。"]
    more = text.replace("".join(h + body + "\n" for h in heads), "".join(h + body + "\n" for h in many))
    assert len(parse_text(more).parts[1].items) == 5


def test_bulleted_points_are_items_and_under_a_numbered_list_its_points_children():
    text = ("# 2024年度工作总结\n\n## 一、主要工作\n\n1. **抓好党建**：全年学习24次。\n   - 开展主题党日12次。\n"
            "   - 讲党课4次。\n2. **推进业务**：完成项目8个。\n\n## 二、存在的问题\n\n- 学习不够深入。\n- 创新意识不强。\n")
    done, problems = parse_text(text).parts
    assert [(i.label, i.headline) for i in done.items] == [("1.", "抓好党建：全年学习24次"), ("2.", "推进业务：完成项目8个")]
    assert [c.headline for c in done.items[0].children] == ["开展主题党日12次", "讲党课4次"]
    assert [i.headline for i in problems.items] == ["学习不够深入", "创新意识不强"]
    plain = parse_text("讲话\n同志们：\n主要问题有：\n● 思想不够解放。\n● 作风不够扎实。\n气温-5度，大家注意。\n")
    assert [i.headline for i in plain.parts[0].items] == ["思想不够解放", "作风不够扎实"]


def test_a_bulleted_point_is_named_by_its_place_not_its_bullet():
    speech = parse_text("报告\n各位代表：\n一、存在的问题\n- 学习不够深入。\n- 创新意识不强。\n二、安排\n（一）抓学习。\n（二）抓创新。\n")
    labels = [placed.display_label for placed in build_library([speech], load_taxonomy(REPO / "hooks" / "speechkit" / "data" / "topics.yml"), related=False).items]
    assert labels == ["一、第一条", "一、第二条", "二、（一）", "二、（二）"]


def test_a_line_of_short_numbered_phrases_after_an_announcement_is_a_list_not_sections():
    text = ("青年团的工作\n青年工作很重要，大家要重视。\n我给青年们讲几句话：\n"
            "一、祝贺他们身体好；二、祝贺他们学习好；三、祝贺他们工作好。\n我提议，睡眠时间再增加一小时。\n")
    [part] = parse_text(text).parts
    assert [(i.label, i.headline) for i in part.items] == [
        ("一、", "祝贺他们身体好"), ("二、", "祝贺他们学习好"), ("三、", "祝贺他们工作好")]
    # sections that went on in one line (a copy lost its line breaks) are still cut after a sentence
    report = parse_text("报告\n各位代表：\n一、回顾\n（一）抓经济。增长5%。\n（二）抓民生。很好。二、安排\n（一）抓项目。要快。\n（二）抓服务。要好。\n")
    assert [p.heading for p in report.parts] == ["回顾", "安排"]
