// The Search page: Pagefind's engine and index, fetched the first time the reader searches (typing,
// a filter, or a query in the address), never before. Each result shows the words that matched, in
// the sections they matched in, each linked to its section. Names and spellings listed in
// docs/entities.yml are searched for as well (ISIS finds the Islamic State group).
(() => {
  "use strict";
  const form = document.getElementById("site-search");
  if (!form) return;
  const input = document.getElementById("search-query");
  const selects = { kind: document.getElementById("search-kind"), type: document.getElementById("search-type"), article: document.getElementById("search-article") };
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  // Results whose texts (a file each, about 3 KB) are fetched at once: three fill a phone's screen and
  // keep one search within 150 KiB at 1,000 articles; "More results" fetches five more at a time.
  const FIRST = 3;
  const MORE = 5;
  // The engine searches on every key, but the results' texts (a file each) are fetched only once the
  // reader has paused this long: a word typed key by key would otherwise fetch texts for every prefix.
  const PAUSE = 150;
  const SETTLED = 800; // ms without a change before the address records the search (each change of address refetches the page icon)
  const WORD = "[\\p{L}\\p{N}]";
  let engine = null;
  let latest = 0;
  let recording = 0;
  let lastInput = 0;
  let engineReady = 0; // when the engine had loaded: keys typed meanwhile may only now reach the page

  function load() {
    engine = engine || (async () => {
      const pagefind = await import(new URL(form.dataset.bundle, location.href).href);
      // On the page itself, not in a web worker: one file less to fetch (12 KB), and a search takes milliseconds.
      await pagefind.options({ baseUrl: new URL("../", location.href).pathname, noWorker: true });
      const terms = await fetch(new URL(form.dataset.terms, location.href)).then((r) => r.json());
      engineReady = performance.now();
      return { pagefind, terms };
    })();
    return engine;
  }

  // The article filter's choices: the curated articles (id and title), fetched when the reader opens
  // the list (or the address asks for one), not with every search.
  let articles = null;
  function loadArticles() {
    articles = articles || fetch(new URL(form.dataset.articles, location.href)).then((r) => r.json()).then(fillArticles);
    return articles;
  }

  function fillArticles(pairs) {
    const chosen = selects.article.dataset.wanted || selects.article.value;
    for (const [id, title] of pairs) {
      const option = document.createElement("option");
      option.value = id;
      option.textContent = title;
      selects.article.append(option);
    }
    if (chosen) selects.article.value = chosen;
  }

  // A query with each listed name or spelling swapped for the others of its group. Short names in
  // capitals (IS, AP) match only in capitals, so "is" in a question is not the Islamic State group.
  function variants(query, groups) {
    const found = [query];
    for (const group of groups) {
      for (const word of group) {
        const exact = word.length <= 4 && word === word.toUpperCase();
        const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        const pattern = new RegExp(`(^|(?!${WORD}).)${escaped}(?!${WORD})`, exact ? "u" : "iu");
        if (!pattern.test(query)) continue;
        for (const other of group) {
          if (other !== word) found.push(query.replace(pattern, (_, before) => before + other));
        }
      }
    }
    return [...new Set(found)].slice(0, 8);
  }

  function chosenFilters() {
    const filters = {};
    for (const [name, select] of Object.entries(selects)) {
      if (select.value) filters[name] = select.value;
    }
    return filters;
  }

  async function run() {
    const ticket = ++latest;
    const query = input.value.trim();
    const filters = chosenFilters();
    clearTimeout(recording);
    recording = setTimeout(() => remember(query, filters), SETTLED);
    if (!query && !Object.keys(filters).length) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    status.textContent = "Searching…";
    const { pagefind, terms } = await load();
    const searches = await Promise.all(variants(query, terms).map((q) => pagefind.search(q || null, { filters })));
    if (ticket !== latest) return; // the reader typed on: a newer search will show
    const best = new Map();
    for (const search of searches) {
      for (const result of search.results) {
        const seen = best.get(result.id);
        if (!seen || result.score > seen.score) best.set(result.id, result);
      }
    }
    const ranked = [...best.values()].sort((a, b) => b.score - a.score);
    const wait = Math.max(lastInput, engineReady) + PAUSE - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (ticket !== latest) return;
    list.replaceChildren();
    await show(ranked, 0, FIRST, ticket, query);
  }

  async function show(ranked, from, count, ticket, query) {
    const page = await Promise.all(ranked.slice(from, from + count).map((r) => r.data()));
    if (ticket !== latest) return;
    list.querySelector(".site-search__more")?.remove();
    for (const data of page) list.append(item(data));
    const total = ranked.length;
    status.textContent = total ? `${total} ${total === 1 ? "page" : "pages"} found${query ? ` for “${query}”` : ""}.` : `Nothing found${query ? ` for “${query}”` : ""}. Try other words, or fewer filters.`;
    const next = from + count;
    if (next < total) {
      const more = document.createElement("li");
      more.className = "site-search__more";
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = `More results (${total - next} left)`;
      button.addEventListener("click", () => show(ranked, next, MORE, ticket, query), { once: true }); // a double click fetches once
      more.append(button);
      list.append(more);
    }
  }

  function item(data) {
    const li = document.createElement("li");
    li.className = "site-search__result";
    const heading = document.createElement("p");
    heading.className = "site-search__title";
    heading.append(link(data.url, data.meta.title || data.url));
    const kind = (data.filters.kind || [])[0];
    if (kind) {
      const tag = document.createElement("span");
      tag.className = "site-search__kind";
      tag.textContent = kind;
      heading.append(" ", tag);
    }
    li.append(heading);
    const sections = (data.sub_results || []).filter((s) => s.locations && s.locations.length).slice(0, 3);
    if (sections.length) {
      const ul = document.createElement("ul");
      for (const section of sections) {
        const sub = document.createElement("li");
        if (section.url !== data.url && section.title !== data.meta.title) sub.append(link(section.url, section.title), ": ");
        sub.append(...excerpt(section.excerpt));
        ul.append(sub);
      }
      li.append(ul);
    } else {
      const p = document.createElement("p");
      p.append(...excerpt(data.excerpt));
      li.append(p);
    }
    return li;
  }

  function link(url, text) {
    const a = document.createElement("a");
    a.href = url;
    a.textContent = text;
    return a;
  }

  // Pagefind marks the matched words with <mark>. The excerpt is read in an inert document and rebuilt
  // from its text: only the marks survive as elements, so nothing in an indexed page becomes markup here.
  function excerpt(html) {
    const doc = new DOMParser().parseFromString(`<p>${html || ""}</p>`, "text/html");
    return [...doc.body.firstChild.childNodes].map((node) => {
      if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    });
  }

  function remember(query, filters) {
    const params = new URLSearchParams();
    if (query) params.set("q", query);
    for (const [name, value] of Object.entries(filters)) params.set(name, value);
    const search = params.toString();
    history.replaceState(null, "", search ? `?${search}` : location.pathname);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  // A word of one or two letters matches the start of thousands of words: its part of the index is
  // fetched only if the reader stops there ("IS"), not on the way to a longer word.
  let pending = 0;
  input.addEventListener("input", () => {
    lastInput = performance.now();
    latest++; // whatever search is under way is for words the reader has since changed: its texts are not fetched
    clearTimeout(pending);
    const last = input.value.split(/\s+/).pop();
    if (last && last.length < 3) pending = setTimeout(run, PAUSE);
    else run();
  });
  for (const select of Object.values(selects)) select.addEventListener("change", run);
  selects.article.addEventListener("focus", loadArticles, { once: true });

  const asked = new URLSearchParams(location.search);
  input.value = asked.get("q") || "";
  for (const [name, select] of Object.entries(selects)) {
    const value = asked.get(name);
    if (!value) continue;
    if (name === "article") select.dataset.wanted = value; // its option exists once the index is loaded
    else select.value = value;
  }
  if (input.value || [...asked.keys()].some((k) => k in selects)) {
    if (asked.get("article")) loadArticles().then(run);
    else run();
  }
})();
