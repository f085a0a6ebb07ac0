// The colour-scheme switch in the header. Material's own script would run it, but this site does not
// load that script: 35 KB compressed on every page, for features the site does without (instant
// loading, its search, tooltips, a table of contents that follows the scroll). The choice is kept
// where Material keeps it (__md_set, scoped to the site), so the header's inline script applies it on
// the next page before anything is drawn.
(() => {
  "use strict";
  const form = document.querySelector("[data-md-component=palette]");
  if (!form) return;
  const inputs = [...form.querySelectorAll("input[name=__palette]")];
  const KEYS = ["media", "scheme", "primary", "accent"];

  function apply(input) {
    for (const key of KEYS) document.body.setAttribute(`data-md-color-${key}`, input.getAttribute(`data-md-color-${key}`));
    // Each option is followed by the button that switches to the next one: show the chosen option's.
    for (const option of inputs) {
      const button = option.nextElementSibling;
      if (button && button.tagName === "LABEL") button.hidden = option !== input;
    }
  }

  const saved = __md_get("__palette");
  const current = (saved && inputs[saved.index]) || inputs.find((i) => matchMedia(i.getAttribute("data-md-color-media")).matches) || inputs[0];
  current.checked = true;
  apply(current);
  form.addEventListener("change", (event) => {
    const input = event.target;
    apply(input);
    const color = Object.fromEntries(KEYS.map((key) => [key, input.getAttribute(`data-md-color-${key}`)]));
    __md_set("__palette", { index: inputs.indexOf(input), color });
  });
})();
