// Cairn's only script: tag suggestions and completion on the add/edit form, and closing the
// bookmarklet's popup after a save. Everything works without it.
(function () {
  "use strict";
  function tagsField() { return document.querySelector("input[name=tags]"); }

  function words(value) { return value.split(/[\s,]+/).filter(function (w) { return w; }); }

  function addTag(name) {
    var field = tagsField();
    if (!field) return;
    var current = words(field.value);
    if (current.map(function (t) { return t.toLowerCase(); }).indexOf(name.toLowerCase()) < 0) {
      current.push(name);
    }
    field.value = current.join(" ") + " ";
    field.focus();
  }

  function setUpSuggestions() {
    document.querySelectorAll(".suggestions button[data-tag]").forEach(function (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        addTag(button.getAttribute("data-tag"));
      });
    });
  }

  function setUpCompletion() {
    var field = tagsField();
    var list = document.getElementById("tag-completions");
    if (!field || !list || !field.dataset.complete) return;
    var timer = null;
    field.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var parts = field.value.split(/[\s,]+/);
        var prefix = parts[parts.length - 1];
        if (!prefix) { list.innerHTML = ""; return; }
        fetch(field.dataset.complete + "?prefix=" + encodeURIComponent(prefix), { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (names) {
            list.innerHTML = "";
            names.forEach(function (name) {
              var button = document.createElement("button");
              button.type = "button";
              button.textContent = name;
              button.addEventListener("click", function () {
                parts[parts.length - 1] = name;
                field.value = parts.join(" ") + " ";
                list.innerHTML = "";
                field.focus();
              });
              list.appendChild(button);
            });
          });
      }, 120);
    });
  }

  function closeAfterSave() {
    var saved = document.querySelector("[data-close-popup]");
    if (saved && window.opener) {
      setTimeout(function () { window.close(); }, Number(saved.getAttribute("data-close-popup")) || 0);
    }
  }

  function relay() {
    var form = document.querySelector("form[data-autosubmit]");
    if (form) form.submit();
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpSuggestions();
    setUpCompletion();
    closeAfterSave();
    relay();
  });
})();
