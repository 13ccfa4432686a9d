import { describe, expect, it } from 'vitest';
import { importCyclesCheckSchema } from '../../src/content/schema/exercise.ts';
import { importCyclesKind } from '../../src/runtime/checks/import-cycles.ts';
import { noToolchain } from '../../src/runtime/checks/no-toolchain.ts';
import { blankComments, importEdges } from '../../src/runtime/parse/import-graph.ts';
import type { Files } from '../../src/runtime/checks/toolchain.ts';
import type { ExerciseBundle } from '../../src/runtime/exercise/bundle.ts';

function grade(files: Files, options: { modulesUnder?: string; typeImports?: boolean } = {}) {
  // Through the schema, so the spec has the defaults an exercise.yaml's would (typeImports: true).
  const spec = importCyclesCheckSchema.parse({
    id: 'no-cycles',
    title: 'No cycles',
    kind: 'import-cycles',
    files: Object.keys(files),
    ...options,
  });
  return importCyclesKind.run(spec, {
    bundle: {} as ExerciseBundle,
    workspace: files,
    toolchain: noToolchain,
    reveal: 'all',
    signal: new AbortController().signal,
  });
}

describe('import-cycles check', () => {
  it('reports a cycle between two modules with its path and the imports that make it', async () => {
    const outcome = await grade(
      {
        'src/modules/feeds/index.ts': "export { createFeed } from './internal/feed';\n",
        'src/modules/feeds/internal/feed.ts':
          "import type { MessagingApi } from '../../messaging';\nexport const createFeed = 1;\n",
        'src/modules/messaging/index.ts':
          "// messaging\nimport type { HomeFeed } from '../feeds';\nexport type X = HomeFeed;\n",
      },
      { modulesUnder: 'src/modules' },
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('1 import cycle: feeds → messaging → feeds');
    expect(outcome.items?.[0]).toMatchObject({
      label: 'Import cycle: feeds → messaging → feeds',
      file: 'src/modules/feeds/internal/feed.ts',
      line: 1,
      message:
        "src/modules/feeds/internal/feed.ts:1 imports '../../messaging'; src/modules/messaging/index.ts:2 imports '../feeds'",
    });
  });

  it('ignores imports inside one module, and type imports when told to', async () => {
    const files = {
      'src/modules/profiles/index.ts': "export { api } from './internal/api';\n",
      'src/modules/profiles/internal/api.ts': "import type { Summary } from '../index';\nexport const api = 1;\n",
    };
    expect((await grade(files, { modulesUnder: 'src/modules' })).status).toBe('pass');
    expect((await grade(files)).summary).toMatch(/^1 import cycle: src\/modules\/profiles\/index.ts → /);
    expect((await grade(files, { typeImports: false })).status).toBe('pass');
  });

  it('finds one shortest cycle per tangle, round three modules too', async () => {
    const outcome = await grade(
      {
        'm/a/index.ts': "import { b } from '../b/index.js';\nexport const a = b;\n",
        'm/b/index.ts': "export * from '../c';\n",
        'm/c/index.ts': "const a = await import('../a');\nexport const c = a;\n",
      },
      { modulesUnder: 'm' },
    );
    expect(outcome.summary).toBe('1 import cycle: a → b → c → a');
  });

  it('does not count commented-out imports or import-like text in strings', () => {
    const files = {
      'a.ts': "// import { b } from './b';\n/* import './b'; */\nexport const s = 'nothing to import';\n",
      'b.ts': "import { s } from './a';\n",
    };
    expect(importEdges(files, Object.keys(files)).map((e) => `${e.from}->${e.to}`)).toEqual(['b.ts->a.ts']);
    expect(blankComments("const u = 'http://x'; // c\n")).toBe("const u = 'http://x';     \n");
  });
});
