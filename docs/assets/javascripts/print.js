/* The 打印专题学习材料 button of a topic page (pages/topic_pages.py) opens the print
 * dialog; aids.css prints the page without the site's navigation. A listener, not an
 * inline handler or a javascript: link: the pages carry no script of their own. */
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("a.study-print");
  if (!button) return;
  event.preventDefault();
  window.print();
});
