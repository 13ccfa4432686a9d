// Regenerates the deploy configs that give pages with exercises cross-origin isolation (COOP/COEP):
//   public/_headers (Netlify, Cloudflare Pages), vercel.json (Vercel), deploy/nginx.conf (an nginx snippet).
// Run it after a lesson gains or loses an exercise:  node scripts/write-isolation-headers.ts
// A unit test (tests/unit/webcontainer-headers.test.ts) fails while they are out of date.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { netlifyHeaders, nginxSnippet, vercelConfig } from '../src/deploy/isolation-headers.ts';
import { readIsolatedContent } from '../src/deploy/isolated-content.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const content = await readIsolatedContent(root);
await mkdir(`${root}deploy`, { recursive: true });
await writeFile(`${root}public/_headers`, netlifyHeaders(content));
await writeFile(`${root}vercel.json`, vercelConfig(content));
await writeFile(`${root}deploy/nginx.conf`, nginxSnippet(content));
console.log(`Isolated ${content.lessons.length} lesson page(s) and ${content.exercises.length} exercise JSON file(s).`);
