import type { CheckItem } from '../report/check-report.ts';
import { importEdges, type ImportEdge } from '../parse/import-graph.ts';
import { READS_NOTHING, type CheckKind, type SpecOf } from './kind.ts';

/**
 * No import cycles among the listed files, or between the modules they belong to. A cycle means neither
 * side can change without the other, which is the coupling a boundary exists to prevent, and lint's
 * import patterns cannot see it: they match one import's text, a cycle is a path through several files.
 * Pure (the files' text only), so every engine runs it the same way.
 */
export const importCyclesKind: CheckKind<SpecOf<'import-cycles'>> = {
  kind: 'import-cycles',
  toolchain: 'none',
  runtime: 'any',
  reads: () => READS_NOTHING,
  answerKeyIsSecret: false,
  async run(spec, { workspace }) {
    const missing = spec.files.filter((path) => workspace[path] === undefined);
    if (missing.length > 0) throw new Error(`${missing.join(', ')} not in the workspace`);
    const edges = importEdges(workspace, spec.files).filter((e) => spec.typeImports || !e.typeOnly);
    const nodeOf = (path: string): string => moduleOf(path, spec.modulesUnder) ?? path;
    const cycles = findCycles(edges, nodeOf);
    const unit = spec.modulesUnder === undefined ? 'files' : 'modules';
    const nodes = new Set(spec.files.map(nodeOf));
    if (cycles.length === 0) {
      return {
        status: 'pass',
        summary: `No import cycles between ${nodes.size} ${unit}`,
        items: [{ id: 'no-cycles', label: `No import cycles between ${unit}`, status: 'pass' }],
      };
    }
    const items: CheckItem[] = cycles.map((cycle, i) => {
      const first = cycle.hops[0];
      return {
        id: `cycle-${i + 1}`,
        label: `Import cycle: ${[...cycle.nodes, cycle.nodes[0]].join(' → ')}`,
        status: 'fail',
        message: cycle.hops.map((e) => `${e.from}:${e.line} imports '${e.specifier}'`).join('; '),
        ...(first ? { file: first.from, line: first.line } : {}),
      };
    });
    return {
      status: 'fail',
      summary: `${cycles.length} import cycle${cycles.length === 1 ? '' : 's'}: ${items.map((i) => i.label.replace(/^Import cycle: /, '')).join('; ')}`,
      items,
    };
  },
};

/** The module a file belongs to: the folder right below `root` ("src/modules/feeds/x.ts" → "feeds"). */
function moduleOf(path: string, root: string | undefined): string | undefined {
  if (root === undefined) return undefined;
  const prefix = `${root.replace(/\/+$/, '')}/`;
  if (!path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length).split('/');
  return rest.length > 1 ? rest[0] : undefined;
}

interface Cycle {
  /** Nodes in order, starting from the alphabetically first, without repeating it at the end. */
  nodes: string[];
  /** One import per hop, nodes[i] → nodes[i+1] (and the last back to the first). */
  hops: ImportEdge[];
}

/**
 * One shortest cycle per strongly connected group of nodes (Tarjan), so a tangle of five modules is one
 * finding with a path the learner can follow, not every permutation of it.
 */
export function findCycles(edges: readonly ImportEdge[], nodeOf: (path: string) => string): Cycle[] {
  const out = new Map<string, Map<string, ImportEdge>>();
  for (const edge of edges) {
    const from = nodeOf(edge.from);
    const to = nodeOf(edge.to);
    if (from === to) continue;
    const targets = out.get(from) ?? new Map<string, ImportEdge>();
    if (!targets.has(to)) targets.set(to, edge);
    out.set(from, targets);
  }
  const nodes = [...new Set([...out.keys(), ...[...out.values()].flatMap((t) => [...t.keys()])])].sort();
  const cycles: Cycle[] = [];
  for (const group of stronglyConnected(nodes, out)) {
    if (group.length < 2) continue;
    const start = [...group].sort()[0] ?? '';
    const path = shortestCycle(start, new Set(group), out);
    const hops = path
      .map((node, i) => out.get(node)?.get(path[(i + 1) % path.length] ?? ''))
      .filter((e): e is ImportEdge => e !== undefined);
    cycles.push({ nodes: path, hops });
  }
  return cycles.sort((a, b) => (a.nodes[0] ?? '').localeCompare(b.nodes[0] ?? ''));
}

function stronglyConnected(nodes: readonly string[], out: Map<string, Map<string, ImportEdge>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of [...(out.get(node)?.keys() ?? [])].sort()) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      groups.push(group);
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return groups;
}

/** Breadth-first from `start` back to itself inside its group: the shortest way round. */
function shortestCycle(start: string, group: ReadonlySet<string>, out: Map<string, Map<string, ImportEdge>>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() ?? '';
    for (const next of [...(out.get(node)?.keys() ?? [])].sort()) {
      if (!group.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0] ?? '') ?? start);
        return path;
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start];
}
