/* 自测 that scores: on a self-test page each blank (＿＿) becomes an input; 交卷 scores
   every blank against the answer the page already holds (the bold words of the question's
   看答案 block), marks each question right or wrong, lists what was missed with its
   answer and link, and 重做 starts again. Without script the page stays as printed:
   blanks to fill by hand and answers on click. */
(function () {
  "use strict";
  var BLANK_RUN = /＿+/g;

  function normal(text) {
    // Spaces, punctuation and letter width do not make an answer wrong.
    return (text || "").normalize("NFKC").replace(/[\s\p{P}\p{S}]/gu, "").toLowerCase();
  }

  function answersOf(question) {
    var details = question.nextElementSibling;
    if (!details || !details.classList.contains("study-answer")) return null;
    return Array.prototype.map.call(details.querySelectorAll("p strong"), function (strong) {
      return strong.textContent;
    });
  }

  function blankNodes(question) {
    // The text nodes of the question that hold blanks, in order.
    var nodes = [];
    var walker = document.createTreeWalker(question, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) if (walker.currentNode.nodeValue.indexOf("＿") >= 0) nodes.push(walker.currentNode);
    return nodes;
  }

  function withInputs(question, answers) {
    // Replace each run of blanks with an input as wide as the answer; false if they do not pair up.
    var nodes = blankNodes(question);
    var runs = nodes.reduce(function (count, node) {
      return count + (node.nodeValue.match(BLANK_RUN) || []).length;
    }, 0);
    if (!answers || runs !== answers.length || runs === 0) return [];
    var inputs = [];
    nodes.forEach(function (node) {
      var parts = node.nodeValue.split(BLANK_RUN);
      var runsHere = node.nodeValue.match(BLANK_RUN);
      var fragment = document.createDocumentFragment();
      parts.forEach(function (text, index) {
        if (text) fragment.appendChild(document.createTextNode(text));
        if (index < runsHere.length) {
          var input = document.createElement("input");
          input.type = "text";
          input.className = "study-blank";
          input.setAttribute("aria-label", "填空 " + (inputs.length + 1));
          input.size = Math.max(2, runsHere[index].length);
          input.style.width = Math.max(2, runsHere[index].length) + 1.5 + "em";
          input.autocomplete = "off";
          inputs.push(input);
          fragment.appendChild(input);
        }
      });
      node.parentNode.replaceChild(fragment, node);
    });
    return inputs;
  }

  function shown(button, visible) {
    // Material's .md-button sets display, which would override the hidden attribute.
    button.style.display = visible ? "" : "none";
  }

  function setUp() {
    var questions = Array.prototype.slice.call(document.querySelectorAll("article .study-question"));
    var quiz = questions
      .map(function (question) {
        var answers = answersOf(question);
        return { question: question, answers: answers, inputs: withInputs(question, answers) };
      })
      .filter(function (entry) {
        return entry.inputs.length > 0;
      });
    if (!quiz.length) return;
    var bar = document.createElement("div");
    bar.className = "study-score";
    var submit = document.createElement("button");
    submit.type = "button";
    submit.className = "md-button md-button--primary";
    submit.textContent = "交卷";
    var again = document.createElement("button");
    again.type = "button";
    again.className = "md-button";
    again.textContent = "重做";
    shown(again, false);
    var result = document.createElement("div");
    result.className = "study-score__result";
    result.setAttribute("role", "status");
    bar.appendChild(submit);
    bar.appendChild(again);
    bar.appendChild(result);
    var last = quiz[quiz.length - 1].question.nextElementSibling || quiz[quiz.length - 1].question;
    last.parentNode.insertBefore(bar, last.nextSibling);

    submit.addEventListener("click", function () {
      score(quiz, result);
      shown(submit, false);
      shown(again, true);
      result.scrollIntoView({ block: "nearest" });
    });
    again.addEventListener("click", function () {
      quiz.forEach(function (entry) {
        entry.question.classList.remove("study-question--right", "study-question--wrong");
        entry.question.nextElementSibling.open = false;
        entry.inputs.forEach(function (input) {
          input.value = "";
          input.readOnly = false;
        });
      });
      result.textContent = "";
      shown(submit, true);
      shown(again, false);
      quiz[0].inputs[0].focus();
    });
  }

  function score(quiz, result) {
    var blanksRight = 0;
    var blanks = 0;
    var missed = [];
    quiz.forEach(function (entry) {
      var right = entry.inputs.every(function (input, index) {
        input.readOnly = true;
        return normal(input.value) === normal(entry.answers[index]);
      });
      entry.inputs.forEach(function (input, index) {
        blanks += 1;
        if (normal(input.value) === normal(entry.answers[index])) blanksRight += 1;
      });
      entry.question.classList.toggle("study-question--right", right);
      entry.question.classList.toggle("study-question--wrong", !right);
      entry.question.nextElementSibling.open = !right;
      if (!right) missed.push(entry);
    });
    result.textContent = "";
    var line = document.createElement("p");
    line.className = "study-score__total";
    line.textContent =
      "得分：" + (quiz.length - missed.length) + " / " + quiz.length + " 题全对（填空 " + blanksRight + " / " + blanks + "）";
    result.appendChild(line);
    if (!missed.length) return;
    var heading = document.createElement("p");
    heading.textContent = "错题回顾：";
    result.appendChild(heading);
    var list = document.createElement("ul");
    missed.forEach(function (entry) {
      var item = document.createElement("li");
      var answerBlock = entry.question.nextElementSibling.querySelector("p");
      var link = answerBlock.querySelector("a");
      var label = document.createElement("a");
      label.href = link ? link.getAttribute("href") : "#";
      label.textContent = link ? link.textContent : "原文";
      item.appendChild(label);
      item.appendChild(document.createTextNode("　正确答案：" + entry.answers.join("、")));
      list.appendChild(item);
    });
    result.appendChild(list);
  }

  setUp();
})();
