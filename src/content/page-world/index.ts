/**
 * The page-world (MAIN) content script: one file, so Chromium injects and compiles one
 * script at document_start, not two. Each part keeps to itself and imports nothing at run time.
 */
import './beacon-hints';
import './behaviour-watch';
