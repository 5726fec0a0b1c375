"""Hard-wrapped plain text: lines cut where the line ran out are joined back into paragraphs."""

from __future__ import annotations

from conftest import parse_text
from speechkit.sources import Source, clean
from speechkit.structure import parse

# A paragraph cut every 20 characters, as a fixed-width export does; its last line is short.
FIXED = (
    "关于推进工作的报告\n"
    "各位代表：\n"
    "过去一年，我们坚持稳中求进工作总基调，统筹推进\n"
    "各项工作，经济运行总体平稳，全年地区生产总值增长\n"
    "4.6%，圆满完成年度目标任务。\n"
    "一、主要工作\n"
    "（一）持续推动产业升级。我们狠抓重点项目建设，新\n"
    "开工项目一百二十个，带动投资快速增长，效果明显。\n"
    "（二）持续改善人民生活。城镇新增就业五万人，新建\n"
    "学校十所，群众获得感不断增强，社会大局和谐稳定。\n"
)


def kept(text: str) -> list[tuple[int, str]]:
    """The kept units of a text file: (first source line, text)."""
    return [(line.number, line.text) for line in clean(Source("t.txt", text, "utf-8")).lines]


def test_a_fixed_width_paragraph_is_one_paragraph_and_a_figure_does_not_start_an_item():
    units = kept(FIXED)
    assert units[2] == (3, "过去一年，我们坚持稳中求进工作总基调，统筹推进各项工作，经济运行总体平稳，全年地区生产总值增长4.6%，圆满完成年度目标任务。")
    assert (6, "一、主要工作") in units  # a heading is not run into the item below it
    speech = parse(clean(Source("t.txt", FIXED, "utf-8")))
    items = speech.parts[0].items
    assert [item.headline for item in items] == ["持续推动产业升级", "持续改善人民生活"]
    assert items[0].paragraphs[0].last_line == 8


def test_lines_that_end_sentences_are_left_alone():
    text = "标题\n同志们：\n今天开会。\n我讲三点意见。\n第一，要学习\n第二，要落实。\n"
    assert [t for _, t in kept(text)] == ["标题", "同志们：", "今天开会。", "我讲三点意见。", "第一，要学习", "第二，要落实。"]


def test_a_short_text_with_one_open_line_is_not_taken_for_a_wrapped_one():
    text = "标题\n各位代表：\n一、今年安排\n（一）坚持教育优先发展、科技自立自强、人才引领驱动，加快建设科技创新中心\n办好教育。\n"
    assert [t for _, t in kept(text)][3:] == ["（一）坚持教育优先发展、科技自立自强、人才引领驱动，加快建设科技创新中心", "办好教育。"]


def test_a_text_copied_out_of_a_pdf_joins_its_broken_lines_and_splits_at_tabs():
    text = (
        "政府工作报告\n\n——2025年1月10日在市人民代表大会上\n\n市长 张三\n\n各位代表：\n\n"
        "现在，我代表市人民政府，向大会报告政府工作，请予\n\n审议。\n\n"
        + "我们坚持稳中求进，推动高质量发展取得新成效，人民生活持续\n\n改善。\n\n" * 10
        + "一、2024年工作\n\n回顾\n\n过去一年，我们迎难而上，全市经济稳中有进，发展质量不断\n\n"
        "提升。\t一年来，我们重点抓了以下工作。\t（一）稳住经济大盘。实施一批重大项目，完成投资\n\n"
        "一千亿元。（二）深化改革开放。推进重点领域改革，营商环境持续\n\n优化。\n"
    )
    units = [t for _, t in kept(text)]
    assert units[:4] == ["政府工作报告", "——2025年1月10日在市人民代表大会上", "市长 张三", "各位代表："]
    assert "现在，我代表市人民政府，向大会报告政府工作，请予审议。" in units
    assert units.count("我们坚持稳中求进，推动高质量发展取得新成效，人民生活持续改善。") == 10
    assert "一、2024年工作回顾" in units
    assert "过去一年，我们迎难而上，全市经济稳中有进，发展质量不断提升。" in units
    assert "一年来，我们重点抓了以下工作。" in units  # a tab starts a paragraph
    speech = parse(clean(Source("t.txt", text, "utf-8")))
    assert [item.headline for item in speech.parts[0].items] == ["稳住经济大盘", "深化改革开放"]


def test_word_paragraphs_are_joined_only_where_a_page_break_cut_them():
    text = "标题\n同志们：\n" + "我们要继续努力把工作做好做实做细。\n" * 6 + "这一年我们推进数字政府建设，让更多市民感受数字生活\n。\n第二段开头。\n"
    lines = [line.text for line in clean(Source("t.docx", text, "utf-8", format="docx")).lines]
    assert lines[2:8] == ["我们要继续努力把工作做好做实做细。"] * 6
    assert lines[8:] == ["这一年我们推进数字政府建设，让更多市民感受数字生活。", "第二段开头。"]
    pdf = clean(Source("t.pdf", "标题\n同志们：\n我们要继续努力，\n把工作做好。\n", "utf-8", format="pdf")).lines
    assert [line.text for line in pdf][2:] == ["我们要继续努力，", "把工作做好。"]  # the PDF reader has joined its lines


