import { describe, expect, test } from 'vitest';

test.each`
  a    | b    | sum
  ${1} | ${2} | ${3}
  ${2} | ${2} | ${4}
`('adds $a + $b = $sum', ({ a, b, sum }) => {
  expect(a + b).toBe(sum);
});

test.each`
  input     | length
  ${'ab'}   | ${2}
  ${[1, 2]} | ${3}
`('length of $input is $length', ({ input, length }) => {
  expect(input.length).toBe(length);
});

describe.each`
  name     | greeting
  ${'ada'} | ${'hello ada'}
`('greeting $name', ({ name, greeting }) => {
  test('builds the text', () => {
    expect(`hello ${name}`).toBe(greeting);
  });
});
