// Progressive enhancement: votes and reactions update in place; copy-link. Everything works without it.
(function () {
  "use strict";

  function post(form) {
    return fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin",
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw new Error(data.error || response.statusText); }
        return data;
      });
    });
  }

  function announce(form, message) {
    var status = document.querySelector("[data-live-status]");
    if (!status) {
      status = document.createElement("p");
      status.setAttribute("data-live-status", "");
      status.setAttribute("role", "status");
      status.className = "visually-hidden";
      document.body.appendChild(status);
    }
    status.textContent = message;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("data-js-vote")) {
      event.preventDefault();
      post(form).then(function (data) {
        var widget = form.closest("[data-vote-widget]");
        widget.querySelector("[data-score]").textContent = data.score;
        widget.querySelectorAll("form[data-js-vote]").forEach(function (voteForm) {
          var button = voteForm.querySelector("button");
          var isUp = button.classList.contains("vote-up");
          var active = (isUp && data.vote === 1) || (!isUp && data.vote === -1);
          button.classList.toggle("active", active);
          button.setAttribute("aria-pressed", active ? "true" : "false");
          voteForm.querySelector("input[name=value]").value = active ? "0" : (isUp ? "1" : "-1");
        });
        announce(form, String(data.score));
      }).catch(function (error) { window.alert(error.message); });
    } else if (form.hasAttribute("data-js-react")) {
      event.preventDefault();
      post(form).then(function (data) {
        var button = form.querySelector("button");
        button.querySelector("[data-count]").textContent = data.count;
        button.classList.toggle("active", data.added);
        button.setAttribute("aria-pressed", data.added ? "true" : "false");
        announce(form, String(data.count));
      }).catch(function (error) { window.alert(error.message); });
    }
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-link]");
    if (!button) { return; }
    var status = document.querySelector("[data-copy-status]");
    navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(function () {
      if (status) { status.textContent = "✔"; }
    });
  });
})();
