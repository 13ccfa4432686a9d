import { h } from './dom.ts';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet';

/** The classes of src/components/Button.astro, for buttons an island creates. */
export function buttonClass(variant: ButtonVariant = 'primary'): string {
  return variant === 'primary' ? 'button' : `button button--${variant}`;
}

/** A `<button type="button">` in one of the site's three variants. */
export function button(
  label: string,
  variant: ButtonVariant = 'primary',
  attrs: Record<string, string | boolean> = {},
): HTMLButtonElement {
  return h('button', { type: 'button', class: buttonClass(variant), ...attrs }, label);
}
