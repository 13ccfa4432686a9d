// Probe: a feeds job uses feeds' own internals from a sibling folder. Must not be flagged.
import { createFeedService } from '../internal/feed-service';
import { createMessagingApi } from '../../messaging/index';

export const probe = [createFeedService, createMessagingApi];
