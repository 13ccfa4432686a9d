// Probe: messaging's internals use each other and their own facade. Must not be flagged.
import { createMessagingApi } from '../index';
import { countUnread } from './unread';
import { createProfilesApi } from '../../profiles';

export const probe = [createMessagingApi, countUnread, createProfilesApi];
