// Probe: feeds uses other modules through their facades. Must not be flagged.
import { createMessagingApi } from '../../messaging';
import { createProfilesApi } from '../../profiles/index';

export const probe = [createMessagingApi, createProfilesApi];
