// Names of the Cache Storage caches the app and the service worker share.

/** The cache holding one course's media files, keyed by each file's versioned URL. */
export const mediaCacheName = (courseId: string): string => `lommekurs-media-${courseId}`;

/** The cache holding the last catalogue seen, for offline starts. */
export const CATALOGUE_CACHE = 'lommekurs-catalogue';
