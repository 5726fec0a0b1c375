"""Cleaning: the distributor header is set aside line by line, with reasons."""

from __future__ import annotations

from speechkit.sources import Source, clean, read_source

from conftest import SEED

SEED_DROPPED = [
    (1, "仅供学习 禁止外传", "发布者水印（仅供学习/禁止外传）"),
    (2, "酷乐文行", "发布者名称或宣传语"),
    (3, "自建平台、实时分享", "发布者页眉（水印行之间，标题之前）"),
    (4, "根据实际需求和形式任务不断迭代", "发布者页眉（水印行之间，标题之前）"),
    (5, "现在订阅立享前3年的所有权益和资料", "订阅推广"),
    (7, "【打击倒卖活动】", "反倒卖声明"),
    (8, "举报倒卖会员资料的人，举报成功免费赠送一年会员材料！", "反倒卖声明"),
    (9, "会员群：                      免费QQ群：", "社群推广"),
]


def test_seed_header_is_dropped_with_reasons():
    cleaned = clean(read_source(SEED))
    assert [(d.line, d.text, d.reason) for d in cleaned.dropped] == SEED_DROPPED
    assert cleaned.lines[0].text == "在区基层党建工作推进会议上的讲话"
    assert cleaned.lines[0].number == 16


def test_padding_is_trimmed_and_placeholders_kept():
    cleaned = clean(Source("t.txt", "标题\n同志们：\u3000\u3000\n \u3000今天，X、X和同志们来了。\u3000\u3000 \n", "utf-8"))
    assert [line.text for line in cleaned.lines] == ["标题", "同志们：", "今天，X、X和同志们来了。"]
    assert [line.number for line in cleaned.lines] == [1, 2, 3]
    assert cleaned.dropped == ()


def test_watermark_words_inside_the_speech_are_kept():
    text = "标题\n同志们：\n我们要把学习资料发到每个党员手中，不能只在微信群里转发，要真正仅供学习之用。\n"
    cleaned = clean(Source("t.txt", text, "utf-8"))
    assert cleaned.dropped == ()
    assert len(cleaned.lines) == 3


WATERMARK = "更多资料尽在某某文库（http://www.example-wenku.cn/list）"


def test_a_watermark_repeated_through_the_text_is_set_aside_everywhere():
    body = ["政府工作报告", "各位代表：", "现在，我代表市人民政府作报告。", WATERMARK,
            "一、过去一年的工作", "经济运行稳中有进。", WATERMARK, "二、今年的工作", "扎实推进各项工作。", WATERMARK]
    cleaned = clean(Source("t.txt", "\n".join([WATERMARK, *body]), "utf-8"))
    assert WATERMARK not in [line.text for line in cleaned.lines]
    assert [(d.line, d.reason) for d in cleaned.dropped if d.text == WATERMARK] == [
        (1, "发布者水印（在全文中重复出现）"), (5, "发布者水印（在全文中重复出现）"),
        (8, "发布者水印（在全文中重复出现）"), (11, "发布者水印（在全文中重复出现）"),
    ]


def test_lines_a_compilation_repeats_are_kept():
    # Several speeches in one file repeat their salutation and byline: not a watermark.
    article = ["女士们，先生们，朋友们：", "中华人民共和国主席 习近平", "今天我们在这里相聚。"]
    cleaned = clean(Source("t.txt", "\n".join(["讲话汇编", *article * 3]), "utf-8"))
    assert [line.text for line in cleaned.lines].count("中华人民共和国主席 习近平") == 3
    assert cleaned.dropped == ()


PRINTED_PAGE = """2026/1/27 21:53
某市人民政府_ 2025年政府工作报告
中央人民政府
无障碍阅读
长者模式
政府信息公开
首页>政府信息公开>政府工作报告
2025年政府工作报告
来源： 市政府办公室
图解：2025年某市政府工作报告
政府工作报告
——2025年2月9日在某市第九届人民代表大会第五次会议上
各位代表：
现在，我代表市人民政府向大会报告工作，请予审议。
1/3
2026/1/27 21:53
某市人民政府_ 2025年政府工作报告
一、2024年工作回顾
过去一年，我们坚持稳中求进。
2/3
2026/1/27 21:53
某市人民政府_ 2025年政府工作报告
主办单位：某市人民政府办公室  承办单位： 某市数据局
陕ICP备2023008748号-1
3/3"""


