// Bug: a toggle declared without any expiry date, so it can never be flagged as debt.
import { defineToggle } from '../toggle-registry';

// @ts-expect-error added before toggles had to expire; nobody knew what date to pick
export const threeDSecureChallenge = defineToggle({
  name: 'three-d-secure-challenge',
  category: 'release',
  owner: 'payments-team',
});
