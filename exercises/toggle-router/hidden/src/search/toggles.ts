// Bug: a release toggle that expired in 2025 is still declared, with the code paths it guards.
import { defineToggle } from '../toggle-registry';

export const searchRankingV3 = defineToggle({
  name: 'search-ranking-v3',
  category: 'release',
  owner: 'search-team',
  expires: '2025-06-30',
});
