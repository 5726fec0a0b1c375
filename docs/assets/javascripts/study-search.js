/*
 * Study-site search: exact Chinese phrase search over a sharded bigram index.
 *
 * The index (written by hooks/speechkit/search_index.py) is a set of small scripts under
 * search/: a manifest, postings shards (bigram -> gaps between document ids) and chunks
 * of document text. A query loads only the shards of a few of its bigrams, intersects
 * them, then checks the phrase against the candidates' text, most specific kind first
 * (topic, item, part, speech, paragraph of the full text). Scripts, not fetch(), so the
 * same site works from disk (file://). Speech text is only ever set as textContent.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 10; // results shown at first and per "more"
  var CHUNK_WINDOW = 4; // text chunks loaded in parallel while verifying
  var CHUNK_BUDGET = 24; // text chunks one page of results may load (then "more")
  var FUZZY_GRAMS = 12; // bigrams used when no exact match is found
  var KIND_LABELS = { topic: "主题", item: "条目", part: "部分", speech: "导读", paragraph: "全文" };
  var WORD = /[\p{L}\p{N}]/u;

  var configElement = document.getElementById("__config");
  var siteBase = new URL(
    (configElement ? JSON.parse(configElement.textContent).base : ".").replace(/\/?$/, "/"),
    location.href
  );

  /* -- loading index scripts ---------------------------------------------------------- */

  var pending = {};

  window.studySearch = {
    /** Called by every index script with its key and data. */
    receive: function (key, data) {
      if (pending[key]) pending[key].resolve(data);
    },
    /** Run a query without the dialog (used by tests and the benchmark). */
    query: function (text, filter) {
      return search(text, filter || {}, PAGE_SIZE);
    }
  };

  /** The manifest, with its chunk starts turned from gaps back into document ids. */
  function loadManifest() {
    return load("manifest").then(function (data) {
      if (!data.chunkStarts) {
        var id = 0;
        data.chunkStarts = data.chunks.map(function (gap) {
          return (id += gap);
        });
      }
      return data;
    });
  }

  /** Load search/<key>.js once; resolve with the data it hands over. */
  function load(key) {
    if (!pending[key]) {
      var entry = {};
      entry.promise = new Promise(function (resolve, reject) {
        entry.resolve = resolve;
        entry.reject = reject;
      });
      pending[key] = entry;
      var script = document.createElement("script");
      script.src = new URL("search/" + key + ".js", siteBase).href;
      script.async = true;
      script.onerror = function () {
        delete pending[key];
        entry.reject(new Error("search index file missing: " + key));
      };
      document.head.appendChild(script);
    }
    return pending[key].promise;
  }

  /* -- text -------------------------------------------------------------------------- */

  /** Letters and digits only, NFKC, lower case: the same as the index's normalize(). */
  function normalize(text) {
    return normalizeWithMap(text).text;
  }

  /** Normalized text plus, for each of its characters, the offset in the original. */
  function normalizeWithMap(text) {
    var chars = [];
    var map = [];
    var offset = 0;
    for (var ch of text) {
      for (var c of ch.normalize("NFKC").toLowerCase()) {
        if (WORD.test(c)) {
          chars.push(c);
          map.push(offset);
        }
      }
      offset += ch.length;
    }
    return { text: chars.join(""), map: map, chars: chars };
  }

  /** FNV-1a over code points, as search_index.shard_of computes it. */
  function shardOf(bigram, shards) {
    var hash = 2166136261;
    for (var ch of bigram) {
      hash ^= ch.codePointAt(0);
      hash = Math.imul(hash, 16777619) >>> 0;
    }
    return hash % shards;
  }

  /** All bigrams of a normalized term. */
  function bigrams(term) {
    var chars = Array.from(term);
    var grams = [];
    for (var i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + chars[i + 1]);
    return grams;
  }

  /** At most `count` bigrams spread over the list, first and last included. */
  function spread(grams, count) {
    if (grams.length <= count) return grams;
    var picked = [];
    for (var i = 0; i < count; i++) picked.push(grams[Math.round((i * (grams.length - 1)) / (count - 1))]);
    return Array.from(new Set(picked));
  }

  /* -- the index --------------------------------------------------------------------- */

  /** Document ids holding a bigram. */
  function postings(gram, manifest) {
    return load("shards/" + shardOf(gram, manifest.shards)).then(function (shard) {
      if (!Object.prototype.hasOwnProperty.call(shard, gram)) return [];
      var id = 0;
      return shard[gram].map(function (gap) {
        return (id += gap);
      });
    });
  }

  /** Ids present in every sorted list. */
  function intersect(lists) {
    if (!lists.length) return [];
    lists.sort(function (a, b) {
      return a.length - b.length;
    });
    var result = lists[0];
    for (var i = 1; i < lists.length && result.length; i++) {
      var other = new Set(lists[i]);
      result = result.filter(function (id) {
        return other.has(id);
      });
    }
    return result;
  }

  /** The chunk number holding a document id (binary search over chunk starts). */
  function chunkOf(id, manifest) {
    var starts = manifest.chunkStarts;
    var low = 0;
    var high = starts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (starts[middle] <= id) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** A document record: {id, kind, url, title, context, speech, tags, text}. */
  function record(id, manifest) {
    var chunk = chunkOf(id, manifest);
    return load("chunks/" + chunk).then(function (rows) {
      var row = rows[id - manifest.chunkStarts[chunk]];
      return {
        id: id,
        kind: manifest.kinds[row[0]][0],
        url: row[1],
        title: row[2],
        context: row[3],
        speechIndex: row[4],
        tags: row[5],
        text: row[6]
      };
    });
  }

  /* -- searching --------------------------------------------------------------------- */

  /**
   * Search for every space-separated term of `query` as an exact phrase; fall back to
   * the documents sharing most of its bigrams when nothing matches exactly.
   * Resolves with {items, total, complete, exact, more()}.
   */
  function search(query, filter, limit) {
    var terms = query
      .split(/\s+/)
      .map(normalize)
      .filter(function (term) {
        return term.length > 0;
      });
    return Promise.all([loadManifest(), filter.speech || filter.topic ? load("facets") : null]).then(function (loaded) {
      var manifest = loaded[0];
      var accept = acceptor(filter, loaded[1]);
      var grams = [];
      terms.forEach(function (term) {
        grams = grams.concat(spread(bigrams(term), 3));
      });
      if (!grams.length) return { items: [], total: 0, complete: true, exact: true, tooShort: terms.length > 0 };
      return Promise.all(
        grams.map(function (gram) {
          return postings(gram, manifest);
        })
      ).then(function (lists) {
        var verifier = exactVerifier(intersect(lists), terms, accept, manifest);
        return verifier(limit).then(function (page) {
          if (page.items.length) return page;
          return fuzzy(terms, accept, manifest, limit);
        });
      });
    });
  }

  /** A filter predicate on records from the chosen speech and topic. */
  function acceptor(filter, facets) {
    var speech = filter.speech ? facets.speeches.indexOf(filter.speech) : -1;
    return function (doc) {
      if (filter.speech && doc.speechIndex !== speech) return false;
      if (filter.topic && doc.kind !== "topic" && doc.tags.indexOf(filter.topic) < 0) return false;
      if (filter.topic && doc.kind === "topic" && doc.title !== filter.topic) return false;
      return true;
    };
  }

  /** Checks candidates in rank order, a window of chunks at a time; pages through them. */
  function exactVerifier(candidates, terms, accept, manifest) {
    var next = 0;
    var found = 0;
    function verify(limit) {
      var items = [];
      var chunksLoaded = 0;
      function step() {
        if (items.length >= limit || next >= candidates.length || chunksLoaded >= CHUNK_BUDGET) {
          var complete = next >= candidates.length;
          return Promise.resolve({
            items: rankWithinKind(items, terms),
            total: found,
            complete: complete,
            exact: true,
            more: complete ? null : verify
          });
        }
        var window = [];
        var chunks = new Set();
        while (next < candidates.length) {
          var chunk = chunkOf(candidates[next], manifest);
          if (!chunks.has(chunk) && chunks.size >= CHUNK_WINDOW) break;
          chunks.add(chunk);
          window.push(candidates[next++]);
        }
        chunksLoaded += chunks.size;
        return Promise.all(
          window.map(function (id) {
            return record(id, manifest);
          })
        ).then(function (docs) {
          docs.forEach(function (doc) {
            var haystack = normalize(doc.kind === "topic" ? doc.title : doc.text);
            var matches = terms.every(function (term) {
              return haystack.indexOf(term) >= 0;
            });
            if (matches && accept(doc)) {
              found++;
              items.push(doc);
            }
          });
          return step();
        });
      }
      return step();
    }
    return verify;
  }

  /** Within one kind, put documents whose title holds the query first (stable otherwise). */
  function rankWithinKind(items, terms) {
    var order = { topic: 0, item: 1, part: 2, speech: 3, paragraph: 4 };
    return items
      .map(function (doc, index) {
        var title = normalize(doc.title);
        var inTitle = terms.every(function (term) {
          return title.indexOf(term) >= 0;
        });
        return { doc: doc, key: [order[doc.kind], inTitle ? 0 : 1, index] };
      })
      .sort(function (a, b) {
        return a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2];
      })
      .map(function (entry) {
        return entry.doc;
      });
  }

  /** Documents sharing at least half of the query's bigrams, most shared first. */
  function fuzzy(terms, accept, manifest, limit) {
    var grams = [];
    terms.forEach(function (term) {
      grams = grams.concat(bigrams(term));
    });
    grams = spread(Array.from(new Set(grams)), FUZZY_GRAMS);
    return Promise.all(
      grams.map(function (gram) {
        return postings(gram, manifest);
      })
    ).then(function (lists) {
      var counts = new Map();
      lists.forEach(function (ids) {
        ids.forEach(function (id) {
          counts.set(id, (counts.get(id) || 0) + 1);
        });
      });
      var needed = Math.max(2, Math.ceil(grams.length / 2));
      var ranked = Array.from(counts.entries())
        .filter(function (entry) {
          return entry[1] >= needed;
        })
        .sort(function (a, b) {
          return b[1] - a[1] || a[0] - b[0];
        })
        .slice(0, limit * 3);
      return Promise.all(
        ranked.map(function (entry) {
          return record(entry[0], manifest);
        })
      ).then(function (docs) {
        var items = docs.filter(accept).slice(0, limit);
        return { items: items, total: items.length, complete: true, exact: false, more: null };
      });
    });
  }

  /* -- showing results --------------------------------------------------------------- */

  /** A snippet of the text around the first term, the terms marked. */
  function snippet(text, terms) {
    var normal = normalizeWithMap(text);
    var spans = [];
    terms.forEach(function (term) {
      var from = 0;
      var at;
      var length = Array.from(term).length;
      var joined = normal.chars;
      var flat = normal.text;
      while ((at = flat.indexOf(term, from)) >= 0) {
        var startChar = Array.from(flat.slice(0, at)).length;
        var start = normal.map[startChar];
        var endIndex = normal.map[startChar + length - 1];
        var end = endIndex + joined[startChar + length - 1].length;
        // Widen to the end of the original character (surrogate pairs).
        while (end < text.length && /[\uDC00-\uDFFF]/.test(text[end])) end++;
        spans.push([start, end]);
        from = at + term.length;
      }
    });
    spans.sort(function (a, b) {
      return a[0] - b[0];
    });
    var first = spans.length ? spans[0][0] : 0;
    var begin = Math.max(0, first - 30);
    var finish = Math.min(text.length, begin + 120);
    var fragment = document.createDocumentFragment();
    if (begin > 0) fragment.appendChild(document.createTextNode("…"));
    var cursor = begin;
    spans.forEach(function (span) {
      if (span[0] < cursor || span[0] >= finish) return;
      fragment.appendChild(document.createTextNode(text.slice(cursor, span[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(span[0], Math.min(span[1], finish));
      fragment.appendChild(mark);
      cursor = Math.min(span[1], finish);
    });
    fragment.appendChild(document.createTextNode(text.slice(cursor, finish)));
    if (finish < text.length) fragment.appendChild(document.createTextNode("…"));
    return fragment;
  }

  /** One result as Material styles it: kind, title, where it stands, snippet. */
  function resultElement(doc, terms, query, speeches) {
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    var target = new URL(doc.url, siteBase);
    if (doc.kind !== "topic") target.searchParams.set("q", query);
    link.href = target.href;
    link.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset study-search__result";
    var heading = document.createElement("h1");
    var kind = document.createElement("span");
    kind.className = "study-search__kind study-search__kind--" + doc.kind;
    kind.textContent = KIND_LABELS[doc.kind];
    heading.appendChild(kind);
    heading.appendChild(document.createTextNode(doc.title));
    article.appendChild(heading);
    var where = document.createElement("p");
    where.className = "study-search__where";
    var speech = speeches && doc.speechIndex >= 0 ? speeches[doc.speechIndex] : "";
    where.textContent = [doc.context, speech ? "《" + speech + "》" : ""].filter(Boolean).join(" · ");
    article.appendChild(where);
    if (doc.kind !== "topic") {
      var text = document.createElement("p");
      text.appendChild(snippet(doc.text, terms));
      article.appendChild(text);
    }
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  /* -- the dialog -------------------------------------------------------------------- */

  function setUp() {
    var dialog = document.querySelector("[data-study-search]");
    if (!dialog) return;
    var toggle = document.getElementById("__search");
    var input = dialog.querySelector("[data-study-search-input]");
    var list = dialog.querySelector("[data-study-search-list]");
    var meta = dialog.querySelector("[data-study-search-meta]");
    var more = dialog.querySelector("[data-study-search-more]");
    var speechSelect = dialog.querySelector("[data-study-search-speech]");
    var topicSelect = dialog.querySelector("[data-study-search-topic]");
    var facets = null;
    var generation = 0;
    var selected = -1;
    var current = null; // the last page of results, with its terms and query

    function open() {
      if (toggle && !toggle.checked) {
        toggle.checked = true;
        toggle.dispatchEvent(new Event("change"));
      }
      if (!facets) loadFacets();
    }

    function loadFacets() {
      facets = load("facets").then(function (data) {
        data.speeches.forEach(function (title) {
          speechSelect.appendChild(new Option(title, title));
        });
        data.topics.forEach(function (name) {
          topicSelect.appendChild(new Option(name, name));
        });
        return data;
      });
      return facets;
    }

    function render(page, terms, query, append) {
      return (facets || loadFacets()).then(function (data) {
        if (!append) list.textContent = "";
        page.items.forEach(function (doc) {
          list.appendChild(resultElement(doc, terms, query, data.speeches));
        });
        var shown = list.children.length;
        if (!shown) meta.textContent = "没有找到符合条件的结果";
        else if (!page.exact) meta.textContent = "没有完全一致的结果，以下 " + shown + " 条内容相近";
        else if (page.complete) meta.textContent = "找到 " + page.total + " 条结果";
        else meta.textContent = "已显示 " + shown + " 条结果，还有更多";
        more.hidden = !page.more;
        current = { more: page.more, terms: terms, query: query };
        if (!append) select(-1);
      });
    }

    function run() {
      var query = input.value.trim();
      var mine = ++generation;
      if (!query) {
        list.textContent = "";
        meta.textContent = "输入关键词，按短语精确查找";
        more.hidden = true;
        return;
      }
      var filter = { speech: speechSelect.value, topic: topicSelect.value };
      var terms = query.split(/\s+/).map(normalize).filter(Boolean);
      search(query, filter, PAGE_SIZE).then(
        function (page) {
          if (mine !== generation) return;
          if (page.tooShort) {
            list.textContent = "";
            meta.textContent = "请至少输入两个字";
            more.hidden = true;
            return;
          }
          return render(page, terms, query, false);
        },
        function (error) {
          if (mine === generation) meta.textContent = "搜索出错：" + error.message;
        }
      );
    }

    function select(index) {
      var items = list.querySelectorAll(".md-search-result__link");
      items.forEach(function (element, i) {
        element.classList.toggle("study-search__selected", i === index);
      });
      selected = index;
      if (items[index]) items[index].scrollIntoView({ block: "nearest" });
    }

    input.addEventListener("focus", open);
    input.addEventListener("input", run);
    speechSelect.addEventListener("change", run);
    topicSelect.addEventListener("change", run);
    dialog.querySelector("[data-study-search-reset]").addEventListener("click", function () {
      input.value = "";
      run();
      input.focus();
    });
    more.addEventListener("click", function () {
      if (!current || !current.more) return;
      var shown = current;
      shown.more(PAGE_SIZE).then(function (next) {
        render(next, shown.terms, shown.query, true);
      });
    });
    if (toggle) {
      toggle.addEventListener("change", function () {
        if (toggle.checked) setTimeout(function () { input.focus(); }, 50);
      });
    }
    input.addEventListener("keydown", function (event) {
      var count = list.querySelectorAll(".md-search-result__link").length;
      if (event.key === "ArrowDown") {
        select(Math.min(count - 1, selected + 1));
        event.preventDefault();
      } else if (event.key === "ArrowUp") {
        select(Math.max(-1, selected - 1));
        event.preventDefault();
      } else if (event.key === "Enter") {
        var links = list.querySelectorAll(".md-search-result__link");
        var target = links[selected >= 0 ? selected : 0];
        if (target) location.href = target.href;
        event.preventDefault();
      } else if (event.key === "Escape") {
        toggle.checked = false;
        toggle.dispatchEvent(new Event("change"));
        input.blur();
      }
    });
    document.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
      if (!typing && (event.key === "/" || event.key === "s")) {
        open();
        input.focus();
        event.preventDefault();
      }
    });
  }

  /** Mark the query on the page a result led to (?q=…), and scroll to the first mark. */
  function highlightArrival() {
    var query = new URLSearchParams(location.search).get("q");
    var article = document.querySelector("article.md-content__inner");
    if (!query || !article) return;
    var terms = query.split(/\s+/).filter(Boolean);
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var first = null;
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var spans = [];
      terms.forEach(function (term) {
        var at = text.indexOf(term);
        while (at >= 0) {
          spans.push([at, at + term.length]);
          at = text.indexOf(term, at + term.length);
        }
      });
      if (!spans.length) return;
      spans.sort(function (a, b) {
        return a[0] - b[0];
      });
      var fragment = document.createDocumentFragment();
      var cursor = 0;
      spans.forEach(function (span) {
        if (span[0] < cursor) return;
        fragment.appendChild(document.createTextNode(text.slice(cursor, span[0])));
        var mark = document.createElement("mark");
        mark.textContent = text.slice(span[0], span[1]);
        fragment.appendChild(mark);
        first = first || mark;
        cursor = span[1];
      });
      fragment.appendChild(document.createTextNode(text.slice(cursor)));
      node.parentNode.replaceChild(fragment, node);
    });
    if (first && !location.hash) first.scrollIntoView({ block: "center" });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      setUp();
      highlightArrival();
    });
  } else {
    setUp();
    highlightArrival();
  }
})();
