// A ¶ link to a paragraph of the page being read: the browser highlights the quoted words, but keeps
// the highlight of the previous ¶ link too, so two passages would look quoted at once. A browser ties
// that highlight to the paragraph's text nodes; putting a fresh copy of the previous target paragraph
// in its place removes the highlight before the browser follows the new link.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("a.evidence-link") : null;
  if (!link || link.pathname !== location.pathname) return;
  // The target is the paragraph, or with exact words the sentence that holds them.
  const target = document.querySelector(":target");
  const previous = target ? target.closest(".article-paragraph") : null;
  if (previous) previous.replaceWith(previous.cloneNode(true));
}, true);
