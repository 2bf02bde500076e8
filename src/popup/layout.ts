/** How many finding rows the popup shows when (kept apart so the first request can name them without loading the view). */

/**
 * Rows a group shows before "Show more": a page with thousands of beacons must not
 * make the popup slow to open (the first screen never needs more than this).
 */
export const ROWS_PER_PAGE = 50;

/**
 * Rows in the popup's first frame, over all groups: what its 600 px show below the
 * summary. The worker sends just these first (core/page-view.ts); the rest of each
 * group's first page follows once the whole record is in and that frame is painted.
 * With 1,000 findings, sending the whole record and laying out 50 rows per group was
 * most of the popup's time to its first frame (bench/README.md).
 */
export const FIRST_SCREEN_ROWS = 12;
