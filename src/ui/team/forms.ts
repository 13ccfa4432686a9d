import { ApiCallError } from './api.ts';

/** Reads a form's named fields as strings. */
export function fields(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)]));
}

/**
 * Runs a form's action on submit and shows the outcome in its [data-status] element: the server's
 * sentence on failure, with the named field marked invalid, so a 4xx reads as what to fix.
 */
export function onSubmit(
  form: HTMLFormElement | null,
  action: (values: Record<string, string>) => Promise<string | undefined>,
): void {
  if (!form) return;
  const status = form.querySelector<HTMLElement>('[data-status]');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    if (status) status.textContent = '';
    action(fields(form)).then(
      (message) => {
        if (status && message) status.textContent = message;
      },
      (error: unknown) => {
        if (status) status.textContent = error instanceof Error ? error.message : String(error);
        if (error instanceof ApiCallError && error.field)
          form.querySelector(`[name="${CSS.escape(error.field)}"]`)?.setAttribute('aria-invalid', 'true');
      },
    );
  });
}
