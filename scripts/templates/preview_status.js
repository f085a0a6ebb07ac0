// Written by `make serve` on every build, and loaded only by the preview's pages: the error that stopped
// the last build, shown at the top of every page. The pages themselves stay as they last built, so an
// error shows without a page being written again (scripts/preview.py).
(function () {
  var error = ERROR;
  if (!error) return;
  var notice = document.createElement("div");
  notice.className = "preview-error";
  notice.setAttribute("role", "alert");
  var label = document.createElement("strong");
  label.textContent = "Build error:";
  var kept = document.createElement("em");
  kept.textContent = "These pages show the last version that built.";
  notice.append(label, " " + error + " ", kept);
  document.body.prepend(notice);
})();
