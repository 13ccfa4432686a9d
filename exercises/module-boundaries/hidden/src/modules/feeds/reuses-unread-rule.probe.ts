// Probe: a file at the root of feeds copies messaging's unread rule. Must be flagged.
import { countUnread } from '../messaging/internal/unread';

export const probe = countUnread;
