import { defineToggle } from './toggle-registry';

/** The saved-posts strangler: legacy → shadow → new by percentage → delete legacy and this toggle. */
export const savedPostsV2 = defineToggle({
  name: 'saved-posts-v2',
  category: 'release',
  owner: 'feeds-team',
  expires: '2099-12-31', // shortened to the rollout's end date when shadowing starts
});

/** Ops kill switch for author notifications when the mail provider is degraded. Long-lived by design. */
export const authorNotificationsKillSwitch = defineToggle({
  name: 'author-notifications-kill-switch',
  category: 'ops',
  owner: 'notifications-team',
  expires: '2099-12-31',
});
