import { Marked, type RendererObject } from 'marked';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
/** Links a brief may hold: the web, mail, and places on this site or page; never `javascript:` and the like. */
const SAFE_HREF = /^(https?:|mailto:|#|\/|\.{0,2}\/)/i;

/**
 * The renderer's overrides. Exercise Markdown is authored in this repository, but it still reaches the page
 * only as Markdown: raw HTML is shown as text, a link with an unsafe scheme is just its text, and images
 * are their alt text (a brief's figures are tables). Headings start below the exercise's own h3s.
 */
const renderer: RendererObject = {
  html({ text }) {
    return escape(text);
  },
  heading({ tokens, depth }) {
    const level = Math.min(6, depth + 3);
    return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
  },
  link({ href, title, tokens }) {
    const text = this.parser.parseInline(tokens);
    if (!SAFE_HREF.test(href)) return text;
    const titleAttr = title ? ` title="${escape(title)}"` : '';
    return `<a href="${escape(href)}"${titleAttr}>${text}</a>`;
  },
  image({ text }) {
    return escape(text);
  },
};

const marked = new Marked({ gfm: true, async: false, renderer });

/** A Markdown file of an exercise (brief.md, pr/description.md) as lesson-styled HTML. */
export function renderMarkdown(source: string): HTMLElement {
  const el = document.createElement('div');
  el.className = 'prose judgment__doc';
  el.innerHTML = marked.parse(source, { async: false });
  // .prose tables scroll sideways when wide; a scrolling region must be reachable by keyboard.
  for (const table of el.querySelectorAll('table')) table.tabIndex = 0;
  return el;
}
