import { expect, test } from 'vitest';
import type { Geometry } from './helpers/namespaces.ts';
import { type Shapes } from './helpers/namespaces.ts';

declare const injected: number | undefined;
declare global {
  var conformanceGlobal: string | undefined;
}
interface Point {
  x: number;
  y: number;
}
abstract class Shape {
  abstract area(): number;
}
class Square extends Shape implements Point {
  x = 0;
  y = 0;
  declare note: string;
  override area(): number {
    return 4;
  }
}
const kind: Shapes.Kind = 'square';
const unit: typeof Geometry.UNIT = 'cm';

test('types, declarations and modifiers erase to nothing', () => {
  expect(new Square().area()).toBe(4);
  expect('note' in new Square()).toBe(false);
  expect(typeof injected).toBe('undefined');
  expect(globalThis.conformanceGlobal).toBeUndefined();
  expect(`${kind}${unit}`).toBe('squarecm');
  expect(<number>(<unknown>3)).toBe(3);
  expect(((value: string | null) => value!.length)('ab')).toBe(2);
});
