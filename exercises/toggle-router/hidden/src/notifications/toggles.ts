// Bug: among two live toggles, an experiment that ended in January 2026 was never removed.
import { defineToggle } from '../toggle-registry';

export const digestKillSwitch = defineToggle({
  name: 'digest-kill-switch',
  category: 'ops',
  owner: 'notifications-team',
  expires: '2099-12-31',
});

export const subjectLineExperiment = defineToggle({
  name: 'subject-line-experiment',
  category: 'experiment',
  owner: 'growth-team',
  expires: '2026-01-15',
});

export const betaInbox = defineToggle({
  name: 'beta-inbox',
  category: 'permissioning',
  owner: 'notifications-team',
  expires: '2099-06-30',
});