def test_a_printed_web_page_keeps_its_article_and_sets_the_site_aside():
    cleaned = clean(Source("t.pdf", PRINTED_PAGE, "utf-8", format="pdf"))
    assert [line.text for line in cleaned.lines] == [
        "2025年政府工作报告", "政府工作报告", "——2025年2月9日在某市第九届人民代表大会第五次会议上", "各位代表：",
        "现在，我代表市人民政府向大会报告工作，请予审议。", "一、2024年工作回顾", "过去一年，我们坚持稳中求进。",
    ]
    reasons = {d.text: d.reason for d in cleaned.dropped}
    assert reasons["1/3"] == "页码" and reasons["2026/1/27 21:53"] == "打印页眉（打印日期时间）"
    assert reasons["某市人民政府_ 2025年政府工作报告"] == "打印页眉或页脚（每页重复）"
    assert reasons["陕ICP备2023008748号-1"] == "网页页脚（网站信息与链接）"
    assert reasons["长者模式"] == "网页菜单与工具"


def test_a_line_repeated_in_a_text_file_is_not_taken_for_a_page_header():
    text = "\n".join(["讲话汇编", *["中华人民共和国主席 习近平", "今天我们在这里相聚。"] * 3])
    cleaned = clean(Source("t.txt", text, "utf-8"))
    assert [line.text for line in cleaned.lines].count("中华人民共和国主席 习近平") == 3


def test_lines_a_reader_set_aside_are_dropped_whole_with_its_reason():
    text = "菜单　　首页\n标题\n同志们：\n今天开会。<br>散会。\n\u3000页脚<p>链接\n"
    cleaned = clean(Source("t.html", text, "utf-8", set_aside=((1, "网页框架（正文之外）"), (5, "网页框架（正文之外）"))))
    assert [(d.line, d.text, d.reason) for d in cleaned.dropped if d.reason != "HTML 标签"] == [
        (1, "菜单　　首页", "网页框架（正文之外）"), (5, "页脚<p>链接", "网页框架（正文之外）")]
    assert [(line.number, line.text) for line in cleaned.lines] == [(2, "标题"), (3, "同志们："), (4, "今天开会。"), (4, "散会。")]


def test_a_section_heading_shown_above_the_salutation_as_well_is_set_aside_there():
    text = "政府工作报告\n一、工作回顾\n各位代表：\n现在作报告。\n一、工作回顾\n过去一年成绩很大。\n"
    cleaned = clean(Source("t.txt", text, "utf-8"))
    assert [(d.line, d.text, d.reason) for d in cleaned.dropped] == [(2, "一、工作回顾", "称呼前重复的小标题")]
    assert [line.number for line in cleaned.lines] == [1, 3, 4, 5, 6]


def test_a_printed_pages_text_sets_its_repeated_page_furniture_aside():
    page = "2026/1/2621:54青川市政府工作报告-信息公开目录\n{n}/3\n"
    body = "".join(f"我们坚持稳中求进，第{n}部分工作取得新成效，人民生活持续改善。\n" + page.format(n=n) for n in range(1, 4))
    text = "政府工作报告\n无障碍访问|适老版\n各位代表：\n" + body
    cleaned = clean(Source("t.txt", text, "utf-8"))
    reasons = {d.text: d.reason for d in cleaned.dropped}
    assert reasons["2026/1/2621:54青川市政府工作报告-信息公开目录"] == "打印页眉或页脚（每页重复）"
    assert reasons["2/3"] == "页码" and reasons["无障碍访问|适老版"] == "网页菜单与工具"
    unpaged = clean(Source("t.txt", text.replace("/3\n", "\n"), "utf-8"))
    assert "2026/1/2621:54青川市政府工作报告-信息公开目录" not in {d.text for d in unpaged.dropped}  # repetition alone is no proof


def test_a_breadcrumb_a_step_a_line_and_tools_below_the_article_are_set_aside():
    text = "当前位置：\n首页\n>\n政务信息\n>\n要闻\n2026年政府工作报告\n发表时间：\n2026-02-09 09:45:30\n各位代表：\n现在，我代表人民政府向大会报告工作。\n【\n打印本页\n】\n"
    cleaned = clean(Source("t.txt", text, "utf-8"))
    assert [line.text for line in cleaned.lines] == ["2026年政府工作报告", "各位代表：", "现在，我代表人民政府向大会报告工作。"]


def test_a_page_counter_run_into_the_next_line_is_set_aside_and_the_point_kept():
    from conftest import parse_text

    lines = ["政府工作报告", "各位代表：", "现在作报告。", "附件：民生实事项目"]
    lines += [f"{n}．实事{n}。建成{n}个项目。" for n in range(1, 4)] + ["1/3"]
    lines += ["2/34．实事4。建成4个项目。", "5．实事5。建成5个项目。", "2/3", "6．实事6。建成6个项目。", "3/3"]
    speech = parse_text("\n".join(lines) + "\n")
    assert "4．实事4。建成4个项目。" in [p.text for p in speech.paragraphs]
    assert (9, "2/3", "页码") in [(d.line, d.text, d.reason) for d in speech.dropped]  # the glued one, line 9


