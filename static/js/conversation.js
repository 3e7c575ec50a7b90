// Progressive enhancement for the conversation: answers new since the last visit, quoting a post,
// and @mention suggestions in the editor. Everything works without it (the new answers are listed
// as links, a quote can be typed, a mention is a typed @name).
(function () {
  "use strict";

  document.querySelectorAll("[data-new-posts]").forEach(function (note) {
    note.getAttribute("data-new-posts").split(" ").forEach(function (id) {
      var article = document.getElementById("post-" + id);
      if (!article || article.classList.contains("is-new")) { return; }
      article.classList.add("is-new");
      var badge = document.createElement("span");
      badge.className = "label new-badge";
      badge.textContent = note.getAttribute("data-new-label");
      var meta = article.querySelector(".post-meta");
      if (meta) { meta.appendChild(badge); }
    });
  });

  var editor = document.querySelector("#answer textarea[name=body]");

  function quoteOf(button) {
    var body = button.closest("article").querySelector(".post-body");
    var selection = window.getSelection();
    var text = "";
    if (selection && !selection.isCollapsed && body.contains(selection.anchorNode) && body.contains(selection.focusNode)) {
      text = selection.toString();
    }
    if (!text.trim()) { text = body.innerText; }
    var lines = text.trim().split(/\r?\n/).map(function (line) { return "> " + line; });
    return "> **" + button.getAttribute("data-author") + "** [" + button.getAttribute("data-wrote") + "](" +
      button.getAttribute("data-url") + "):\n>\n" + lines.join("\n") + "\n\n";
  }

  document.querySelectorAll("[data-quote]").forEach(function (button) {
    if (!editor) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var quote = quoteOf(button);
      var before = editor.value.replace(/\s*$/, "");
      editor.value = (before ? before + "\n\n" : "") + quote;
      editor.dispatchEvent(new Event("input", { bubbles: true }));
      editor.focus();
      editor.setSelectionRange(editor.value.length, editor.value.length);
    });
  });

  var source = document.querySelector("meta[name=member-suggest]");
  if (!source) { return; }
  document.querySelectorAll("textarea[name=body]").forEach(function (area, n) {
    var list = document.createElement("ul");
    list.id = "mention-list-" + n;
    list.className = "mention-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", source.getAttribute("data-label"));
    list.hidden = true;
    area.insertAdjacentElement("afterend", list);
    area.setAttribute("role", "combobox");
    area.setAttribute("aria-autocomplete", "list");
    area.setAttribute("aria-controls", list.id);
    area.setAttribute("aria-expanded", "false");
    var names = [], active = -1, start = -1, timer = null, asked = 0;

    function close() {
      list.hidden = true;
      list.textContent = "";
      names = [];
      active = -1;
      area.setAttribute("aria-expanded", "false");
      area.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (item, i) {
        item.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      area.setAttribute("aria-activedescendant", list.children[index].id);
    }

    function choose(index) {
      var name = names[index], caret = area.selectionStart;
      area.value = area.value.slice(0, start) + "@" + name + " " + area.value.slice(caret);
      var position = start + name.length + 2;
      close();
      area.focus();
      area.setSelectionRange(position, position);
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }

    function show(found) {
      close();
      names = found;
      if (!names.length) { return; }
      names.forEach(function (name, i) {
        var item = document.createElement("li");
        item.id = list.id + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = "@" + name;
        item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(i); });
        list.appendChild(item);
      });
      list.hidden = false;
      area.setAttribute("aria-expanded", "true");
      highlight(0);
    }

    area.addEventListener("input", function () {
      var match = /(^|[^\w@.+-])@([\w.+-]{1,30})$/.exec(area.value.slice(0, area.selectionStart));
      clearTimeout(timer);
      if (!match) { close(); return; }
      start = area.selectionStart - match[2].length - 1;
      var mine = ++asked;
      timer = setTimeout(function () {
        fetch(source.content + "?q=" + encodeURIComponent(match[2]), {
          headers: { "X-Requested-With": "fetch" }, credentials: "same-origin",
        }).then(function (response) { return response.ok ? response.json() : { members: [] }; })
          .then(function (data) { if (mine === asked) { show(data.members); } })
          .catch(close);
      }, 120);
    });

    area.addEventListener("keydown", function (event) {
      if (list.hidden || !names.length) { return; }
      if (event.key === "ArrowDown") { event.preventDefault(); highlight((active + 1) % names.length); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight((active - 1 + names.length) % names.length); }
      else if (event.key === "Enter" || event.key === "Tab") { event.preventDefault(); choose(active); }
      else if (event.key === "Escape") { event.preventDefault(); close(); }
    });
    area.addEventListener("blur", function () { setTimeout(close, 150); });
  });
})();
