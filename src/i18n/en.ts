/**
 * Every string the interface shows, in one place: a translation is a new file with the same keys.
 * Lesson and exercise text is content and is translated in content/, not here.
 */
export const en = {
  siteName: 'Craftpath',
  siteTagline: 'Grow from backend engineer to senior: code quality and architecture ownership.',
  skipToContent: 'Skip to content',
  mainNav: 'Main',
  themeToggle: 'Toggle dark theme',
  themeLight: 'Light theme',
  themeDark: 'Dark theme',
  tracksHeading: 'Tracks',
  startLearning: 'Start the first lesson',
  browseTracks: 'Browse the tracks',
  lessonsInTrack: 'Lessons in this track',
  minutes: (n: number) => `${n} min`,
  lessonCount: (n: number) => `${n} ${n === 1 ? 'lesson' : 'lessons'}`,
  onThisPage: 'On this page',
  objectivesHeading: 'You will be able to',
  prerequisitesHeading: 'Read first',
  sourcesHeading: 'Sources',
  primarySource: 'primary source',
  previous: 'Previous',
  next: 'Next',
  editPage: 'Edit this page',
  pagination: 'Lesson navigation',
  trackNav: 'Track lessons',
  notFoundTitle: 'Page not found',
  notFoundBody: 'There is no page at this address. It may have moved when the curriculum changed.',
  backHome: 'Back to the home page',
  footer: 'Craftpath is open source. Lessons cite their sources; check them.',
} as const;

export type Strings = typeof en;
