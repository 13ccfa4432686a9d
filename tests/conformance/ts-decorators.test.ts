import { expect, test } from 'vitest';

const calls: string[] = [];

function logged<This, Args extends unknown[], Return>(
  method: (this: This, ...args: Args) => Return,
  context: ClassMethodDecoratorContext<This, (this: This, ...args: Args) => Return>,
) {
  return function (this: This, ...args: Args): Return {
    calls.push(String(context.name));
    return method.call(this, ...args);
  };
}

class Greeter {
  @logged
  greet(name: string): string {
    return `hello ${name}`;
  }
}

test('a standard method decorator wraps the method', () => {
  expect(new Greeter().greet('ada')).toBe('hello ada');
  expect(calls).toEqual(['greet']);
});
