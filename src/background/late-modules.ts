/// <reference types="@crxjs/vite-plugin/client" />
/**
 * The files of the modules the content script leaves out (content/late-modules.ts), and
 * their injection into the frame that asks. The build (crxjs's `?script&iife`) bundles
 * each as a self-contained script and gives its path; imported here, in the worker, the
 * file is packaged without being web-accessible.
 */
import consentReaderFile from '../content/late/consent-reader.ts?script&iife';
import leakMatcherFile from '../content/late/leak-matcher.ts?script&iife';
import type { LateModuleName } from '../shared/messages';
import type { ContentSender } from './router';

const FILES: Record<LateModuleName, string> = {
  'leak-matcher': leakMatcherFile,
  'consent-reader': consentReaderFile,
};

/** The part of the scripting API this uses. */
export interface ScriptInjector {
  executeScript(injection: {
    target: { tabId: number; frameIds?: number[]; documentIds?: string[] };
    files: string[];
    injectImmediately?: boolean;
  }): Promise<unknown>;
}

/**
 * Runs the module's file in the frame that asked: in Chromium, in that very document (a
 * frame that has navigated since gets nothing); in Firefox, which names no documents, in the frame.
 */
export async function injectModule(scripting: ScriptInjector, module: LateModuleName, from: ContentSender): Promise<void> {
  await scripting.executeScript({
    target: from.documentId !== undefined ? { tabId: from.tabId, documentIds: [from.documentId] } : { tabId: from.tabId, frameIds: [from.frameId] },
    files: [FILES[module]],
    injectImmediately: true,
  });
}
