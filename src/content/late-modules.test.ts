import { describe, expect, it, vi } from 'vitest';
import { createLeakMatcher } from '../core/classify/leaks';
import type { LoadModuleMessage } from '../shared/messages';
import { moduleLoader, provideModule } from './late-modules';

/** A worker that "injects" the file by running what the file would run, in the same scope. */
const workerFor = (scope: object, injected = true) =>
  vi.fn(async (_message: LoadModuleMessage) => {
    if (injected) provideModule('leak-matcher', { createLeakMatcher }, scope);
    return undefined;
  });

describe('moduleLoader', () => {
  it('asks the worker once and hands over what the injected file provided', async () => {
    const scope = {};
    const send = workerFor(scope);
    const load = moduleLoader(send, scope);
    const [first, second] = await Promise.all([load('leak-matcher'), load('leak-matcher')]);
    expect(first.createLeakMatcher).toBe(createLeakMatcher);
    expect(second).toBe(first);
    await load('leak-matcher');
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ type: 'load-module', module: 'leak-matcher' });
  });

  it('fails when the worker cannot inject, and asks again next time', async () => {
    const scope = {};
    const send = vi.fn(async () => undefined).mockRejectedValueOnce(new Error('Could not establish connection'));
    const load = moduleLoader(send, scope);
    await expect(load('leak-matcher')).rejects.toThrow('Could not establish connection');
    send.mockImplementationOnce(async () => {
      provideModule('leak-matcher', { createLeakMatcher }, scope);
      return undefined;
    });
    await expect(load('leak-matcher')).resolves.toMatchObject({ createLeakMatcher });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('fails, rather than waiting for ever, when the worker answers but nothing arrived', async () => {
    const scope = {};
    await expect(moduleLoader(workerFor(scope, false), scope)('leak-matcher')).rejects.toThrow(/did not arrive/);
  });

  it('a file injected without a loader in its frame does nothing', () => {
    expect(() => provideModule('leak-matcher', { createLeakMatcher }, {})).not.toThrow();
  });
});
