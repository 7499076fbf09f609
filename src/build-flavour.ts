/**
 * Which flavour of Ringback this is, fixed at build time (`import.meta.env.MODE`): a production
 * bundle keeps none of the branches for the others.
 */

/** The builds that never ship: the simulator build (demo, end-to-end tests) and the unit tests. */
export function neverShips(): boolean {
  return import.meta.env.MODE === 'sim' || import.meta.env.MODE === 'test';
}
