import { describe, expect, it } from 'vitest';
import { greetingLine } from '../src/consumers/email-greeting';
import { profile } from './provider-states';

describe('email greeting ← profiles', () => {
  it('greets a recipient by the first word of their display name', async () => {
    expect(greetingLine(await profile('u1'))).toBe('Hi Ana,');
  });

  it('greets a recipient without a display name with "Hi there,"', async () => {
    expect(greetingLine(await profile('u2'))).toBe('Hi there,');
  });
});
