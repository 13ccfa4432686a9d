import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listExerciseSlugs, loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import { teamModeBundle } from '../../src/runtime/exercise/team-bundle.ts';

const EXERCISES = join(fileURLToPath(new URL('../../', import.meta.url)), 'exercises');

/** Lines long enough to be telling: a secret's line found in the page bundle means the secret shipped. */
const telling = (text: string) => text.split('\n').filter((l) => l.trim().length >= 30);

describe('the team-mode exercise bundle', () => {
  it('holds no hidden file, solution, mutant, wrong answer or key of any exercise, and lists what the server adds', async () => {
    for (const slug of await listExerciseSlugs(EXERCISES)) {
      const { bundle } = await loadExercise(EXERCISES, slug);
      const { page, serverChecks } = teamModeBundle(bundle);
      const shipped = JSON.stringify(page);
      const visible = JSON.stringify(bundle.starter);
      const secrets = [
        ...Object.values(bundle.hidden),
        ...Object.entries(bundle.solution)
          .filter(([path, text]) => bundle.starter[path] !== text)
          .map(([, t]) => t),
        ...Object.values(bundle.fixtures),
      ];
      for (const line of secrets.flatMap(telling)) {
        // A line the starter already shows (an import, a shared helper) is not a secret.
        if (visible.includes(JSON.stringify(line).slice(1, -1))) continue;
        expect(shipped, `${slug}: ${line}`).not.toContain(JSON.stringify(line).slice(1, -1));
      }
      for (const path of Object.keys(bundle.hidden)) expect(shipped, `${slug}: ${path}`).not.toContain(path);
      expect(page.meta.wrongSolutions).toEqual([]);
      expect([...page.meta.checks.map((c) => c.id), ...serverChecks.map((c) => c.id)].sort()).toEqual(
        bundle.meta.checks.map((c) => c.id).sort(),
      );
    }
  });

  it('keeps the checks a browser can run on what the learner sees, and moves the rest to the server', async () => {
    const gate = teamModeBundle((await loadExercise(EXERCISES, 'lint-gate')).bundle);
    // The gate is judged on hidden bug samples and the fix on hidden tests: only the server can run them.
    expect(gate.serverChecks.map((c) => c.id)).toEqual(['gate', 'checkout-total']);
    const charge = teamModeBundle((await loadExercise(EXERCISES, 'payment-charge')).bundle);
    expect(charge.serverChecks.map((c) => c.id)).toContain('scenarios');
  });
});
