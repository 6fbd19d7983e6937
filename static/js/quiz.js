// Progressive enhancements for the questionnaire. Every step works without this file.
(function () {
  "use strict";

  // After htmx swaps a step in, move focus where a keyboard or screen-reader user needs it:
  // the first field with an error, otherwise the new step's heading.
  function focusStep(root) {
    var target = root.querySelector("[aria-invalid='true'], [autofocus]") ||
      root.querySelector("#step-title");
    if (target) {
      target.focus();
    }
  }

  // The optional one-minute typing check: words per minute = correct characters / 5.
  // Its messages come translated in the page (data-* on #typing-status).
  function setUpTypingCheck(root) {
    var box = root.querySelector("#typing-check");
    if (!box) {
      return;
    }
    box.hidden = false;
    var sample = root.querySelector("#typing-sample").textContent.trim();
    var input = root.querySelector("#typing-input");
    var status = root.querySelector("#typing-status");
    var use = root.querySelector("#typing-use");
    var started = null;
    var timer = null;
    var wpm = 0;

    function correctChars() {
      var typed = input.value;
      var correct = 0;
      for (var i = 0; i < typed.length && i < sample.length; i++) {
        if (typed[i] === sample[i]) {
          correct++;
        }
      }
      return correct;
    }

    function finish() {
      clearInterval(timer);
      input.readOnly = true;
      var minutes = Math.max((Date.now() - started) / 60000, 1 / 60);
      wpm = Math.round(correctChars() / 5 / minutes);
      status.textContent = status.dataset.result.replace("{wpm}", wpm);
      use.hidden = false;
    }

    input.addEventListener("input", function () {
      if (started === null) {
        started = Date.now();
        status.textContent = status.dataset.timing;
        timer = setInterval(function () {
          var left = 60 - Math.floor((Date.now() - started) / 1000);
          if (left <= 0 || input.value.length >= sample.length) {
            finish();
          } else if (left % 15 === 0) {
            status.textContent = status.dataset.left.replace("{n}", left);
          }
        }, 1000);
      }
    });
    use.addEventListener("click", function () {
      // Only a speed the person measured here replaces what they typed in the field.
      if (started === null || !input.readOnly) {
        return;
      }
      var field = root.querySelector("input[name='typing_wpm']");
      field.value = wpm;
      field.focus();
    });
  }

  function enhance(root) {
    setUpTypingCheck(root);
  }

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  // htmx:load fires on the new #quiz after each swap (the old one is gone by then).
  document.addEventListener("htmx:load", function (event) {
    var quiz = event.detail.elt;
    if (quiz.id === "quiz" && document.readyState === "complete") {
      enhance(quiz);
      window.scrollTo(0, 0);
      focusStep(quiz);
    }
  });
  // A failed request (expired token, lost connection) falls back to a normal page load,
  // which shows the server's own message.
  document.addEventListener("htmx:responseError", function (event) {
    window.location.assign(event.detail.pathInfo.requestPath);
  });
  document.addEventListener("htmx:sendError", function () {
    var quiz = document.getElementById("quiz");
    var note = quiz && quiz.querySelector(".offline-note");
    if (quiz && !note) {
      note = document.createElement("p");
      note.className = "error offline-note";
      note.setAttribute("role", "alert");
      note.textContent = quiz.dataset.offline;
      quiz.querySelector("form").prepend(note);
    }
  });
})();
