/* Loading a page's data as small script files (folder/key.js under the site), which works
   from disk (file://) where fetch() is refused: each file calls its receiver with its key
   and data. Used by the search (search/) and the compare view (compare/). */
(function () {
  "use strict";
  var config = document.getElementById("__config");
  // The site's root, from Material's page configuration: pages at any depth find the files.
  var siteBase = new URL(
    (config ? JSON.parse(config.textContent).base : ".").replace(/\/?$/, "/"),
    location.href
  );

  /** A loader of folder/key.js; ``missing(key)`` is the message when a file cannot be loaded. */
  window.studyDataScripts = function (folder, missing) {
    var pending = {};
    return {
      base: siteBase, // the site's root URL, for the links the data name
      /** Called by every data script with its key and data. */
      receive: function (key, data) {
        if (pending[key]) pending[key].resolve(data);
      },
      /** Load folder/key.js once; resolve with the data it hands over. */
      load: function (key) {
        if (!pending[key]) {
          var entry = {};
          entry.promise = new Promise(function (resolve, reject) {
            entry.resolve = resolve;
            entry.reject = reject;
          });
          pending[key] = entry;
          var script = document.createElement("script");
          script.src = new URL(folder + key + ".js", siteBase).href;
          script.async = true;
          script.onerror = function () {
            delete pending[key];
            entry.reject(new Error(missing(key)));
          };
          document.head.appendChild(script);
        }
        return pending[key].promise;
      },
    };
  };
})();
