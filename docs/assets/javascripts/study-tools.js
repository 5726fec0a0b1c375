/* The reader's own tools, kept in this browser (localStorage), nothing sent anywhere:
   - 已学: an item page can be marked studied; a speech's home and a topic's page show
     已学 n / m and tick its studied items; the library home offers 继续学习 where the reader left off.
   - Quotations: every full-text paragraph gets a visible 第N段 link and 引用 / 笔记
     buttons; selecting text anywhere in an article offers 复制引文 / 高亮 / 记笔记. A
     quotation is copied as “…”（《标题》，日期，讲话人）.
   - Notes and highlights, listed with their sources on 我的学习, exported as Word (.docx)
     or Markdown to start a 学习心得; the whole record is backed up and restored as a file.
   What a page is comes from the JSON the template writes (hooks/speechkit/pages/reader.py).
   Document text only ever goes into the page as textContent. */
(function () {
  "use strict";
  var STORE = "study.records";
  var dataElement = document.getElementById("study-page");
  var page = dataElement ? JSON.parse(dataElement.textContent) : {};
  var article = document.querySelector("article.md-content__inner");

  // -- the record -----------------------------------------------------------------------

  function load() {
    var records;
    try {
      records = JSON.parse(localStorage.getItem(STORE) || "{}");
    } catch (error) {
      records = {};
    }
    if (!records || typeof records !== "object") records = {};
    records.learned = records.learned && typeof records.learned === "object" ? records.learned : {};
    records.notes = Array.isArray(records.notes) ? records.notes : [];
    return records;
  }

  function save(records) {
    try {
      localStorage.setItem(STORE, JSON.stringify(records));
      return true;
    } catch (error) {
      toast("浏览器不允许保存学习记录（可能是隐私模式）");
      return false;
    }
  }

  function here() {
    // This page's address without its anchor or search query.
    return location.href.split("#")[0].split("?")[0];
  }

  function samePage(url) {
    return url.split("#")[0] === here();
  }

  // -- small DOM helpers ------------------------------------------------------------------

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(text, onClick, className) {
    var node = element("button", "study-tool" + (className ? " " + className : ""), text);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  function link(text, href) {
    var node = element("a", "", text);
    node.href = href;
    return node;
  }

  var toastTimer = null;
  function toast(text) {
    var node = document.querySelector(".study-toast") || document.body.appendChild(element("div", "study-toast"));
    node.setAttribute("role", "status");
    node.textContent = text;
    node.classList.add("study-toast--shown");
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () {
      node.classList.remove("study-toast--shown");
    }, 2500);
  }

  // -- quotations -------------------------------------------------------------------------

  function quotation(text) {
    return "“" + text.trim() + "”（" + (page.source || document.title) + "）";
  }

  function copyText(text) {
    function fallback() {
      var area = element("textarea", "study-offscreen");
      area.value = text;
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try {
        copied = document.execCommand("copy");
      } catch (error) {
        copied = false;
      }
      area.remove();
      toast(copied ? "已复制引文" : "无法访问剪贴板，请手动复制");
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () {
        toast("已复制引文");
      }, fallback);
    } else {
      fallback();
    }
  }

  function paragraphText(paragraph) {
    // The paragraph's own words, without the tools added to it.
    var copy = paragraph.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".study-para-tools"), function (node) {
      node.remove();
    });
    return copy.textContent.trim();
  }

  // -- notes and highlights -----------------------------------------------------------------

  function newNote(kind, quote, anchor, text) {
    return {
      id: Date.now().toString(36) + Math.random().toString(36).slice(2, 7),
      kind: kind, // "highlight" or "note"
      url: here() + (anchor ? "#" + anchor : ""),
      anchor: anchor || "",
      page: document.title,
      speech: page.speech || "",
      source: page.source || "",
      label: page.label || "",
      quote: quote || "",
      note: text || "",
      time: new Date().toISOString(),
    };
  }

  function addNote(note) {
    var records = load();
    records.notes.push(note);
    if (save(records)) toast(note.kind === "highlight" ? "已高亮" : "笔记已保存");
  }

  function editor(after, quote, anchor) {
    // An inline editor for a note on a quotation (or on the whole item when quote is empty).
    var open = document.querySelector(".study-note-editor");
    if (open) open.remove();
    var box = element("div", "study-note-editor");
    if (quote) box.appendChild(element("blockquote", "", quotation(quote)));
    var area = element("textarea");
    area.rows = 4;
    area.setAttribute("aria-label", "笔记内容");
    area.placeholder = "写下您的体会……";
    box.appendChild(area);
    box.appendChild(
      button("保存笔记", function () {
        addNote(newNote("note", quote, anchor, area.value));
        box.remove();
        showPageNotes();
        applyHighlights();
      }, "study-tool--primary")
    );
    box.appendChild(button("取消", function () {
      box.remove();
    }));
    after.parentNode.insertBefore(box, after.nextSibling);
    area.focus();
  }

  function anchorOf(node) {
    var paragraph = node && (node.nodeType === 1 ? node : node.parentElement);
    paragraph = paragraph && paragraph.closest("p[id]");
    return paragraph ? paragraph.id : "";
  }

  function wrap(container, text) {
    // Mark the first occurrence of text in container, across inline elements (tooltips).
    var walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest(".study-para-tools") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    var nodes = [];
    var whole = "";
    while (walker.nextNode()) {
      nodes.push({ node: walker.currentNode, start: whole.length });
      whole += walker.currentNode.nodeValue;
    }
    var at = whole.indexOf(text);
    if (at < 0 || !text) return false;
    var end = at + text.length;
    var range = document.createRange();
    nodes.forEach(function (entry) {
      var length = entry.node.nodeValue.length;
      if (entry.start <= at && at < entry.start + length) range.setStart(entry.node, at - entry.start);
      if (entry.start < end && end <= entry.start + length) range.setEnd(entry.node, end - entry.start);
    });
    var mark = element("mark", "study-highlight");
    mark.appendChild(range.extractContents());
    range.insertNode(mark);
    return true;
  }

  function applyHighlights() {
    if (!article) return;
    load().notes.forEach(function (note) {
      if (!note.quote || !samePage(note.url)) return;
      if (document.querySelector('mark.study-highlight[data-note="' + note.id + '"]')) return;
      var container = (note.anchor && document.getElementById(note.anchor)) || article;
      if (wrap(container, note.quote)) {
        var marks = container.querySelectorAll("mark.study-highlight:not([data-note])");
        if (marks.length) marks[marks.length - 1].setAttribute("data-note", note.id);
      }
    });
  }

  // -- the selection bar --------------------------------------------------------------------

  var selectionBar = null;

  function hideSelectionBar() {
    if (selectionBar) selectionBar.remove();
    selectionBar = null;
  }

  function onSelection() {
    var selection = window.getSelection();
    var text = selection && selection.toString().trim();
    if (!text || !article || !article.contains(selection.anchorNode) || !article.contains(selection.focusNode)) {
      return;
    }
    hideSelectionBar();
    var anchor = anchorOf(selection.anchorNode);
    var rect = selection.getRangeAt(0).getBoundingClientRect();
    selectionBar = element("div", "study-selection-bar");
    selectionBar.appendChild(button("复制引文", function () {
      copyText(quotation(text));
      hideSelectionBar();
    }));
    selectionBar.appendChild(button("高亮", function () {
      addNote(newNote("highlight", text, anchor, ""));
      hideSelectionBar();
      window.getSelection().removeAllRanges();
      applyHighlights();
    }));
    selectionBar.appendChild(button("记笔记", function () {
      var after = (anchor && document.getElementById(anchor)) || selection.anchorNode.parentElement.closest("p") || article.firstElementChild;
      hideSelectionBar();
      editor(after, text, anchor);
    }));
    selectionBar.style.top = window.scrollY + rect.bottom + 6 + "px";
    selectionBar.style.left = Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - 240)) + "px";
    document.body.appendChild(selectionBar);
  }

  // -- page by page ---------------------------------------------------------------------------

  function itemTools() {
    var meta = article.querySelector(".study-meta");
    var bar = element("div", "study-tools");
    var records = load();
    var learnedButton = button("", function () {
      var now = load();
      if (now.learned[page.key]) delete now.learned[page.key];
      else now.learned[page.key] = { url: here(), speech: page.speech, label: page.label, headline: page.headline, time: new Date().toISOString() };
      if (save(now)) toast(now.learned[page.key] ? "已标记为已学" : "已取消已学标记");
      showLearned(learnedButton);
    }, "study-learned");
    showLearned(learnedButton, records);
    bar.appendChild(learnedButton);
    bar.appendChild(button("记笔记", function () {
      editor(bar, "", "");
    }));
    bar.appendChild(button("复制引文", function () {
      copyText(quotation(itemText()));
    }));
    (meta || article.firstElementChild).insertAdjacentElement("afterend", bar);
  }

  function itemText() {
    // The item's own paragraphs: the plain ones above its 在全文中查看 link.
    var texts = [];
    for (var node = article.firstElementChild; node && !node.classList.contains("study-source"); node = node.nextElementSibling) {
      if (node.tagName === "P" && !node.className) texts.push(paragraphText(node));
    }
    return texts.join("");
  }

  function showLearned(learnedButton, records) {
    var learned = !!(records || load()).learned[page.key];
    learnedButton.textContent = learned ? "✓ 已学" : "标记为已学";
    learnedButton.setAttribute("aria-pressed", learned ? "true" : "false");
    learnedButton.title = learned ? "点按取消已学标记" : "学完这一条后点按";
    learnedButton.classList.toggle("study-learned--done", learned);
  }

  function showPageNotes() {
    // This page's notes, listed with the text they belong to.
    var old = document.querySelector(".study-page-notes");
    if (old) old.remove();
    var notes = load().notes.filter(function (note) {
      return note.kind === "note" && samePage(note.url);
    });
    if (!notes.length || !article) return;
    var box = element("div", "study-page-notes");
    box.appendChild(element("p", "study-page-notes__title", "我的笔记（" + notes.length + "）"));
    notes.forEach(function (note) {
      box.appendChild(noteElement(note, false));
    });
    // On an item page, after the item's text (before its 在全文中查看 link).
    var source = article.querySelector(".study-source");
    if (source) source.insertAdjacentElement("beforebegin", box);
    else article.appendChild(box);
  }

  function noteElement(note, withSource) {
    var entry = element("div", "study-note");
    if (note.quote) entry.appendChild(element("blockquote", "", "“" + note.quote + "”"));
    if (note.note) entry.appendChild(element("p", "study-note__text", note.note));
    var meta = element("p", "study-note__meta");
    if (withSource) {
      meta.appendChild(link((note.label ? note.label + " · " : "") + (note.source || note.page), note.url));
      meta.appendChild(document.createTextNode(" · "));
    }
    meta.appendChild(document.createTextNode(new Date(note.time).toLocaleDateString("zh-CN") + " "));
    meta.appendChild(button("删除", function () {
      var records = load();
      records.notes = records.notes.filter(function (other) {
        return other.id !== note.id;
      });
      save(records);
      entry.remove();
      var mark = document.querySelector('mark.study-highlight[data-note="' + note.id + '"]');
      if (mark) mark.replaceWith.apply(mark, Array.prototype.slice.call(mark.childNodes));
      if (document.getElementById("study-my")) renderMyStudy();
    }, "study-tool--small"));
    entry.appendChild(meta);
    return entry;
  }

  function fullTextTools() {
    Array.prototype.forEach.call(article.querySelectorAll("p[id^='p']"), function (paragraph) {
      var number = paragraph.id.slice(1);
      if (!/^\d+$/.test(number)) return;
      var tools = element("span", "study-para-tools");
      var anchor = link("第" + number + "段", "#" + paragraph.id);
      anchor.className = "study-anchor";
      anchor.title = "本段链接";
      tools.appendChild(anchor);
      tools.appendChild(button("引用", function () {
        copyText(quotation(paragraphText(paragraph)));
      }, "study-tool--small"));
      tools.appendChild(button("笔记", function () {
        editor(paragraph, paragraphText(paragraph), paragraph.id);
      }, "study-tool--small"));
      paragraph.appendChild(tools);
    });
    arrived();
    window.addEventListener("hashchange", arrived);
  }

  function arrived() {
    // The paragraph a link points to is highlighted on arrival.
    Array.prototype.forEach.call(document.querySelectorAll(".study-arrived"), function (node) {
      node.classList.remove("study-arrived");
    });
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.tagName === "P") target.classList.add("study-arrived");
  }

  function speechProgress() {
    var records = load();
    var keys = page.items || [];
    if (!keys.length) return;
    var done = keys.filter(function (key) {
      return records.learned[key];
    });
    var box = element("div", "study-progress");
    box.appendChild(element("span", "study-progress__count", "已学 " + done.length + " / " + keys.length + " 条"));
    var bar = element("progress");
    bar.max = keys.length;
    bar.value = done.length;
    bar.setAttribute("aria-label", "学习进度");
    box.appendChild(bar);
    var heading = article.querySelector("h1");
    heading.insertAdjacentElement("afterend", box);
    var learnedUrls = {};
    done.forEach(function (key) {
      learnedUrls[records.learned[key].url] = true;
    });
    Array.prototype.forEach.call(article.querySelectorAll("a[href]"), function (anchor) {
      if (learnedUrls[anchor.href.split("#")[0].split("?")[0]]) anchor.classList.add("study-link--learned");
    });
  }

  function continueStudying() {
    var records = load();
    var heading = article.querySelector("h1");
    var box = element("div", "study-continue");
    if (records.last && records.last.url) {
      box.appendChild(document.createTextNode("继续学习："));
      box.appendChild(link(records.last.title, records.last.url));
    } else {
      box.appendChild(document.createTextNode("从任意一篇讲话开始学习；学过的条目会记在“我的学习”中。"));
    }
    var count = Object.keys(records.learned).length;
    if (count) box.appendChild(document.createTextNode(" · 已学 " + count + " 条"));
    heading.insertAdjacentElement("afterend", box);
  }

  function remember() {
    // Where 继续学习 leads: the last page of a speech the reader opened.
    var records = load();
    records.last = { url: location.href.split("?")[0], title: document.title.split(" - ")[0], time: new Date().toISOString() };
    save(records);
  }

  // -- 我的学习 -------------------------------------------------------------------------------

  function renderMyStudy() {
    var box = document.getElementById("study-my");
    var records = load();
    box.textContent = "";
    var actions = element("div", "study-my__actions");
    actions.appendChild(button("导出笔记（Word）", function () {
      download("学习笔记.docx", wordFile(load().notes), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }, "study-tool--primary"));
    actions.appendChild(button("导出笔记（Markdown）", function () {
      download("学习笔记.md", markdownFile(load().notes), "text/markdown;charset=utf-8");
    }));
    actions.appendChild(button("备份学习记录", function () {
      download("学习记录.json", JSON.stringify(load(), null, 1), "application/json");
    }));
    var chooser = element("input");
    chooser.type = "file";
    chooser.accept = ".json,application/json";
    chooser.hidden = true;
    chooser.addEventListener("change", function () {
      if (chooser.files[0]) restore(chooser.files[0]);
    });
    actions.appendChild(chooser);
    actions.appendChild(button("恢复学习记录", function () {
      chooser.click();
    }));
    box.appendChild(actions);

    var learned = Object.keys(records.learned).map(function (key) {
      return records.learned[key];
    });
    box.appendChild(element("h2", "", "已学条目（" + learned.length + "）"));
    if (!learned.length) box.appendChild(element("p", "", "还没有标记已学的条目。在条目页上点“标记为已学”。"));
    groupBy(learned, "speech").forEach(function (group) {
      box.appendChild(element("h3", "", "《" + group.name + "》 已学 " + group.entries.length + " 条"));
      var list = element("ul");
      group.entries.forEach(function (entry) {
        var item = element("li");
        item.appendChild(link(entry.label + "：" + entry.headline, entry.url));
        list.appendChild(item);
      });
      box.appendChild(list);
    });

    box.appendChild(element("h2", "", "笔记与高亮（" + records.notes.length + "）"));
    if (!records.notes.length) box.appendChild(element("p", "", "还没有笔记。在条目页点“记笔记”，或在文中选中一段文字后点“高亮”“记笔记”。"));
    groupBy(records.notes, "speech").forEach(function (group) {
      box.appendChild(element("h3", "", "《" + group.name + "》"));
      group.entries.forEach(function (note) {
        box.appendChild(noteElement(note, true));
      });
    });
  }

  function groupBy(entries, field) {
    var groups = [];
    var index = {};
    entries.forEach(function (entry) {
      var name = entry[field] || "其他";
      if (!(name in index)) {
        index[name] = groups.length;
        groups.push({ name: name, entries: [] });
      }
      groups[index[name]].entries.push(entry);
    });
    return groups;
  }

  function restore(file) {
    var reader = new FileReader();
    reader.onload = function () {
      var incoming;
      try {
        incoming = JSON.parse(reader.result);
      } catch (error) {
        toast("这个文件不是学习记录（无法读取）");
        return;
      }
      if (!incoming || typeof incoming !== "object" || (!incoming.learned && !incoming.notes)) {
        toast("这个文件不是学习记录");
        return;
      }
      // Merged, not replaced: what this browser has stays, the file's is added.
      var records = load();
      Object.keys(incoming.learned || {}).forEach(function (key) {
        records.learned[key] = records.learned[key] || incoming.learned[key];
      });
      var known = {};
      records.notes.forEach(function (note) {
        known[note.id] = true;
      });
      (Array.isArray(incoming.notes) ? incoming.notes : []).forEach(function (note) {
        if (note && note.id && !known[note.id]) records.notes.push(note);
      });
      if (!records.last && incoming.last) records.last = incoming.last;
      if (save(records)) toast("学习记录已恢复");
      renderMyStudy();
    };
    reader.readAsText(file);
  }

  function download(name, content, type) {
    var url = URL.createObjectURL(new Blob([content], { type: type }));
    var anchor = link("", url);
    anchor.download = name;
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 1000);
  }

  function markdownFile(notes) {
    var lines = ["# 学习笔记", ""];
    groupBy(notes, "speech").forEach(function (group) {
      lines.push("## 《" + group.name + "》", "");
      group.entries.forEach(function (note) {
        if (note.quote) lines.push("> “" + note.quote + "”（" + (note.source || note.page) + "）", "");
        if (note.note) lines.push(note.note, "");
        lines.push("出处：[" + (note.label || note.page) + "](" + note.url + ")", "");
      });
    });
    return lines.join("\n");
  }

  // -- a Word file without a library: the few parts Word needs, in an uncompressed ZIP ----

  function xml(text) {
    return String(text)
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;");
  }

  function wordParagraph(text, style) {
    var properties = style ? '<w:pPr><w:pStyle w:val="' + style + '"/></w:pPr>' : "";
    return "<w:p>" + properties + '<w:r><w:t xml:space="preserve">' + xml(text) + "</w:t></w:r></w:p>";
  }

  function wordFile(notes) {
    var body = [wordParagraph("学习笔记", "Title")];
    groupBy(notes, "speech").forEach(function (group) {
      body.push(wordParagraph("《" + group.name + "》", "Heading1"));
      group.entries.forEach(function (note) {
        if (note.quote) body.push(wordParagraph("“" + note.quote + "”（" + (note.source || note.page) + "）", "Quote"));
        if (note.note) body.push(wordParagraph(note.note));
        body.push(wordParagraph("出处：" + (note.label ? note.label + " · " : "") + (note.source || note.page)));
      });
    });
    var W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    var fonts = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体"/>';
    var heading = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="黑体"/>';
    var files = {
      "[Content_Types].xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
      "_rels/.rels":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      "word/_rels/document.xml.rels":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
      "word/styles.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ' + W + ">" +
        '<w:docDefaults><w:rPrDefault><w:rPr>' + fonts + '<w:sz w:val="24"/><w:lang w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>' +
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/></w:pPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr>' + heading + '<w:b/><w:sz w:val="36"/></w:rPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="240"/></w:pPr><w:rPr>' + heading + '<w:b/><w:sz w:val="28"/></w:rPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="420"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体"/></w:rPr></w:style></w:styles>',
      "word/document.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ' + W + "><w:body>" + body.join("") +
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>',
    };
    return zip(files);
  }

  var CRC_TABLE = (function () {
    var table = [];
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table.push(c >>> 0);
    }
    return table;
  })();

  function crc32(bytes) {
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  }

  function zip(files) {
    // A ZIP with each member stored (no compression): local headers, data, central directory.
    var encoder = new TextEncoder();
    var parts = [];
    var central = [];
    var offset = 0;
    function header(size) {
      return new DataView(new ArrayBuffer(size));
    }
    Object.keys(files).forEach(function (name) {
      var nameBytes = encoder.encode(name);
      var data = encoder.encode(files[name]);
      var crc = crc32(data);
      var local = header(30);
      local.setUint32(0, 0x04034b50, true);
      local.setUint16(4, 20, true);
      local.setUint16(6, 0x0800, true); // names are UTF-8
      local.setUint32(14, crc, true);
      local.setUint32(18, data.length, true);
      local.setUint32(22, data.length, true);
      local.setUint16(26, nameBytes.length, true);
      parts.push(local.buffer, nameBytes, data);
      var entry = header(46);
      entry.setUint32(0, 0x02014b50, true);
      entry.setUint16(4, 20, true);
      entry.setUint16(6, 20, true);
      entry.setUint16(8, 0x0800, true);
      entry.setUint32(16, crc, true);
      entry.setUint32(20, data.length, true);
      entry.setUint32(24, data.length, true);
      entry.setUint16(28, nameBytes.length, true);
      entry.setUint32(42, offset, true);
      central.push(entry.buffer, nameBytes);
      offset += 30 + nameBytes.length + data.length;
    });
    var centralSize = central.reduce(function (sum, part) {
      return sum + part.byteLength;
    }, 0);
    var end = header(22);
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, Object.keys(files).length, true);
    end.setUint16(10, Object.keys(files).length, true);
    end.setUint32(12, centralSize, true);
    end.setUint32(16, offset, true);
    return new Blob(parts.concat(central, [end.buffer]));
  }

  // -- start ----------------------------------------------------------------------------------

  function start() {
    if (!article) return;
    if (page.kind === "item") itemTools();
    if (page.kind === "full") fullTextTools();
    if (page.kind === "speech" || page.kind === "topic") speechProgress();
    if (page.kind === "home") continueStudying();
    if (page.kind === "item" || page.kind === "part" || page.kind === "full" || page.kind === "speech") remember();
    if (document.getElementById("study-my")) renderMyStudy();
    showPageNotes();
    applyHighlights();
    document.addEventListener("mouseup", function (event) {
      if (selectionBar && selectionBar.contains(event.target)) return;
      setTimeout(onSelection, 0);
    });
    document.addEventListener("touchend", function () {
      setTimeout(onSelection, 300);
    });
    document.addEventListener("keyup", function (event) {
      if (event.shiftKey) onSelection();
    });
    document.addEventListener("mousedown", function (event) {
      if (selectionBar && !selectionBar.contains(event.target)) hideSelectionBar();
    });
  }

  start();
})();
