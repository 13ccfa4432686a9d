// Bug: a toggle declared without any expiry date, so it can never be flagged as debt.
import { defineToggle } from '../toggle-registry';

export const threeDSecureChallenge = defineToggle({
  name: 'three-d-secure-challenge',
  category: 'release',
  owner: 'payments-team',
});
