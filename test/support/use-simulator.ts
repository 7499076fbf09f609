/**
 * One PBX simulator for a test file: started before the file's first test, reset before each test,
 * closed after the last. Its accounts and request log are there at once; its URLs once started.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { Simulator, type SimulatorOptions } from '../sim/server';

export function useSimulator(options: SimulatorOptions = {}): Simulator {
  const sim = new Simulator(options);
  beforeAll(async () => {
    await sim.start(options.port);
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());
  return sim;
}
