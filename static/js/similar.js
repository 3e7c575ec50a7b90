// New-topic form: while a member types the title, list existing topics like it, so an answered
// question is found before it is asked again. Progressive enhancement: without it the form works the same.
(function () {
  "use strict";
  var box = document.querySelector("[data-similar-url]");
  var title = document.getElementById("id_title");
  if (!box || !title) { return; }
  var list = box.querySelector("ul");
  var timer = null;
  var last = "";

  function show(topics) {
    list.textContent = "";
    topics.forEach(function (topic) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = topic.url;
      link.textContent = topic.title;  // text, never HTML: titles are member text
      item.appendChild(link);
      var meta = document.createElement("span");
      meta.className = "muted";
      meta.textContent = " · " + (topic.solved ? box.dataset.solvedLabel + " · " : "") + topic.answers + " " + box.dataset.answersLabel;
      item.appendChild(meta);
      list.appendChild(item);
    });
    box.hidden = topics.length === 0;
  }

  function lookUp() {
    var text = title.value.trim();
    if (text === last) { return; }
    last = text;
    if (text.length < 4) { show([]); return; }
    fetch(box.dataset.similarUrl + "?title=" + encodeURIComponent(text), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { topics: [] }; })
      .then(function (data) { if (title.value.trim() === text) { show(data.topics || []); } })
      .catch(function () { show([]); });
  }

  title.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(lookUp, 350);
  });
})();
