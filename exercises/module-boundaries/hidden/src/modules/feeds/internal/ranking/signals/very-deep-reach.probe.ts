// Probe: a file four folders deep in feeds reaches into messaging. Must be flagged.
import { countUnread } from '../../../../messaging/internal/unread';

export const probe = countUnread;
