/*
 * Study-site compare view: two speeches side by side, topic by topic.
 *
 * The data (written by hooks/speechkit/pages/compare.py) are small scripts under compare/:
 * list.js (every speech, its default partner, the topics in order) and one file per
 * speech with its items by topic, so a view loads the list and two speeches. Scripts,
 * not fetch(), so the page works from disk (file://). The speeches are named in the
 * page's fragment (#a=slug&b=slug), so a comparison can be bookmarked. Document text is
 * only ever set as textContent.
 */
(function () {
  "use strict";

  var root = document.getElementById("study-compare");
  if (!root) return;

  var SIDES = ["a", "b"];
  var SIDE_NAMES = { a: "甲", b: "乙" };
  // The data scripts (data-scripts.js) call studyCompare.receive.
  var scripts = window.studyDataScripts("compare/", function (key) {
    return "对比数据文件缺失（" + key + "），请重新生成站点";
  });
  var load = scripts.load;
  var siteBase = scripts.base;
  window.studyCompare = { receive: scripts.receive };

  /** An element with a class and, if given, its text. */
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** A link to a page of the site (``url`` relative to its root). */
  function link(url, text) {
    var anchor = element("a", "", text);
    anchor.href = new URL(url, siteBase).href;
    return anchor;
  }

  /** The speeches the fragment names, as indexes into the list (b defaults to a's partner). */
  function chosen(list) {
    var fragment = new URLSearchParams(location.hash.replace(/^#/, ""));
    var bySlug = {};
    list.speeches.forEach(function (speech, index) {
      bySlug[speech[0]] = index;
    });
    var a = bySlug[fragment.get("a")];
    if (a === undefined) a = 0;
    var b = bySlug[fragment.get("b")];
    if (b === undefined) b = list.speeches[a][4];
    return { a: a, b: b };
  }

  /** A speech as the pickers name it: its title, with its place (unless the title says it) and date. */
  function described(speech) {
    var place = speech[3] && speech[1].indexOf(speech[3]) < 0 ? speech[3] : "";
    var extra = [place, speech[2]].filter(Boolean).join(" · ");
    return speech[1] + (extra ? "（" + extra + "）" : "");
  }

  /** The two pickers: every speech, by title, place and date. */
  function pickers(list, picked) {
    var form = element("form", "study-compare__pickers");
    SIDES.forEach(function (side) {
      var label = element("label", "study-compare__picker");
      label.appendChild(element("span", "study-compare__side", SIDE_NAMES[side]));
      var select = element("select");
      select.name = side;
      list.speeches.forEach(function (speech, index) {
        var option = element("option", "", described(speech));
        option.value = speech[0];
        option.selected = index === picked[side];
        select.appendChild(option);
      });
      select.addEventListener("change", function () {
        var next = new URLSearchParams();
        SIDES.forEach(function (s) {
          next.set(s, form.elements[s].value);
        });
        location.hash = next.toString();
      });
      label.appendChild(select);
      form.appendChild(label);
    });
    return form;
  }

  /** A speech's column head: its title linked to its home, and its byline. */
  function head(side, speech) {
    var cell = element("div", "study-compare__head");
    cell.appendChild(element("span", "study-compare__side", SIDE_NAMES[side]));
    cell.appendChild(link(speech.url, speech.title));
    if (speech.byline) cell.appendChild(element("div", "study-compare__byline", speech.byline));
    // A speech of one piece (no numbered points) has nothing to set beside a topic.
    if (!speech.items) cell.appendChild(element("div", "study-compare__byline", "全文一篇，没有分条的要点"));
    return cell;
  }

  /** One speech's items on a topic, or a note that it has none. */
  function column(side, items) {
    var cell = element("div", "study-compare__column study-compare__column--" + side);
    cell.dataset.side = SIDE_NAMES[side];
    if (!items) {
      cell.appendChild(element("p", "study-compare__none", "未论及"));
      return cell;
    }
    var listing = element("ul");
    items.forEach(function (item) {
      var entry = element("li");
      entry.appendChild(link(item[2], item[0] + "　" + item[1]));
      entry.appendChild(element("span", "study-compare__part", item[3]));
      listing.appendChild(entry);
    });
    cell.appendChild(listing);
    return cell;
  }

  /** The view of two loaded speeches: every topic either treats, linked to its place in the topic index. */
  function comparison(list, speeches) {
    var byTopic = SIDES.map(function (_, n) {
      var found = {};
      speeches[n].topics.forEach(function (pair) {
        found[pair[0]] = pair[1];
      });
      return found;
    });
    var view = element("div", "study-compare__view");
    var heads = element("div", "study-compare__row study-compare__row--heads");
    SIDES.forEach(function (side, n) {
      heads.appendChild(head(side, speeches[n]));
    });
    view.appendChild(heads);
    var rows = { both: [], a: [], b: [] };
    list.topics.forEach(function (topic) {
      var a = byTopic[0][topic[0]];
      var b = byTopic[1][topic[0]];
      if (!a && !b) return;
      var which = a && b ? "both" : a ? "a" : "b";
      var section = element("section", "study-compare__topic study-compare__topic--" + which);
      var title = section.appendChild(element("h2"));
      title.appendChild(topic[1] ? link(topic[1], topic[0]) : document.createTextNode(topic[0]));
      var mark = which === "both" ? "两篇均论及" : "仅" + SIDE_NAMES[which] + "篇论及";
      title.appendChild(element("span", "study-compare__mark", mark));
      var row = section.appendChild(element("div", "study-compare__row"));
      row.appendChild(column("a", a));
      row.appendChild(column("b", b));
      rows[which].push(section);
    });
    view.appendChild(
      element("p", "study-compare__summary",
        "两篇均论及 " + rows.both.length + " 个主题，仅甲篇论及 " + rows.a.length + " 个，仅乙篇论及 " + rows.b.length + " 个。")
    );
    // What both treat first, then what only one does: each in the taxonomy's order.
    rows.both.concat(rows.a, rows.b).forEach(function (section) {
      view.appendChild(section);
    });
    return view;
  }

  /** Show the comparison the fragment asks for. */
  function show(list) {
    var picked = chosen(list);
    root.replaceChildren(pickers(list, picked));
    if (picked.a === picked.b || picked.b < 0) {
      root.appendChild(element("p", "study-compare__note", "请选择另一篇讲话进行对比。"));
      return;
    }
    var status = root.appendChild(element("p", "study-compare__note", "正在载入……"));
    Promise.all([load(String(picked.a)), load(String(picked.b))]).then(
      function (speeches) {
        status.replaceWith(comparison(list, speeches));
      },
      function () {
        status.textContent = "对比数据未能载入。";
      }
    );
  }

  load("list").then(function (list) {
    show(list);
    window.addEventListener("hashchange", function () {
      show(list);
    });
  });
})();
