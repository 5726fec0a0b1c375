/*
 * Study-site search: ranked Chinese search over a sharded bigram index.
 *
 * The index (written by hooks/speechkit/search/index.py) is a set of small scripts under
 * search/: a manifest, postings shards (bigram -> document ids with a BM25 weight level),
 * chunks of document text and the facets (speech titles with their speaker, meeting and
 * year; topics). A query loads only the shards of its bigrams, scores the documents
 * that hold each word, then checks the words as phrases in the best candidates' text.
 * Scripts, not fetch(), so the same site works from disk (file://). Speech text is only
 * ever set as textContent.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 10; // results shown at first and per "more"
  var CHUNK_WINDOW = 4; // text chunks loaded in parallel while verifying
  var CHUNK_BUDGET = 24; // text chunks one page of results may load (then "more")
  var FUZZY_GRAMS = 12; // bigrams used when no document holds a word
  var FUZZY_READINGS = 8; // readings of the query tried then (its words or their synonyms)
  var FUZZY_CHECKED = 30; // fuzzy matches whose text is read to see which hold the bigrams together
  var FUZZY_SPAN = 3; // "together": within this many characters per bigram of the reading
  var MAX_GRAMS = 6; // bigrams of one word looked up (spread over it); the phrase check does the rest
  // A word found only in the speech's title, speaker, meeting or year counts this share
  // of a body hit: it says which speech, not which of its items.
  var META_WEIGHT = 0.7;
  // Items are what a reader studies: a part's lead, a speech's opening and closing, a
  // paragraph no page shows, all long, would otherwise win on the words they share.
  var KIND_PRIOR = { topic: 1, item: 1, part: 0.85, speech: 0.7, paragraph: 0.6 };
  var SYNONYM_WEIGHT = 0.8; // a synonym's hit counts a little less than the word typed
  var QUESTION_WEIGHT = 0.9; // the word read without its question words (为什么要变革 → 变革)
  // A word of SPLIT_MIN characters or more is also found as two pieces standing apart
  // (恢复经济: 经济事业的恢复; 延迟退休: 延迟法定退休年龄), counting this share of a hit.
  var SPLIT_MIN = 4;
  var SPLIT_WEIGHT = 0.5;
  var SPLIT_WINDOW = 10; // at most this many characters between the pieces, either order
  // A query puts a topic or speech page first when its bigrams cover this share of the
  // title's and the title holds this share of the query's ("为人民服务", most of a title).
  var TITLE_COVER = 0.6;
  var QUERY_IN_TITLE = 0.8;
  // A speech the query describes (a word of its title, the rest its speaker or year)
  // comes next, below a page the query names (tier: the share of the title covered).
  var DESCRIBED_TIER = 0.5;
  var KIND_LABELS = { topic: "主题", item: "条目", part: "部分", speech: "导读", paragraph: "全文" };
  var KIND_INDEX = { topic: 0, item: 1, part: 2, speech: 3, paragraph: 4 };
  var WORD = /[\p{L}\p{N}]/u;
  // Set before this script loads (window.studySearchOptions = {synonyms: false, split:
  // false}) to measure without query expansion or split words.
  var options = window.studySearchOptions || {};

  /* -- loading index scripts (data-scripts.js) --------------------------------------- */

  var scripts = window.studyDataScripts("search/", function (key) {
    return "搜索索引文件缺失（" + key + "），请重新生成站点";
  });
  var load = scripts.load;
  var siteBase = scripts.base;

  window.studySearch = {
    /** Called by every index script with its key and data. */
    receive: scripts.receive,
    /** Run a query without the dialog (used by tests and the benchmark); `progress` as search's. */
    query: function (text, filter, progress) {
      return search(text, filter || {}, PAGE_SIZE, progress);
    }
  };

  /** The manifest, with its gaps turned back into document ids: where each chunk, each
   * kind and each speech's documents of a kind start. */
  function loadManifest() {
    return load("manifest").then(function (data) {
      if (!data.chunkStarts) {
        data.chunkStarts = sums(data.chunks);
        var start = 0;
        data.kindStarts = data.kinds.map(function (kind) {
          var first = start;
          start += kind[1];
          return first;
        });
        data.speechStartIds = {};
        Object.keys(data.speechStarts).forEach(function (kind) {
          data.speechStartIds[kind] = sums(data.speechStarts[kind]);
        });
      }
      return data;
    });
  }

  /** Running sums of gaps: the ids they stand for. */
  function sums(gaps) {
    var id = 0;
    return gaps.map(function (gap) {
      return (id += gap);
    });
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

  /** Postings of a bigram: {ids, levels}, ids ascending (each value is gap * manifest.levels + level). */
  function postings(gram, manifest) {
    return load("shards/" + shardOf(gram, manifest.shards)).then(function (shard) {
      var ids = [];
      var levels = [];
      if (!Object.prototype.hasOwnProperty.call(shard, gram)) return { ids: ids, levels: levels };
      var id = 0;
      shard[gram].forEach(function (value) {
        id += Math.floor(value / manifest.levels);
        ids.push(id);
        levels.push(value % manifest.levels);
      });
      return { ids: ids, levels: levels };
    });
  }

  /** BM25's inverse document frequency of a bigram held by `held` of `total` documents. */
  function idf(held, total) {
    return Math.log(1 + (total - held + 0.5) / (held + 0.5));
  }

  /** The chunk number holding a document id (binary search over chunk starts). */
  function chunkOf(id, manifest) {
    return lastAtMost(manifest.chunkStarts, id);
  }

  /** The index of the last entry of an ascending list that is ≤ value (0 if none). */
  function lastAtMost(starts, value) {
    var low = 0;
    var high = starts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (starts[middle] <= value) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** The speech a document belongs to (-1 for topics), from the manifest alone. */
  function speechOf(id, manifest) {
    var kind = lastAtMost(manifest.kindStarts, id);
    var starts = manifest.speechStartIds[manifest.kinds[kind][0]];
    return starts ? lastAtMost(starts, id) : -1;
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
   * Rank the documents for the space-separated words of `query`: pages whose title the
   * query is (or most of) first, then documents holding every word (in their own text or
   * their speech's title, speaker, meeting, year), then those holding some, each group by
   * BM25 score; a word must stand in the text as a phrase. When no document holds any
   * word, the documents sharing most of its bigrams.
   * Resolves with {items, total, complete, exact, more()}. `progress`, if given, is
   * called with the results already certain (nothing unchecked can rank above them)
   * while the rest are checked, so the first result shows without waiting for ten.
   */
  function search(query, filter, limit, progress) {
    var terms = queryTerms(query);
    return Promise.all([loadManifest(), load("facets")]).then(function (loaded) {
      var manifest = loaded[0];
      var facets = loaded[1];
      var accept = acceptor(filter);
      if (!terms.some(function (term) { return bigrams(term).length; })) {
        return { items: [], total: 0, complete: true, exact: true, tooShort: terms.length > 0 };
      }
      var words = terms.map(function (term) {
        return alternatives(term, manifest);
      });
      return Promise.all(
        words.map(function (alts) {
          return Promise.all(alts.map(function (alt) { return altHits(alt, manifest); }));
        })
      ).then(function (hits) {
        var candidates = score(words, hits, manifest, facets, terms, filter);
        if (!candidates.length) return fuzzy(words, accept, manifest, limit);
        return rankedPager(candidates, words, accept, manifest)(limit, progress).then(function (page) {
          return page.items.length ? page : fuzzy(words, accept, manifest, limit);
        });
      });
    });
  }

  /** The query's words, normalized; a word of one character is kept only with others. */
  function queryTerms(query) {
    return query.split(/\s+/).map(normalize).filter(function (term) {
      return term.length > 0;
    });
  }

  /** A word and the words it may stand for, the word itself first: a synonym
   * (synonyms.yml) in place of the word or of the part of it a group holds (尊重老师 →
   * 尊重教师). */
  function alternatives(term, manifest) {
    var alts = [{ term: term, weight: 1 }];
    var asked = withoutQuestion(term, manifest);
    if (asked !== term && asked.length >= 2) alts.push({ term: asked, weight: QUESTION_WEIGHT });
    if (options.synonyms === false) return withSplits(alts);
    var seen = new Set(alts.map(function (alt) { return alt.term; }));
    (manifest.synonyms || []).forEach(function (group) {
      group.forEach(function (word) {
        if (term.indexOf(word) < 0) return;
        group.forEach(function (other) {
          var alt = term.split(word).join(other);
          if (seen.has(alt)) return;
          seen.add(alt);
          alts.push({ term: alt, weight: SYNONYM_WEIGHT });
        });
      });
    });
    return withSplits(alts);
  }

  /** The word without the words of a question it holds (怎么看考试 → 考试). */
  function withoutQuestion(term, manifest) {
    return (manifest.questionWords || []).reduce(function (rest, word) {
      return rest.split(word).join("");
    }, term);
  }

  /** The alternatives, and each long one again as two pieces standing apart. */
  function withSplits(alts) {
    if (options.split === false) return alts;
    var split = [];
    alts.forEach(function (alt) {
      splits(alt.term).forEach(function (parts) {
        split.push({ term: alt.term, parts: parts, weight: alt.weight * SPLIT_WEIGHT });
      });
    });
    return alts.concat(split);
  }

  /** The ways to cut a long word in two pieces of two characters or more (防范化解风险 →
   * 防范|化解风险, 防范化|解风险, 防范化解|风险): where the text puts words between
   * them is not known, so each cut is tried (防范化解重点领域风险). */
  function splits(term) {
    var chars = Array.from(term);
    var cuts = [];
    if (chars.length < SPLIT_MIN) return cuts;
    for (var at = 2; at + 2 <= chars.length; at++) {
      cuts.push([chars.slice(0, at).join(""), chars.slice(at).join("")]);
    }
    return cuts;
  }

  /** Does a normalized text hold the alternative: its word, or its pieces near each other? */
  function holds(text, alt) {
    if (!alt.parts) return text.indexOf(alt.term) >= 0;
    var first = alt.parts[0];
    var second = alt.parts[1];
    for (var at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
      var from = Math.max(0, at - SPLIT_WINDOW - second.length);
      var near = text.slice(from, at + first.length + SPLIT_WINDOW + second.length);
      if (near.indexOf(second) >= 0) return true;
    }
    return false;
  }

  /** An alternative's hits: its word's, or the documents holding both pieces (their scores summed). */
  function altHits(alt, manifest) {
    if (!alt.parts) return wordHits(alt.term, manifest);
    return Promise.all(alt.parts.map(function (part) { return wordHits(part, manifest); })).then(function (found) {
      var scores = new Map();
      found[0].scores.forEach(function (value, id) {
        if (found[1].scores.has(id)) scores.set(id, value + found[1].scores.get(id));
      });
      return { scores: scores, idf: found[0].idf + found[1].idf };
    });
  }

  /** Documents holding every bigram of a term: {scores: id → BM25 score of the term, idf: its bigrams' idf summed}. */
  function wordHits(term, manifest) {
    var grams = spread(Array.from(new Set(bigrams(term))), MAX_GRAMS);
    if (!grams.length) return Promise.resolve({ scores: new Map(), idf: 0 });
    return Promise.all(
      grams.map(function (gram) {
        return postings(gram, manifest);
      })
    ).then(function (lists) {
      lists.sort(function (a, b) {
        return a.ids.length - b.ids.length;
      });
      var idfSum = lists.reduce(function (sum, list) {
        return sum + idf(list.ids.length, manifest.docs);
      }, 0);
      var scores = new Map();
      lists[0].ids.forEach(function (id, i) {
        scores.set(id, weightOf(lists[0], i, manifest));
      });
      for (var n = 1; n < lists.length && scores.size; n++) {
        var next = new Map();
        var list = lists[n];
        list.ids.forEach(function (id, i) {
          if (scores.has(id)) next.set(id, scores.get(id) + weightOf(list, i, manifest));
        });
        scores = next;
      }
      return { scores: scores, idf: idfSum };
    });
  }

  /** The BM25 part of one posting: idf times the stored term-frequency level. */
  function weightOf(list, i, manifest) {
    return idf(list.ids.length, manifest.docs) * (manifest.k1 + 1) * (list.levels[i] / (manifest.levels - 1));
  }

  /** Candidates with their rank keys, from the words' hits, the speeches' facets and titles. */
  function score(words, hits, manifest, facets, terms, filter) {
    var metaHits = words.map(function (alts, w) {
      return speechesHolding(alts, hits[w], facets, manifest);
    });
    var byId = new Map();
    function entry(id) {
      if (!byId.has(id)) {
        byId.set(id, {
          id: id, tier: 0, score: 0,
          own: words.map(function () { return 0; }),
          // each alternative's score, so the phrase check keeps the best one the text holds
          alts: words.map(function (alts) { return alts.map(function () { return 0; }); })
        });
      }
      return byId.get(id);
    }
    hits.forEach(function (alts, w) {
      alts.forEach(function (found, a) {
        var weight = words[w][a].weight;
        found.scores.forEach(function (value, id) {
          var e = entry(id);
          e.alts[w][a] = value * weight;
          e.own[w] = Math.max(e.own[w], value * weight);
        });
      });
    });
    // A speech whose facets hold a word is itself a result (二十大报告: its page).
    var speechStart = manifest.kindStarts[KIND_INDEX.speech];
    metaHits.forEach(function (speeches) {
      speeches.forEach(function (_, index) {
        entry(speechStart + index);
      });
    });
    titlePages(terms, manifest, facets).forEach(function (page) {
      entry(page.id).tier = page.cover;
    });
    describedSpeeches(words, metaHits, facets).forEach(function (index) {
      var e = entry(speechStart + index);
      e.tier = Math.max(e.tier, DESCRIBED_TIER);
    });
    var all = [];
    byId.forEach(function (e) {
      e.speech = speechOf(e.id, manifest);
      if (filter.speech !== undefined && filter.speech !== "" && e.speech !== Number(filter.speech)) return;
      e.kind = manifest.kinds[lastAtMost(manifest.kindStarts, e.id)][0];
      e.meta = words.map(function (_, w) {
        return e.speech >= 0 && metaHits[w].has(e.speech) ? metaHits[w].get(e.speech) : 0;
      });
      all.push(e);
    });
    all.forEach(rekey);
    return all.sort(compareKeys);
  }

  /** Speeches whose title, speaker, meeting or year hold a word: {speech → score}, the
   * score of a body hit of middling frequency (``hits``: the word's alternatives' hits). */
  function speechesHolding(alts, hits, facets, manifest) {
    var found = new Map();
    alts.forEach(function (alt, a) {
      var holders = [];
      if (!facets.searchable) {
        facets.searchable = facets.speeches.map(function (title, index) {
          return normalize(title) + facets.meta[index];
        });
      }
      facets.searchable.forEach(function (text, index) {
        if (holds(text, alt)) holders.push(index);
      });
      var value = META_WEIGHT * (manifest.k1 + 1) * hits[a].idf * alt.weight;
      holders.forEach(function (index) {
        found.set(index, Math.max(found.get(index) || 0, value));
      });
    });
    return found;
  }

  /** Speeches the query describes: their title holds a word and their title, speaker,
   * meeting or year every other (邓小平 教育: 在全国教育工作会议上的讲话). */
  function describedSpeeches(words, metaHits, facets) {
    if (words.length < 2) return [];
    var found = [];
    facets.speeches.forEach(function (title, index) {
      var normal = normalize(title);
      var all = metaHits.every(function (speeches) { return speeches.has(index); });
      var inTitle = words.some(function (alts) { return normal.indexOf(alts[0].term) >= 0; });
      if (all && inTitle) found.push(index);
    });
    return found;
  }

  /** Topic and speech pages whose title the query is, or most of: {id, cover}. */
  function titlePages(terms, manifest, facets) {
    var query = new Set(bigrams(terms.join("")));
    if (!query.size) return [];
    var pages = [];
    function consider(title, id) {
      var grams = new Set(bigrams(normalize(title)));
      if (!grams.size) return;
      var shared = 0;
      grams.forEach(function (gram) {
        if (query.has(gram)) shared++;
      });
      var cover = shared / grams.size;
      if (cover >= TITLE_COVER && shared / query.size >= QUERY_IN_TITLE) pages.push({ id: id, cover: cover });
    }
    facets.topics.forEach(function (name, index) {
      consider(name, index);
    });
    var speechStart = manifest.kindStarts[KIND_INDEX.speech];
    facets.speeches.forEach(function (title, index) {
      consider(title, speechStart + index);
    });
    return pages;
  }

  /** A candidate's rank keys from what it holds: words held, then score (a word counts
   * once, in its text or its speech's facets, whichever weighs more). A word the speech's
   * facets hold counts as a facet hit alone while another word is left to tell the
   * speech's items apart: in 内蒙古 能源 the place says which report, 能源 which item. */
  function rekey(e) {
    e.held = 0;
    e.score = 0;
    var told = e.meta.some(function (value) { return !value; });
    e.own.forEach(function (value, w) {
      if (value || e.meta[w]) e.held++;
      e.score += e.meta[w] && told ? e.meta[w] : Math.max(value, e.meta[w]);
    });
    e.score *= KIND_PRIOR[e.kind];
  }

  /** Title pages first, then more words held, then higher score, then the more specific kind. */
  function compareKeys(a, b) {
    return b.tier - a.tier || b.held - a.held || b.score - a.score || a.id - b.id;
  }

  /** A filter predicate on records (ranked candidates are filtered by speech before, from the manifest). */
  function acceptor(filter) {
    return function (doc) {
      if (filter.speech !== undefined && filter.speech !== "" && doc.speechIndex !== Number(filter.speech)) return false;
      if (filter.topic && doc.kind !== "topic" && doc.tags.indexOf(filter.topic) < 0) return false;
      if (filter.topic && doc.kind === "topic" && doc.title !== filter.topic) return false;
      return true;
    };
  }

  /**
   * Pages through ranked candidates, checking each word as a phrase in the text (the
   * bigrams only say it may be there). A check can only lower a candidate, so one is
   * shown once no unchecked candidate could rank above it.
   */
  function rankedPager(candidates, words, accept, manifest) {
    var pending = candidates;
    // A library holding many copies of one report gives their items the same scores: once
    // one fails a word's phrase check, its twins wait behind the other candidates, so the
    // budget goes on texts that may hold the phrase.
    var failed = new Set();
    var deferred = [];
    function twinOfFailure(e) {
      return e.own.some(function (value, w) { return value && failed.has(w + ":" + value); });
    }
    var checked = [];
    var wordCount = words.length;
    // Every candidate is listed (those holding only some words after those holding all):
    // the total counts them, and says how many hold every word; checks correct both.
    var total = candidates.length;
    var full = candidates.filter(function (e) { return e.held === wordCount || e.tier; }).length;
    function page(limit, progress) {
      var chunksLoaded = 0;
      var reported = 0;
      function ready() {
        var best = pending[0];
        return checked.filter(function (e) {
          return !best || compareKeys(e, best) <= 0;
        }).length;
      }
      function step() {
        if (!pending.length && deferred.length) {
          pending = deferred;
          deferred = [];
          failed.clear();
        }
        var sure = ready();
        if (progress && sure > reported && sure < limit && pending.length && chunksLoaded < CHUNK_BUDGET) {
          reported = sure;
          progress(checked.slice().sort(compareKeys).slice(0, sure).map(function (e) { return e.doc; }));
        }
        if (sure >= limit || !pending.length || chunksLoaded >= CHUNK_BUDGET) {
          checked.sort(compareKeys);
          var shown = Math.min(limit, pending.length ? ready() || checked.length : checked.length);
          var items = checked.splice(0, shown).map(function (e) { return e.doc; });
          var complete = !pending.length && !deferred.length && !checked.length;
          return Promise.resolve({
            items: items, total: total, full: full, words: wordCount, complete: complete, exact: true,
            more: complete ? null : page
          });
        }
        var window = [];
        var chunks = new Set();
        while (pending.length) {
          if (twinOfFailure(pending[0])) {
            deferred.push(pending.shift());
            continue;
          }
          var chunk = chunkOf(pending[0].id, manifest);
          if (!chunks.has(chunk) && chunks.size >= CHUNK_WINDOW) break;
          chunks.add(chunk);
          window.push(pending.shift());
        }
        chunksLoaded += chunks.size;
        return Promise.all(
          window.map(function (e) {
            return record(e.id, manifest);
          })
        ).then(function (docs) {
          docs.forEach(function (doc, i) {
            var e = window[i];
            var wasComplete = e.held === wordCount;
            var haystack = normalize(doc.kind === "topic" ? doc.title : doc.text);
            e.own = e.own.map(function (value, w) {
              if (!value) return value;
              var kept = words[w].reduce(function (best, alt, a) {
                return holds(haystack, alt) ? Math.max(best, e.alts[w][a]) : best;
              }, 0);
              if (!kept) failed.add(w + ":" + value);
              return kept;
            });
            rekey(e);
            var keep = (e.held || e.tier) && accept(doc);
            if (wasComplete && (!keep || e.held < wordCount) && !e.tier) full--;
            if (!keep) {
              total--;
              return;
            }
            e.doc = doc;
            doc.rank = e; // why it stands where it does (tests and the benchmark read it)
            checked.push(e);
          });
          return step();
        });
      }
      return step();
    }
    return page;
  }

  /** Documents sharing at least half of the query's bigrams that the library holds, by
   * how many they share, then the BM25 weight of those shared. A bigram no document holds
   * (虎拍 of 打老虎拍苍蝇, where the reader's words meet) says nothing, so it does not
   * raise the bar. The query
   * is also read with its words' synonyms and without its question words (老师工资低 as
   * 教师工资低 meets 教师工资制度), each reading weighed as its words are. */
  function fuzzy(words, accept, manifest, limit) {
    var readings = fuzzyReadings(words);
    var grams = new Set();
    readings.forEach(function (reading) {
      reading.grams.forEach(function (gram) { grams.add(gram); });
    });
    grams = Array.from(grams);
    return Promise.all(
      grams.map(function (gram) {
        return postings(gram, manifest);
      })
    ).then(function (lists) {
      var byGram = new Map();
      grams.forEach(function (gram, g) { byGram.set(gram, lists[g]); });
      var best = new Map();
      readings.forEach(function (reading) {
        fuzzyScores(reading, byGram, manifest).forEach(function (match, id) {
          if (!best.has(id) || compareMatches(match, best.get(id)) < 0) best.set(id, match);
        });
      });
      var ranked = Array.from(best.entries())
        .sort(function (a, b) {
          return compareMatches(a[1], b[1]) || a[0] - b[0];
        })
        .slice(0, FUZZY_CHECKED);
      return Promise.all(
        ranked.map(function (entry) {
          return record(entry[0], manifest);
        })
      ).then(function (docs) {
        // Bigrams scattered over a long text say less than bigrams standing together: those
        // found together rank first, by how many, then the rest as they were.
        var near = docs.map(function (doc, i) {
          var text = normalize(doc.kind === "topic" ? doc.title : doc.text);
          return { doc: doc, near: nearCover(text, ranked[i][1].reading), match: ranked[i][1] };
        });
        var items = near
          .filter(function (entry) { return accept(entry.doc); })
          .sort(function (a, b) { return b.near - a.near || b.match.weight - a.match.weight || a.doc.id - b.doc.id; })
          .slice(0, limit)
          .map(function (entry) { return entry.doc; });
        return { items: items, total: items.length, complete: true, exact: false, more: null };
      });
    });
  }

  /** The share of a reading's bigrams found together in a text — within a span of
   * FUZZY_SPAN times the reading's length — or 0 when fewer than two are. */
  function nearCover(text, reading) {
    var spots = [];
    reading.grams.forEach(function (gram, g) {
      for (var at = text.indexOf(gram); at >= 0; at = text.indexOf(gram, at + 1)) spots.push([at, g]);
    });
    spots.sort(function (a, b) { return a[0] - b[0]; });
    var span = FUZZY_SPAN * (reading.grams.length + 1);
    var inside = new Map();
    var most = 0;
    for (var end = 0, start = 0; end < spots.length; end++) {
      inside.set(spots[end][1], (inside.get(spots[end][1]) || 0) + 1);
      for (; spots[end][0] - spots[start][0] > span; start++) {
        var g = spots[start][1];
        if (inside.get(g) === 1) inside.delete(g);
        else inside.set(g, inside.get(g) - 1);
      }
      most = Math.max(most, inside.size);
    }
    return most >= 2 ? most / reading.held : 0;
  }

  /** The query's readings for the fuzzy match: each word as typed or as one of its
   * whole-word alternatives, at most FUZZY_READINGS of them, with their bigrams and weight. */
  function fuzzyReadings(words) {
    var readings = [{ text: "", weight: 1 }];
    words.forEach(function (alts) {
      var next = [];
      readings.forEach(function (reading) {
        alts.forEach(function (alt) {
          if (!alt.parts) next.push({ text: reading.text + " " + alt.term, weight: reading.weight * alt.weight });
        });
      });
      readings = next.slice(0, FUZZY_READINGS);
    });
    return readings.map(function (reading) {
      var grams = [];
      reading.text.split(" ").forEach(function (term) {
        grams = grams.concat(bigrams(term));
      });
      return { grams: spread(Array.from(new Set(grams)), FUZZY_GRAMS), weight: reading.weight };
    });
  }

  /** One reading's fuzzy matches: {id → {cover: share of its bigrams held, weight: their
   * BM25 weight}}, for documents holding at least half of the reading's bigrams that the
   * library holds (two at least). */
  function fuzzyScores(reading, byGram, manifest) {
    var lists = reading.grams.map(function (gram) { return byGram.get(gram); });
    var counts = new Map();
    var weights = new Map();
    lists.forEach(function (list) {
      list.ids.forEach(function (id, i) {
        counts.set(id, (counts.get(id) || 0) + 1);
        var kind = manifest.kinds[lastAtMost(manifest.kindStarts, id)][0];
        weights.set(id, (weights.get(id) || 0) + weightOf(list, i, manifest) * KIND_PRIOR[kind] * reading.weight);
      });
    });
    var held = lists.filter(function (list) { return list.ids.length > 0; }).length;
    var needed = Math.max(Math.min(2, held), Math.ceil(held / 2));
    reading.held = held;
    var scores = new Map();
    counts.forEach(function (count, id) {
      if (count >= needed) scores.set(id, { cover: count / held, weight: weights.get(id), reading: reading });
    });
    return scores;
  }

  /** The better fuzzy match first: more of its reading held, then more weight. */
  function compareMatches(a, b) {
    return b.cover - a.cover || b.weight - a.weight;
  }

  /* -- showing results --------------------------------------------------------------- */

  /** A snippet of the text around the first term, the terms marked. */
  function snippet(text, terms) {
    var normal = normalizeWithMap(text);
    var spans = [];
    // A long word the text holds only as two pieces apart is marked as those pieces.
    var marked = [];
    terms.forEach(function (term) {
      var apart = normal.text.indexOf(term) < 0 && splits(term).filter(function (parts) {
        return holds(normal.text, { term: term, parts: parts });
      })[0];
      marked = marked.concat(apart || [term]);
    });
    marked.forEach(function (term) {
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

  /** A speech as the filter lists it: many reports share a title, so its year and meeting too. */
  function speechLabel(facets, index) {
    var extra = facets.labels[index];
    return facets.speeches[index] + (extra ? "（" + extra + "）" : "");
  }

  /** The speech whose pages this page is one of (its home's folder holds it), else -1. */
  function speechOfPage(facets) {
    var path = decodeURI(new URL(location.href).pathname);
    var found = -1;
    var longest = 0;
    facets.homes.forEach(function (home, index) {
      var folder = decodeURI(new URL(home, siteBase).pathname).replace(/index\.html$/, "");
      if (folder.length > longest && path.indexOf(folder) === 0 && folder !== decodeURI(siteBase.pathname)) {
        found = index;
        longest = folder.length;
      }
    });
    return found;
  }

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
    var here = dialog.querySelector("[data-study-search-here]");
    var onlyHere = dialog.querySelector("[data-study-search-only]");
    var hereSpeech = -1; // the speech whose pages this is, once the facets say
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
        data.speeches.forEach(function (title, index) {
          speechSelect.appendChild(new Option(speechLabel(data, index), String(index)));
        });
        hereSpeech = speechOfPage(data);
        if (hereSpeech >= 0) here.hidden = false;
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
        list.toggleAttribute("data-partial", !!page.partial); // tests wait for the full page
        if (page.partial) meta.textContent = "已找到 " + shown + " 条，正在查找更多结果…";
        else if (!shown) meta.textContent = "没有找到符合条件的结果";
        else if (!page.exact) meta.textContent = "没有完全一致的结果，以下 " + shown + " 条内容相近";
        else {
          var count = "共 " + Math.max(shown, page.total) + " 条结果";
          if (page.words > 1 && page.full < page.total) count += "，" + page.full + " 条含全部词语";
          meta.textContent = count + (shown < page.total ? "，已显示 " + shown + " 条" : "");
        }
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
        meta.textContent = "输入关键词，多个词用空格分开";
        more.hidden = true;
        return;
      }
      var speech = onlyHere.checked && hereSpeech >= 0 ? String(hereSpeech) : speechSelect.value;
      var filter = { speech: speech, topic: topicSelect.value };
      var terms = query.split(/\s+/).map(normalize).filter(Boolean);
      // The results already certain show at once; the full page replaces them.
      function partial(items) {
        if (mine === generation && facets) render({ items: items, partial: true }, terms, query, false);
      }
      search(query, filter, PAGE_SIZE, partial).then(
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
    onlyHere.addEventListener("change", run);
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
