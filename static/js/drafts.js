// Progressive enhancement: what a member types in a form marked data-draft is kept in this browser
// (localStorage, one draft per form key, e.g. per topic) until the server says it was saved
// (the forum_draft_done cookie, set on the redirect after success). After any failure (a refused
// form, a server error, a lost connection) the text is put back when the form is empty again.
(function () {
  "use strict";
  var PREFIX = "forum-draft:";
  var DONE = "forum_draft_done";

  function storage() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function doneCookie() {
    var match = document.cookie.match(new RegExp("(?:^|; )" + DONE + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : null;
  }

  var store = storage();
  if (!store) { return; }

  var done = doneCookie();
  if (done) {
    store.removeItem(PREFIX + done);
    document.cookie = DONE + "=; Max-Age=0; path=/; SameSite=Lax";
  }

  document.querySelectorAll("form[data-draft]").forEach(function (form) {
    var key = PREFIX + form.getAttribute("data-draft");
    var fields = form.querySelectorAll("textarea[name], input[type=text][name]");
    var saved = null;
    try { saved = JSON.parse(store.getItem(key) || "null"); } catch (e) { saved = null; }
    if (saved && typeof saved === "object") {
      var restored = false;
      fields.forEach(function (field) {
        if (!field.value.trim() && typeof saved[field.name] === "string" && saved[field.name]) {
          field.value = saved[field.name];
          restored = true;
        }
      });
      if (restored && form.getAttribute("data-draft-restored")) {
        var note = document.createElement("p");
        note.className = "banner info";
        note.setAttribute("role", "status");
        note.textContent = form.getAttribute("data-draft-restored");
        form.insertBefore(note, form.firstChild);
      }
    }
    function keep() {
      var draft = {};
      var any = false;
      fields.forEach(function (field) {
        if (field.value.trim()) { draft[field.name] = field.value; any = true; }
      });
      try {
        if (any) { store.setItem(key, JSON.stringify(draft)); } else { store.removeItem(key); }
      } catch (e) { /* storage full or blocked: the form still works */ }
    }
    form.addEventListener("input", keep);
    form.addEventListener("submit", keep);
  });
})();
