import { t } from '../../i18n/index.ts';

/**
 * The search page: runs Pagefind's index (built into dist/pagefind/ by `npm run build`) in the browser.
 * Only this page loads it, so reading a lesson costs no search JavaScript; the header's box is a plain
 * form that lands here with ?q=.
 */

/** The part of Pagefind's JS API used here (https://pagefind.app/docs/api/). */
interface PagefindResultData {
  url: string;
  /** HTML: the page's text escaped, with the matched words in <mark>. */
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  search(query: string): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] }>;
}

const MAX_RESULTS = 20;
const TYPING_DELAY_MS = 200;
const base = import.meta.env.BASE_URL;

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    // Built after Astro, so Vite must not try to resolve or bundle it.
    const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    // Result URLs then carry the deploy's base path, as every other link does.
    await module.options({ baseUrl: base, excerptLength: 24 });
    return module;
  })();
  pagefind.catch(() => (pagefind = undefined)); // offline now, maybe not on the next try
  return pagefind;
}

function wire(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = document.querySelector<HTMLInputElement>('[data-search-input]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  if (!form || !input || !status || !list) return;

  // Each search bumps this; an answer that arrives after a newer search started is dropped.
  let latest = 0;
  const run = async (query: string): Promise<void> => {
    const id = ++latest;
    const trimmed = query.trim();
    const url = new URL(location.href);
    if (trimmed) url.searchParams.set('q', trimmed);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!trimmed) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = t.searching;
    try {
      const found = await searchLessons(await loadPagefind(), trimmed);
      const data = await Promise.all(found.slice(0, MAX_RESULTS).map((r) => r.data()));
      if (id !== latest) return;
      list.replaceChildren(...data.map(resultItem));
      status.textContent = found.length === 0 ? t.searchNoResults(trimmed) : t.searchResults(found.length, trimmed);
    } catch {
      if (id !== latest) return;
      list.replaceChildren();
      status.textContent = t.searchUnavailable;
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), TYPING_DELAY_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(input.value);
  });

  const initial = new URLSearchParams(location.search).get('q') ?? '';
  if (initial) {
    input.value = initial;
    void run(initial);
  } else {
    // Warm the index while the learner types the first word.
    input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
  }
}

type Result = Awaited<ReturnType<Pagefind['search']>>['results'][number];

/**
 * Lessons that contain the words as typed come first, then those that contain them anywhere. Learners
 * often paste a phrase they remember; a plain word search would rank it fine but show an excerpt around
 * the common words ("the", "by"), while an exact-phrase search shows the phrase itself.
 */
async function searchLessons(engine: Pagefind, query: string): Promise<Result[]> {
  const phrase = /\s/.test(query) && !query.includes('"');
  const [exact, words] = await Promise.all([
    phrase ? engine.search(`"${query}"`) : Promise.resolve({ results: [] }),
    engine.search(query),
  ]);
  const seen = new Set(exact.results.map((r) => r.id));
  return [...exact.results, ...words.results.filter((r) => !seen.has(r.id))];
}

/** One result: the lesson title as a link, then the excerpt with the matched words highlighted. */
function resultItem(result: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  heading.append(link);
  const excerpt = document.createElement('p');
  excerpt.append(...excerptNodes(result.excerpt));
  item.append(heading, excerpt);
  return item;
}

/**
 * Rebuilds Pagefind's excerpt from text and <mark> only, rather than trusting its HTML: whatever else
 * might be in there is shown as text, never as markup.
 */
function excerptNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  return [...parsed.body.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

wire();
