/**
 * The controls as the browser popup starts them: loaded by main.tsx after the first
 * render, so the findings' first screen does not wait for the settings code, the
 * message validators and the decision rules.
 */
import { createBrowserControlsSource } from './controls-source';
import { startControls, type ControlsState } from './controls-state';

export const startBrowserControls = (tabId: () => Promise<number | undefined>): ControlsState =>
  startControls(createBrowserControlsSource(), tabId);