def test_a_long_line_cut_inside_a_word_the_text_uses_elsewhere_goes_on():
    text = (
        "标题\n各位代表：\n"
        + "全市经济平稳运行，全市就业稳定，全市民生改善。\n" * 2
        + "乡村振兴扎实推进。实施乡村集成改革，探索创新承包地、宅基地“三权分置”有效实现形式，全\n"
        + "市土地流转率达65%。\n"
        + "（二）突出亚运牵引，加快推进城市现代化建设\n亚运筹备有力有序。\n"
    )
    units = [t for _, t in kept(text)]
    assert "乡村振兴扎实推进。实施乡村集成改革，探索创新承包地、宅基地“三权分置”有效实现形式，全市土地流转率达65%。" in units
    assert "（二）突出亚运牵引，加快推进城市现代化建设" in units  # a heading is no cut word


def test_spaces_a_wrap_left_inside_chinese_sentences_are_removed_but_a_byline_keeps_its_own():
    text = "标题\n市长 张三\n各位代表：\n面对复杂形势，特 别是疫情冲击，我们坚持稳中求进，黄河滩区迁 建任务全面完成。\n"
    units = [t for _, t in kept(text)]
    assert "市长 张三" in units
    assert "面对复杂形势，特别是疫情冲击，我们坚持稳中求进，黄河滩区迁建任务全面完成。" in units


def test_a_dash_point_or_a_line_ending_on_de_cut_by_the_wrap_goes_on():
    lines = "我们坚持稳中求进，推动高质量发展取得新成效，人民生活持续\n改善。\n" * 10  # wrapped at random, as a PDF copied out
    text = (
        "政府工作报告\n各位代表：\n" + lines + "一、2024年工作回顾\n"
        "——我们贯通落实总书记对本市工作提出的\n“五个扎实”重要要求，推动城市加快转型发展、经济结构优化。\n"
        "——我们完整准确全面贯彻新发展理念，更大力度推动质量\n变革、效率变革、动力变革，推动经济实现质的有效提升。\n"
    )
    units = [t for _, t in kept(text)]
    assert "——我们贯通落实总书记对本市工作提出的“五个扎实”重要要求，推动城市加快转型发展、经济结构优化。" in units
    assert "——我们完整准确全面贯彻新发展理念，更大力度推动质量变革、效率变革、动力变革，推动经济实现质的有效提升。" in units
    assert "一、2024年工作回顾" in units  # a heading still ends where its line does


def test_the_note_naming_who_carries_out_a_task_stays_with_its_task_however_it_was_wrapped():
    lines = "我们坚持稳中求进，推动高质量发展取得新成效，人民生活持续\n改善。\n" * 10
    text = (
        "政府工作报告\n各位代表：\n" + lines + "一、2024年工作回顾\n（一）稳住经济大盘。全年增长5%。\n"
        "二、2025年工作安排\n（一）扩大有效投资。实施重大项目。\n各位代表！让我们团结奋斗，再创佳绩！\n"
        "2025年为民实事\n一、提高民生保障标准\n"
        "1．提高养老金待遇。适当提高退休人员基本养老金。\n（市人社局）\n"
        "2．完善社区服务设施。完成65个社区服务设施项目建设。\n（市\n民政局）\n"
        "二、推动高质量就业\n3．促进高校毕业生就业。提供岗位10万个。（市人社局）\n"
    )
    units = [t for _, t in kept(text)]
    assert "1．提高养老金待遇。适当提高退休人员基本养老金。（市人社局）" in units
    assert "2．完善社区服务设施。完成65个社区服务设施项目建设。（市民政局）" in units
    speech = parse(clean(Source("t.txt", text, "utf-8")))
    appendix = speech.parts[-1]
    assert [p.title for p in speech.parts] == ["一、2024年工作回顾", "二、2025年工作安排", "2025年为民实事"]
    assert [p.text for p in speech.closing] == ["各位代表！让我们团结奋斗，再创佳绩！"]
    assert [item.number for item in appendix.items] == [1, 2, 3]  # numbered across its groups


def test_a_paragraph_cut_by_a_wide_gap_of_empty_lines_goes_on_below_it():
    body = "我们闻令而动、众志成城，疫情防控取得重大成果。全市人民风雨同舟、众志成城，心往一处想、劲往一"
    text = ("政府工作报告\n\n各位代表：\n\n现在作报告。\n\n" + body + "\n\n\n\n\n\n处使，构筑起疫情防控的铜墙铁壁。\n\n"
            "我们抓早抓实、多措并举，经济稳步复苏逐季向好。抢抓先机，按下复工复产快进键，实现了稳定增长。\n")
    paragraphs = [p.text for p in parse_text(text).paragraphs]
    assert body + "处使，构筑起疫情防控的铜墙铁壁。" in paragraphs
    # The usual gap of one empty line between paragraphs joins nothing.
    assert "处使，构筑起疫情防控的铜墙铁壁。" in [p.text for p in parse_text(text.replace("\n\n\n\n\n\n处使", "\n\n处使")).paragraphs]
