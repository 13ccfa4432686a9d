// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// Where "Edit this page" links point. Teams self-hosting set CRAFTPATH_EDIT_BASE to their own repository.
const editBase = process.env.CRAFTPATH_EDIT_BASE ?? 'https://github.com/craftpath/craftpath/edit/main/';

export default defineConfig({
  site: process.env.CRAFTPATH_SITE ?? 'https://craftpath.dev',
  trailingSlash: 'ignore',
  integrations: [mdx()],
  markdown: {
    shikiConfig: {
      // Both themes are emitted as CSS variables; src/styles/global.css picks one from data-theme.
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
    },
  },
  vite: {
    define: {
      'import.meta.env.CRAFTPATH_EDIT_BASE': JSON.stringify(editBase),
    },
  },
});
