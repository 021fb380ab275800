import { describe, expect, it } from 'vitest';
import { singleFlight } from './single-flight';

describe('one save at a time', () => {
  it('drops a second call made while the first is in flight, and allows one after it', async () => {
    let calls = 0;
    let finish: (v: string) => void = () => undefined;
    const save = singleFlight(() => {
      calls++;
      return new Promise<string>((resolve) => (finish = resolve));
    });
    const first = save.run();
    const second = save.run();
    expect(save.busy()).toBe(true);
    expect(await second).toBeUndefined();
    finish('saved');
    expect(await first).toBe('saved');
    expect(save.busy()).toBe(false);
    expect(calls).toBe(1);
    const third = save.run();
    finish('again');
    expect(await third).toBe('again');
    expect(calls).toBe(2);
  });

  it('frees the guard when the save fails', async () => {
    const save = singleFlight(() => Promise.reject(new Error('disk full')));
    await expect(save.run()).rejects.toThrow('disk full');
    expect(save.busy()).toBe(false);
  });
});
