// Regenerates the deploy configs that give pages with exercises cross-origin isolation (COOP/COEP):
//   public/_headers (Netlify, Cloudflare Pages), vercel.json (Vercel), deploy/nginx.conf (an nginx snippet).
// `npm start` and `npm run build` do this too; run it by hand after editing a lesson's `exercises`
// without building:  node scripts/write-isolation-headers.ts
// A unit test (tests/unit/webcontainer-headers.test.ts) fails while the committed files are out of date.
import { fileURLToPath } from 'node:url';
import { writeDeployConfigs } from '../src/deploy/deploy-configs.ts';

const changed = await writeDeployConfigs(fileURLToPath(new URL('../', import.meta.url)));
console.log(changed.length > 0 ? `Updated ${changed.join(', ')}.` : 'Deploy configs are up to date.');
