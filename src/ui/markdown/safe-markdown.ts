import { Marked, type Tokens } from 'marked';

/**
 * Markdown written by one user and shown on another user's page (review comments, replies, decisions,
 * signature comments). Nothing in it may run or restyle the page: raw HTML is shown as text, links keep
 * only http(s), mailto and same-site targets, and images become links (a remote image would tell its
 * host who read the comment, and when). No DOM: the same string renders under Node in tests.
 */
const SAFE_PROTOCOL = /^(https?:|mailto:)/i;
/** Same-site paths and fragments; "//host" is protocol-relative, i.e. another site. */
const SAME_SITE = /^(\/(?!\/)|#|\.{1,2}\/)/;

const markdown = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
    link(token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens);
      const href = safeHref(token.href);
      if (href === null) return text;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<a href="${escapeHtml(href)}"${title} rel="noopener noreferrer nofollow">${text}</a>`;
    },
    image(token: Tokens.Image) {
      const href = safeHref(token.href);
      const text = escapeHtml(token.text || token.href);
      return href === null ? text : `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${text}</a>`;
    },
  },
});

/** HTML for a user's Markdown, safe to set as innerHTML. */
export function renderSafeMarkdown(source: string): string {
  return markdown.parse(source, { async: false });
}

/** The href to keep, or null to drop the link (javascript:, data:, vbscript:, protocol-relative …). */
function safeHref(raw: string): string | null {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"): strip them first.
  // eslint-disable-next-line no-control-regex
  const href = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (SAFE_PROTOCOL.test(href) || SAME_SITE.test(href)) return href;
  // A bare relative path with no scheme ("notes.md") cannot run script either.
  return /^[^:/?#]+(?:[/?#]|$)/.test(href) && !href.includes(':') ? href : null;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
