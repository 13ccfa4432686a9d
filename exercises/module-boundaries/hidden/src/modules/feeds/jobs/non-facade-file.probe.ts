// Probe: feeds imports a profiles file that sits outside internal/ but is not its facade. Must be flagged.
import { profileEvents } from '../../profiles/profile-events';

export const probe = profileEvents;
