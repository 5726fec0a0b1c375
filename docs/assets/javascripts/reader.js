/* The reader's font-size control: one button in the header that steps through four
   sizes and remembers the choice in the browser (overrides/main.html applies it
   before the page is drawn). On the 404 page, the search box opens the site search. */
(function () {
  "use strict";
  var KEY = "study.fontSize";
  var SIZES = [
    { value: "", name: "标准" },
    { value: "large", name: "大" },
    { value: "larger", name: "特大" },
    { value: "small", name: "小" },
  ];

  function stored() {
    try {
      return localStorage.getItem(KEY) || "";
    } catch (error) {
      return ""; // storage refused (a private window): the standard size
    }
  }

  function apply(value) {
    if (value) document.documentElement.setAttribute("data-study-font", value);
    else document.documentElement.removeAttribute("data-study-font");
    try {
      if (value) localStorage.setItem(KEY, value);
      else localStorage.removeItem(KEY);
    } catch (error) {
      /* not remembered, but applied to this page */
    }
  }

  function position(value) {
    for (var i = 0; i < SIZES.length; i++) if (SIZES[i].value === value) return i;
    return 0;
  }

  function label(button, index) {
    var next = SIZES[(index + 1) % SIZES.length];
    var text = "字号：" + SIZES[index].name + "，点按改为" + next.name;
    button.title = text;
    button.setAttribute("aria-label", text);
  }

  function addControl() {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".study-font-size")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button study-font-size";
    button.textContent = "字号";
    var index = position(stored());
    label(button, index);
    button.addEventListener("click", function () {
      index = (index + 1) % SIZES.length;
      apply(SIZES[index].value);
      label(button, index);
    });
    var palette = header.querySelector("[data-md-component=palette]");
    header.insertBefore(button, palette || header.querySelector(".md-search") || null);
  }

  function wireNotFoundSearch() {
    var form = document.querySelector("[data-study-not-found]");
    if (!form) return;
    form.addEventListener("submit", function () {
      var query = form.querySelector("input").value;
      var toggle = document.getElementById("__search");
      var input = document.querySelector(".md-search__input");
      if (!toggle || !input) return;
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
      input.value = query;
      input.focus();
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }

  addControl();
  wireNotFoundSearch();
})();
