import { describe, expect, it } from 'vitest';
import { review } from './review';

describe('the review is filled in', () => {
  it('has a summary, contributing factors and action items', () => {
    expect(review.summary.length).toBeGreaterThan(40);
    expect(review.contributingFactors.length).toBeGreaterThan(0);
    expect(review.actionItems.length).toBeGreaterThan(0);
  });
});
