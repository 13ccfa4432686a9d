import { describe, expect, it } from 'vitest';
import { renderSafeMarkdown } from '../../src/ui/markdown/safe-markdown.ts';

describe('the safe Markdown renderer for comments', () => {
  it('renders the Markdown a mentor writes', () => {
    const html = renderSafeMarkdown('**Blocking**: use `Math.round`.\n\n- one\n- two\n\n```ts\nconst x = 1 < 2;\n```');
    expect(html).toContain('<strong>Blocking</strong>');
    expect(html).toContain('<code>Math.round</code>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('const x = 1 &lt; 2;');
  });

  it('shows raw HTML as text, so no script, handler or style reaches the page', () => {
    for (const source of [
      '<script>alert(1)</script>',
      'Look: <img src=x onerror="alert(1)">',
      '<div style="position:fixed">x</div>',
      '<iframe src="https://evil.example"></iframe>',
      'inline <b onmouseover="alert(1)">bold</b>',
    ]) {
      const html = renderSafeMarkdown(source);
      expect(html).not.toMatch(/<(script|img|div|iframe|b)\b/i);
      expect(html).toContain('&lt;');
    }
  });

  it('drops javascript:, data: and protocol-relative links but keeps their text', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<b>x',
      '//evil.example/x',
      'vbscript:msgbox',
    ]) {
      const html = renderSafeMarkdown(`[click me](${href})`);
      expect(html).not.toContain('<a');
      expect(html).toContain('click me');
    }
    expect(renderSafeMarkdown('<javascript:alert(1)>')).not.toContain('<a');
  });

  it('keeps web, mail and same-site links, opened without handing over the page', () => {
    expect(renderSafeMarkdown('[docs](https://eslint.org/docs/rules/eqeqeq)')).toContain(
      '<a href="https://eslint.org/docs/rules/eqeqeq" rel="noopener noreferrer nofollow">docs</a>',
    );
    expect(renderSafeMarkdown('[lesson](/lessons/lint-for-bugs/)')).toContain('href="/lessons/lint-for-bugs/"');
    expect(renderSafeMarkdown('[me](mailto:mentor@example.com)')).toContain('href="mailto:mentor@example.com"');
  });

  it('turns an image into a link, so reading a comment does not fetch a stranger’s URL', () => {
    const html = renderSafeMarkdown('![diagram](https://tracker.example/pixel.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('<a href="https://tracker.example/pixel.png"');
    expect(renderSafeMarkdown('![x](javascript:alert(1))')).not.toContain('<a');
  });

  it('escapes quotes in a link so it cannot break out of the attribute', () => {
    const html = renderSafeMarkdown('[x](https://a.example/"onmouseover="alert(1))');
    expect(html).not.toMatch(/"\s*onmouseover=/);
  });
});
