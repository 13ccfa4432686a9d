import type { IncidentReview } from './review-types';

export const review: IncidentReview = {
  summary: '',
  contributingFactors: [],
  actionItems: [],
};
