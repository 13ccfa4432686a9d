// Probe: profiles skips the feeds facade. Must be flagged.
import { createFeedService } from '../../feeds/internal/feed-service';

export const probe = createFeedService;