def test_an_image_tag_on_a_line_of_its_own_is_set_aside_and_the_subtitle_under_it_read():
    from conftest import parse_text

    text = '# 不要忘记英雄\n<img class="pv" src="https://example.invalid/badge?key=x">\n\n——任正非在来自市场前线汇报会上的讲话\n\n今天开会。我们要记住英雄。\n'
    speech = parse_text(text, "t.md")
    assert speech.speaker == "任正非"
    assert any(d.reason == "HTML 图片" for d in speech.dropped)


CODE = "网页代码（HTML 标签、样式表、脚本）"


def test_a_page_copied_with_its_markup_loses_the_code_and_keeps_the_article():
    text = (
        '<div class="article">\n<style type="text/css">\n.TRS_Editor P{line-height:2;}\nbody { color: red }\n</style>\n'
        "在全市大会上的讲话\n同志们：\n今天开会。\n</div>\n<!-- 正文结束 -->\n"
    )
    cleaned = clean(Source("t.txt", text, "utf-8"))
    assert [line.text for line in cleaned.lines] == ["在全市大会上的讲话", "同志们：", "今天开会。"]
    assert [(d.line, d.reason) for d in cleaned.dropped] == [(n, CODE) for n in (1, 2, 3, 4, 5, 9, 10)]


def test_a_comment_over_several_lines_is_code_and_the_sites_name_with_its_address_is_no_title():
    text = "<!--\n  页面统计\n-->\n<!--\n-->\n政府工作报告\n中央政府门户网站\u3000www.gov.cn\n各位代表！\n现在作报告。\n"
    cleaned = clean(Source("t.txt", text, "utf-8"))
    assert [line.text for line in cleaned.lines] == ["政府工作报告", "各位代表！", "现在作报告。"]
    assert [(d.line, d.reason) for d in cleaned.dropped] == [(n, CODE) for n in (1, 2, 3, 4, 5)] + [(7, "网页来源信息（网站名称与网址）")]


def test_an_editors_byline_whose_bracket_closes_on_the_next_line_goes_whole():
    cleaned = clean(Source("t.txt", "讲话\n同志们：\n争取更大的胜利！\n（责任编辑： 郭桢\n ）\n", "utf-8"))
    assert [line.text for line in cleaned.lines] == ["讲话", "同志们：", "争取更大的胜利！"]
    assert [(d.line, d.reason) for d in cleaned.dropped] == [(4, "网页页脚（编辑署名）"), (5, "落单的括号（网页排版残留）")]


def test_one_tag_line_alone_is_the_speakers_text_but_a_css_rule_is_code():
    kept = clean(Source("t.txt", "标题\n<iframe src=x></iframe>\n今天开会。\n", "utf-8"))
    assert [line.text for line in kept.lines] == ["标题", "<iframe src=x></iframe>", "今天开会。"]
    css = clean(Source("t.txt", "标题\np.MsoNormal{margin:0cm;font-family:宋体}\n今天开会。\n", "utf-8"))
    assert [(d.line, d.reason) for d in css.dropped] == [(2, CODE)]


def test_a_second_copy_of_the_article_is_set_aside_and_a_repeated_line_is_not():
    body = ["一是要加强学习，" + "学习是立身之本。" * 9, "二是要改进作风，" + "作风是形象之要。" * 9, "三是要狠抓落实，" + "落实是成事之基。" * 9]
    lines = ["讲话", "同志们：", *body, "同志们：", "谢谢大家。", *body]
    cleaned = clean(Source("t.txt", "\n".join(lines), "utf-8"))
    assert [line.text for line in cleaned.lines] == lines[:7]
    assert [(d.line, d.reason) for d in cleaned.dropped] == [(n, "网页上重复的正文副本") for n in (8, 9, 10)]
    # A page that shows the article five times: each later copy is measured against the article, not the copies.
    cleaned = clean(Source("t.txt", "\n".join(["讲话", *body * 5]), "utf-8"))
    assert [line.text for line in cleaned.lines] == ["讲话", *body]


def test_a_congress_documents_label_and_an_articles_source_line_are_no_title():
    text = "洛阳市十六届人大\n三次会议文件十四\n\n关于洛阳市2024年预算执行情况的报告\n文章来源：本站原创\n各位代表：\n现将报告提请审查。\n"
    cleaned = clean(Source("t.txt", text, "utf-8"))
    assert [line.text for line in cleaned.lines] == ["关于洛阳市2024年预算执行情况的报告", "各位代表：", "现将报告提请审查。"]
    assert [(d.line, d.reason) for d in cleaned.dropped] == [(1, "会议文件编号（文件头）"), (2, "会议文件编号（文件头）"), (5, "网页来源信息")]
