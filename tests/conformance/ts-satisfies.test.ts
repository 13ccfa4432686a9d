import { expect, test } from 'vitest';

type Palette = Record<string, string | number[]>;
const palette = { red: [255, 0, 0], green: '#0f0' } satisfies Palette;

test('satisfies keeps the value', () => {
  expect(palette.red[0]).toBe(255);
  expect(palette.green.toUpperCase()).toBe('#0F0');
});
