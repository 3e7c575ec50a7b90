// Progressive enhancement: votes and reactions update in place; copy-link. Everything works without it.
(function () {
  "use strict";

  function post(form, submitter) {
    return fetch(form.action, {
      method: "POST",
      body: new FormData(form, submitter),
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin",
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw new Error(data.error || response.statusText); }
        return data;
      });
    });
  }

  function announce(message) {
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
    var submitter = event.submitter;
    if (form.hasAttribute("data-js-vote") && submitter) {
      event.preventDefault();
      post(form, submitter).then(function (data) {
        form.querySelector("[data-score]").textContent = data.score;
        form.querySelectorAll("button[name=value]").forEach(function (button) {
          var isUp = button.classList.contains("vote-up");
          var active = (isUp && data.vote === 1) || (!isUp && data.vote === -1);
          button.classList.toggle("active", active);
          button.setAttribute("aria-pressed", active ? "true" : "false");
          button.value = active ? "0" : (isUp ? "1" : "-1");
        });
        announce(String(data.score));
      }).catch(function (error) { window.alert(error.message); });
    } else if (form.hasAttribute("data-js-react") && submitter) {
      event.preventDefault();
      post(form, submitter).then(function (data) {
        submitter.querySelector("[data-count]").textContent = data.count;
        submitter.classList.toggle("active", data.added);
        submitter.setAttribute("aria-pressed", data.added ? "true" : "false");
        announce(String(data.count));
      }).catch(function (error) { window.alert(error.message); });
    }
  });

  // Opening a queue item claims it (a POST, in the background), so other moderators see who is handling it.
  var claim = document.querySelector("form[data-auto-claim]");
  if (claim) {
    post(claim, null).then(function () {
      claim.textContent = claim.getAttribute("data-claimed-text");
    }).catch(function () { /* the button stays for a manual claim */ });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-link]");
    if (!button) { return; }
    var status = document.querySelector("[data-copy-status]");
    navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(function () {
      if (status) { status.textContent = "✔"; }
    });
  });
})();
