export * from './normal.js';
export * from './loop.js';
export * from './rounded.js';
export * from './smooth.js';
export * from './jumpover.js';
