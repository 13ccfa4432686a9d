import { describe, expect, it } from 'vitest';
import { hintButtonState } from '../../src/ui/exercise/hint-gate.ts';

const judgment = { lastAfterSubmit: true, submitted: false };

describe('hint button', () => {
  it('offers the hints one by one on a code exercise, the last one included', () => {
    const code = { lastAfterSubmit: false, submitted: false };
    expect(hintButtonState(0, 3, code)).toEqual({ enabled: true, text: 'Show hint 1 of 3' });
    expect(hintButtonState(2, 3, code)).toEqual({ enabled: true, text: 'Show hint 3 of 3' });
    expect(hintButtonState(3, 3, code)).toEqual({ enabled: false, text: 'No more hints' });
  });

  it('holds back the last hint of a judgment exercise until a first submission', () => {
    expect(hintButtonState(1, 3, judgment)).toEqual({ enabled: true, text: 'Show hint 2 of 3' });
    expect(hintButtonState(2, 3, judgment)).toEqual({
      enabled: false,
      text: 'The last hint opens after your first submission',
    });
    expect(hintButtonState(2, 3, { ...judgment, submitted: true })).toEqual({
      enabled: true,
      text: 'Show hint 3 of 3',
    });
  });
});
