// Clean: two toggles that are still within their dates.
import { defineToggle } from '../toggle-registry';

export const feedRankerV2 = defineToggle({
  name: 'feed-ranker-v2',
  category: 'release',
  owner: 'feeds-team',
  expires: '2099-03-31',
});

export const recommendationsKillSwitch = defineToggle({
  name: 'recommendations-kill-switch',
  category: 'ops',
  owner: 'feeds-team',
  expires: '2099-12-31',
});
